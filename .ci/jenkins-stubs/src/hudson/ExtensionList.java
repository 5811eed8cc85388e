// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/ExtensionList.java
// Only lookup/lookupSingleton/get(Class); real class also implements OnMaster and has listeners, refresh, etc.
package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.AbstractList;

public class ExtensionList<T> extends AbstractList<T> {
    private ExtensionList() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public @CheckForNull <U extends T> U get(@NonNull Class<U> type) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public T get(int index) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static @NonNull <T> ExtensionList<T> lookup(Class<T> type) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static @NonNull <U> U lookupSingleton(Class<U> type) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
