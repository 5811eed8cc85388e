// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/security/Permission.java
// Omitted: constructors (plugins here only use existing permissions), owner/group/description/scopes fields,
// PermissionGroup constants.
package hudson.security;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.List;

public final class Permission {
    public final @NonNull String name;
    public final @CheckForNull Permission impliedBy;
    public boolean enabled;

    private Permission() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public @NonNull String getId() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static @CheckForNull Permission fromId(@NonNull String id) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static @NonNull List<Permission> getAll() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static final Permission READ = standin.StandIn.value();
    public static final Permission WRITE = standin.StandIn.value();
    public static final Permission CREATE = standin.StandIn.value();
    public static final Permission UPDATE = standin.StandIn.value();
    public static final Permission DELETE = standin.StandIn.value();
    public static final Permission CONFIGURE = standin.StandIn.value();
}
