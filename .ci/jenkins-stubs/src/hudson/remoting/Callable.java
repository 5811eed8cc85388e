// Stand-in for: jenkinsci/remoting src/main/java/hudson/remoting/Callable.java
// Compile-only. Omitted: default methods getChannelOrFail()/getOpenChannelOrFail() (need Channel).
package hudson.remoting;

import java.io.Serializable;
import org.jenkinsci.remoting.RoleSensitive;

public interface Callable<V, T extends Throwable> extends Serializable, RoleSensitive {
    V call() throws T;
}
