// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/security/ACLContext.java
// Omitted: deprecated getPreviousContext() (acegi type).
package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.springframework.security.core.context.SecurityContext;

public class ACLContext implements AutoCloseable {
    ACLContext() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    public SecurityContext getPreviousContext2() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
