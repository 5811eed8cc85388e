// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/model/AbstractItem.java
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.security.ACL;
import java.io.IOException;

public abstract class AbstractItem extends Actionable implements Item {
    protected AbstractItem(ItemGroup parent, String name) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    // Raw, as in core (a bridge for TopLevelItem#getParent()).
    @NonNull
    @Override
    public ItemGroup getParent() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public String getName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public final String getFullName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public final String getFullDisplayName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public final String getUrl() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
