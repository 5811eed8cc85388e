package io.jenkins.plugins.awsdeploy.engine;

import io.jenkins.plugins.awsdeploy.engine.analysis.Judgement;
import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/**
 * One line of a deployment's story: when, what happened, where traffic is, what the alarms say and
 * what comes next. The CLI prints it as a line or as JSON, the plugin writes it to the build log and
 * the timeline draws it.
 *
 * @param weights the split live after this event, or null when traffic is not involved
 * @param alarms  alarm name to state at the time of the event; empty when not read
 * @param next    what the engine will do next, in words; empty when nothing follows
 * @param judgement the canary analysis's numbers, on an {@link EventKind#ANALYSED} event; null on every other
 */
public record DeploymentEvent(Instant at, EventKind kind, String message, Split weights, Map<String, AlarmState> alarms,
                              String next, Judgement judgement) implements Serializable {

    public DeploymentEvent {
        alarms = alarms == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(alarms));
        next = next == null ? "" : next;
    }

    public DeploymentEvent(Instant at, EventKind kind, String message, Split weights, Map<String, AlarmState> alarms,
                           String next) {
        this(at, kind, message, weights, alarms, next, null);
    }
}
