package io.jenkins.plugins.awsdeploy.engine.ecs;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import java.io.Serializable;
import java.time.Instant;

/**
 * Where an ECS rollback is. {@link Updating} is recorded before UpdateService is called, so that a process
 * killed around the call knows on restart that the service may point at either revision, and does not
 * call it twice.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "phase")
@JsonSubTypes({
        @JsonSubTypes.Type(RollbackPhase.Preflight.class),
        @JsonSubTypes.Type(RollbackPhase.Updating.class),
        @JsonSubTypes.Type(RollbackPhase.WaitingStable.class),
        @JsonSubTypes.Type(RollbackPhase.Finished.class)})
public sealed interface RollbackPhase extends Serializable {

    /** Nothing has been changed yet; the target is not chosen yet. */
    record Preflight() implements RollbackPhase {
    }

    /**
     * About to point the service at the chosen target.
     *
     * @param eventsSeen the time of the newest ECS event when the service was checked, so that only later ones are told
     */
    record Updating(Instant eventsSeen) implements RollbackPhase {
    }

    /**
     * The service points at the target; waiting for ECS to run it stably.
     *
     * @param since      when the wait began (the update, or the preflight if no update was needed)
     * @param deadline   when the wait ends without success
     * @param progress   the rollout as last told, to tell only changes
     * @param eventsSeen the time of the newest ECS event already told; null if none
     */
    record WaitingStable(Instant since, Instant deadline, String progress, Instant eventsSeen) implements RollbackPhase {
    }

    record Finished(Outcome outcome) implements RollbackPhase {
    }
}
