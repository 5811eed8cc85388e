// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/model/TaskListener.java
// Omitted: getCharset() (@Restricted(ProtectedExternally)) and annotate(ConsoleNote).
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

public interface TaskListener extends SerializableOnlyOverRemoting {
    @NonNull
    PrintStream getLogger();

    default void hyperlink(String url, String text) throws IOException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    default PrintWriter error(String msg) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    default PrintWriter error(String format, Object... args) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    default PrintWriter fatalError(String msg) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    default PrintWriter fatalError(String format, Object... args) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    TaskListener NULL = standin.StandIn.value();
}
