// Stand-in for: jenkinsci/jenkins core/src/main/java/jenkins/security/MasterToSlaveCallable.java (2.479 line;
// later cores route it through jenkins.agents.ControllerToAgentCallable, same members for subclasses).
package jenkins.security;

import hudson.remoting.Callable;
import org.jenkinsci.remoting.RoleChecker;

public abstract class MasterToSlaveCallable<V, T extends Throwable> implements Callable<V, T> {
    private static final long serialVersionUID = 1L;

    @Override
    public void checkRoles(RoleChecker checker) throws SecurityException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
