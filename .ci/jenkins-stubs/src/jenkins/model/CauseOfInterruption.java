// Stand-in for: jenkinsci/jenkins core/src/main/java/jenkins/model/CauseOfInterruption.java
package jenkins.model;

import hudson.model.TaskListener;
import hudson.model.User;
import java.io.Serializable;

public abstract class CauseOfInterruption implements Serializable {
    private static final long serialVersionUID = 1L;

    public abstract String getShortDescription();

    public void print(TaskListener listener) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static final class UserInterruption extends CauseOfInterruption {
        private static final long serialVersionUID = 1L;

        public UserInterruption(User user) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public UserInterruption(String userId) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        @Override
        public String getShortDescription() {
            throw new UnsupportedOperationException("compile-only stand-in");
        }
    }
}
