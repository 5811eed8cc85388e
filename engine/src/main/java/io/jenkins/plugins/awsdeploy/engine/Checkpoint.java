package io.jenkins.plugins.awsdeploy.engine;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.jenkins.plugins.awsdeploy.engine.ownership.Claim;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * Everything needed to continue a deployment after the process that ran it died: the spec, the phase,
 * what the engine believes is live, and the story so far. It holds no credentials. Shells store it as
 * JSON ({@link JsonCodec}) after every tick.
 *
 * <p>Each implementation belongs to one {@link Strategy}, listed in {@link Strategies}; code outside that strategy's
 * package asks the registry rather than testing a checkpoint's class. (The interface cannot be {@code sealed}: the
 * engine is not a named module, and Java then allows a sealed type's subtypes only in its own package.
 * {@code StrategiesTest} holds the set closed instead.)
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "strategy")
public interface Checkpoint extends Serializable {

    List<DeploymentEvent> history();

    /** Present once the deployment has ended. */
    Optional<Outcome> outcome();

    /** Present while a person is asked to let the deployment go on. */
    Optional<ApprovalRequest> approval();

    /** Where the deployment is, in one line (Jenkins shows it as the step's status). */
    String status();

    /**
     * Who this deployment is and which resources carry its ownership marker; null for a deployment run
     * inside another one (the switch of a blue/green deployment), whose owner holds the marks.
     */
    Claim claim();

    Checkpoint withClaim(Claim claim);

    Checkpoint withHistory(List<DeploymentEvent> history);

    /** This checkpoint, finished with {@code outcome}: for an end the engine decides around the strategy. */
    Checkpoint ended(Outcome outcome);

    default boolean finished() {
        return outcome().isPresent();
    }

    /**
     * True while the deployment only checks: nothing in AWS was changed, and the call from this checkpoint changes
     * nothing either. A stop then has nothing to undo and need not wait for that call to end.
     */
    default boolean beforeAnyChange() {
        return false;
    }

    /**
     * What in this checkpoint contradicts its own spec (a step beyond its plan, ...): a state file edited by
     * hand or written by another version. Empty when it is consistent.
     */
    default java.util.List<String> contradictions() {
        return java.util.List.of();
    }
}
