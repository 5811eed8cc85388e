package io.jenkins.plugins.awsdeploy.engine.canary;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.jenkins.plugins.awsdeploy.engine.Cause;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Split;
import java.io.Serializable;
import java.time.Instant;

/**
 * Where a canary is. A phase that changes traffic ({@link Shifting}, {@link RollingBack}) is recorded
 * before the change is made, so that a process killed mid-change knows on restart which two splits
 * AWS can legitimately be in.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "phase")
@JsonSubTypes({
        @JsonSubTypes.Type(CanaryPhase.Preflight.class),
        @JsonSubTypes.Type(CanaryPhase.Shifting.class),
        @JsonSubTypes.Type(CanaryPhase.Baking.class),
        @JsonSubTypes.Type(CanaryPhase.AwaitingApproval.class),
        @JsonSubTypes.Type(CanaryPhase.RollingBack.class),
        @JsonSubTypes.Type(CanaryPhase.Finished.class),
        @JsonSubTypes.Type(CanaryPhase.Propagating.class)})
public sealed interface CanaryPhase extends Serializable {

    /** Nothing has been changed yet. */
    record Preflight() implements CanaryPhase {
    }

    /** About to move from {@code from} to the split of step {@code step}. */
    record Shifting(int step, Split from) implements CanaryPhase {
    }

    /**
     * Step {@code step} is written and read back, but AWS still applies change {@code change} (a Route 53 change
     * batch reaching its name servers); its bake starts once the change is in sync. Alarms and the split are watched
     * meanwhile. Stored so that a restart resumes the wait on the same change.
     */
    record Propagating(int step, String change, Instant since) implements CanaryPhase {
    }

    /** Step {@code step} is live; alarms are watched until {@code until}. */
    record Baking(int step, Instant until) implements CanaryPhase {
    }

    /** Waiting for a person before step {@code step}; alarms are watched meanwhile. */
    record AwaitingApproval(int step, Instant since) implements CanaryPhase {
    }

    /**
     * Going straight back to 100% stable.
     *
     * @param byPerson  a person asked for it (declined, aborted): the outcome is Stopped, not RolledBack
     * @param inFlight  the split a shift was writing when the rollback began, which AWS may show; null if none
     * @param attempts  failed attempts so far
     */
    record RollingBack(Cause cause, boolean byPerson, Split inFlight, int attempts) implements CanaryPhase {
    }

    record Finished(Outcome outcome) implements CanaryPhase {
    }
}
