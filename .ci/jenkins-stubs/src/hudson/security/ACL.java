// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/security/ACL.java
// Omitted: Sid constants, lambda factories, impersonate*, deprecated acegi overloads.
package hudson.security;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.User;
import org.springframework.security.core.Authentication;

public abstract class ACL {
    public static final Authentication SYSTEM2 = standin.StandIn.value();

    public final void checkPermission(@NonNull Permission p) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public final void checkAnyPermission(@NonNull Permission... permissions) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public final boolean hasPermission(@NonNull Permission p) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public final boolean hasAnyPermission(@NonNull Permission... permissions) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean hasPermission2(@NonNull Authentication a, @NonNull Permission permission) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    public static ACLContext as2(@NonNull Authentication auth) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    public static ACLContext as(@CheckForNull User user) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static boolean isAnonymous2(@NonNull Authentication authentication) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
