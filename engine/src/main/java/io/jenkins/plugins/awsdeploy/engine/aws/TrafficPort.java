package io.jenkins.plugins.awsdeploy.engine.aws;

import io.jenkins.plugins.awsdeploy.engine.Split;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** The load balancer as the engine sees it: weighted forward actions and target groups. */
public interface TrafficPort {

    /** The forward action's weights, or empty if the listener or rule does not exist. Fails if it has no forward action. */
    Optional<ForwardWeights> read(TrafficTarget target);

    /**
     * Sets the weights of {@code stable} and {@code canary} in the forward action to {@code next}, if and only if
     * the action reads as the split {@code expected} between them right before the change; every other target
     * group, the stickiness and every other action or condition stay exactly as found. Returns the weights it
     * found: when they are not {@code expected}, or are {@code next} already, nothing was written. ELB has no
     * conditional write, so the guard is a read just before the change; the caller reads back.
     */
    ForwardWeights write(TrafficTarget target, String stable, String canary, Split expected, Split next);

    /** Those of the given target groups that do not exist. */
    Set<String> missingTargetGroups(Collection<String> targetGroupArns);

    /** Health of the registered targets of a group. */
    TargetHealthSummary health(String targetGroupArn);
}
