// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/model/Slave.java (for JenkinsRule agents)
// Only the non-deprecated constructor; the deprecated long ones are omitted.
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.slaves.ComputerLauncher;
import java.io.IOException;
import java.io.Serializable;

public abstract class Slave extends Node implements Serializable {
    protected Slave(@NonNull String name, String remoteFS, ComputerLauncher launcher) throws Descriptor.FormException, IOException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
