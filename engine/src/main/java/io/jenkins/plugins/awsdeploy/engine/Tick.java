package io.jenkins.plugins.awsdeploy.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The result of one reconciliation: the checkpoint to store, the events to show, and when to come back.
 *
 * @param wakeAt when the shell should call again; null once the deployment has finished
 */
public record Tick(Checkpoint checkpoint, List<DeploymentEvent> events, Instant wakeAt) {

    public Tick {
        events = List.copyOf(events);
    }

    /** When to come back while waiting for {@code limit}: at the next poll, or at the limit if that comes first. */
    public static Instant wake(Instant now, Duration poll, Instant limit) {
        Instant byPoll = now.plus(poll);
        return byPoll.isBefore(limit) ? byPoll : limit;
    }
}
