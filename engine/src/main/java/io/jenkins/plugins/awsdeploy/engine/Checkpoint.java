package io.jenkins.plugins.awsdeploy.engine;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.jenkins.plugins.awsdeploy.engine.ownership.Claim;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * Everything needed to continue a deployment after the process that ran it died: the spec, the phase,
 * what the engine believes is live, and the story so far. It holds no credentials. Shells store it as
 * JSON ({@link CheckpointJson}) after every tick.
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
}
