// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/model/Actionable.java
// Omitted: ModelObjectWithContextMenu, getDynamic, doContextMenu.
package hudson.model;

import edu.umd.cs.findbugs.annotations.Nullable;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.List;

public abstract class Actionable extends AbstractModelObject {
    @Deprecated
    @NonNull
    public List<Action> getActions() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    public final List<? extends Action> getAllActions() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    public <T extends Action> List<T> getActions(Class<T> type) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void addAction(@NonNull Action a) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void replaceAction(@NonNull Action a) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean addOrReplaceAction(@NonNull Action a) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean removeAction(@Nullable Action a) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean removeActions(@NonNull Class<? extends Action> clazz) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
