package io.jenkins.plugins.awsdeploy.engine.aws;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** The load balancer as the engine sees it: weighted forward actions and target groups. */
public interface TrafficPort {

    /** The forward action's weights, or empty if the listener or rule does not exist. Fails if it has no forward action. */
    Optional<ForwardWeights> read(TrafficTarget target);

    /**
     * Replaces the target groups of the forward action with these weights, leaving every other part of
     * the listener or rule as it is. Idempotent: writing the same weights twice changes nothing.
     */
    void write(TrafficTarget target, ForwardWeights weights);

    /** Those of the given target groups that do not exist. */
    Set<String> missingTargetGroups(Collection<String> targetGroupArns);

    /** Health of the registered targets of a group. */
    TargetHealthSummary health(String targetGroupArn);
}
