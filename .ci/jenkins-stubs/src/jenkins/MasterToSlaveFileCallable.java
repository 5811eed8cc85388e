// Stand-in for: jenkinsci/jenkins core/src/main/java/jenkins/MasterToSlaveFileCallable.java (2.479 line)
package jenkins;

import hudson.FilePath.FileCallable;
import org.jenkinsci.remoting.RoleChecker;

public abstract class MasterToSlaveFileCallable<T> implements FileCallable<T> {
    @Override
    public void checkRoles(RoleChecker checker) throws SecurityException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    private static final long serialVersionUID = 1L;
}
