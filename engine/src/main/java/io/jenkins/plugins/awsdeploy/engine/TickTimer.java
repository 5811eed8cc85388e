package io.jenkins.plugins.awsdeploy.engine;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The shell's timer: runs a task after a delay on a thread of its own, never on the caller's. */
@FunctionalInterface
public interface TickTimer {

    /** Runs {@code task} after {@code delay}; the returned handle cancels it if it has not started yet. */
    Runnable after(Duration delay, Runnable task);

    /** A timer on a scheduler pool (the command line's). */
    static TickTimer of(ScheduledExecutorService scheduler) {
        return (delay, task) -> {
            var f = scheduler.schedule(task, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
            return () -> f.cancel(false);
        };
    }
}
