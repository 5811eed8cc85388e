package io.jenkins.plugins.awsdeploy.engine.canary;

import io.jenkins.plugins.awsdeploy.engine.Split;
import java.io.Serializable;
import java.time.Duration;

/**
 * One step of a plan: move {@code percent} of traffic to the new side (after an approval, if asked),
 * then watch the alarms for {@code bake}.
 */
public record CanaryStep(int percent, Duration bake, boolean approvalFirst) implements Serializable {

    public Split split() {
        return Split.canaryAt(percent);
    }
}
