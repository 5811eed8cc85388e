package io.jenkins.plugins.awsdeploy.engine.canary;

import io.jenkins.plugins.awsdeploy.engine.aws.TrafficTarget;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * A validated canary: which forward action, which two target groups, the plan and the alarms that guard it.
 * Build one from user input with {@link CanaryRequest}.
 *
 * @param approvalTimeout how long an approval may wait before the deployment rolls back; null waits forever
 */
public record CanarySpec(TrafficTarget target, String stableTargetGroup, String canaryTargetGroup, CanaryPlan plan,
                         List<String> alarms, Duration poll, Duration approvalTimeout) implements Serializable {

    public CanarySpec {
        alarms = List.copyOf(alarms);
    }
}
