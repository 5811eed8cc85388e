// Stand-in for: jenkinsci/jenkins core/src/main/java/jenkins/util/Timer.java
package jenkins.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.concurrent.ScheduledExecutorService;

public class Timer {
    @NonNull
    public static synchronized ScheduledExecutorService get() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static synchronized void shutdown() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    private Timer() {}
}
