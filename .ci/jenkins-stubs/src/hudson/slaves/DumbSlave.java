// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/slaves/DumbSlave.java (type only; returned by JenkinsRule.createSlave())
package hudson.slaves;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.FilePath;
import hudson.model.Slave;

public final class DumbSlave extends Slave {
    private DumbSlave() {
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
