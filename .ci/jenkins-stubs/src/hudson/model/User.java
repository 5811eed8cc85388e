// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/model/User.java
// Only the members listed here.
package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.security.ACL;
import hudson.security.AccessControlled;

public class User extends AbstractModelObject implements AccessControlled {
    private User() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public @NonNull String getId() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public @NonNull String getFullName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public @NonNull String getDisplayName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public @NonNull String getUrl() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static @CheckForNull User current() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static @CheckForNull User getById(String id, boolean create) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
