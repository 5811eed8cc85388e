// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/security/AccessControlled.java
// Omitted: deprecated hasPermission(org.acegisecurity.Authentication, Permission).
package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

public interface AccessControlled {
    @NonNull
    ACL getACL();

    default void checkPermission(@NonNull Permission permission) throws AccessDeniedException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    default void checkAnyPermission(@NonNull Permission... permission) throws AccessDeniedException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    default boolean hasPermission(@NonNull Permission permission) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    default boolean hasAnyPermission(@NonNull Permission... permission) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    default boolean hasPermission2(@NonNull Authentication a, @NonNull Permission permission) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
