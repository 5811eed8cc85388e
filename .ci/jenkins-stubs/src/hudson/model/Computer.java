// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/model/Computer.java
// Only getChannel(); everything else is omitted.
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.remoting.VirtualChannel;
import hudson.security.ACL;
import hudson.security.AccessControlled;

public abstract class Computer extends Actionable implements AccessControlled {
    @Nullable
    public abstract VirtualChannel getChannel();

    @NonNull
    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
