package io.jenkins.plugins.awsdeploy;

import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.EventLine;
import io.jenkins.plugins.awsdeploy.engine.Heartbeat;
import io.jenkins.plugins.awsdeploy.engine.Progress;
import java.io.PrintStream;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The build log's heartbeat: while a deployment waits (a bake, an approval, a health wait), a line saying where it
 * stands whenever the log has been silent for the step's {@code heartbeat} interval, so that a long bake does not
 * look like a hung build. The engine's {@link Heartbeat} decides when; the engine's {@link Progress} what it says.
 *
 * <p>Kept with the step execution: the interval survives a restart, the time of the last line does not (the first
 * heartbeat after a restart comes one interval after it).
 */
final class BuildLogHeartbeat implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long everySeconds;
    private transient Heartbeat beat;

    /** @param every zero for no heartbeat */
    BuildLogHeartbeat(Duration every) {
        this.everySeconds = every.toSeconds();
    }

    /**
     * Called after each tick with what it printed.
     *
     * @param eventLines  how many event lines the tick wrote to the log
     * @param delayMillis when the next tick comes; 0 when at once (that tick tells its own events)
     */
    synchronized void afterTick(Checkpoint cp, int eventLines, long delayMillis, PrintStream log, Instant now) {
        if (beat == null) beat = new Heartbeat(Duration.ofSeconds(everySeconds), now);
        if (eventLines > 0) beat.wrote(now);
        if (delayMillis <= 0 || cp.finished() || !beat.due(now)) return;
        log.println(new EventLine(ZoneId.systemDefault()).format(Progress.of(cp, now)));
        beat.wrote(now);
    }
}
