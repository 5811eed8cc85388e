// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/slaves/DumbSlave.java (type only; returned by JenkinsRule.createSlave())
package hudson.slaves;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.FilePath;
import hudson.model.Descriptor;
import hudson.model.Slave;
import java.io.IOException;

public final class DumbSlave extends Slave {
    // Stricter than core (whose constructors are public): tests get agents from JenkinsRule.createSlave().
    private DumbSlave() throws Descriptor.FormException, IOException {
        super("", "", null);
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    @Override
    public String getNodeName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public FilePath getRootPath() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
