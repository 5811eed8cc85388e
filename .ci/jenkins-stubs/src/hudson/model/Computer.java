// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/model/Computer.java
// Only getChannel() and threadPoolForRemoting; everything else is omitted.
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.remoting.VirtualChannel;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import java.util.concurrent.ExecutorService;

public abstract class Computer extends Actionable implements AccessControlled {
    protected Computer(Node node) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    // Real value: a cached daemon thread pool wrapped to run as ACL.SYSTEM2 (ImpersonatingExecutorService).
    public static final ExecutorService threadPoolForRemoting = standin.StandIn.value();

    @Nullable
    public abstract VirtualChannel getChannel();

    @NonNull
    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
