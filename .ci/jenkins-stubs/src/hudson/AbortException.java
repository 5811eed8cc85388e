// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/AbortException.java
package hudson;

import java.io.IOException;

public final class AbortException extends IOException {
    private static final long serialVersionUID = 1L;

    public AbortException() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public AbortException(String message) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
