package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import io.jenkins.plugins.awsdeploy.engine.analysis.AnalysisSpec;
import io.jenkins.plugins.awsdeploy.engine.aws.TrafficTarget;
import io.jenkins.plugins.awsdeploy.engine.routing.AlbForward;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryPlan;
import io.jenkins.plugins.awsdeploy.engine.canary.CanarySpec;
import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated blue/green deployment. Build one from user input with {@link BlueGreenRequest}.
 *
 * @param images          container name to new image; the key {@value #ONLY_CONTAINER} stands for the one
 *                        container of a single-container task definition. Empty when {@code taskDefinition} is given
 * @param taskDefinition  an existing revision to deploy ({@code family:revision} or ARN); null when {@code images} is given
 * @param plan            the switch: steps ending at 100%, the first one after an approval if asked
 * @param approvalTimeout how long an approval may wait before the deployment is stopped; null waits forever
 * @param scaleDownAfter  how long the old side keeps running, alarms watched, after all traffic has moved
 * @param scaleDownFailed scale the new side to 0 when the deployment fails or is stopped, instead of keeping it for inspection
 * @param testTarget      a listener or rule to point at the new side before any production traffic moves; null if none
 * @param force           deploy even a revision identical to the one the live side runs
 * @param groups          the two Auto Scaling groups when they, not ECS services, run the sides; null for ECS
 *                        (then {@code cluster}, {@code blueService}, {@code greenService} name the services)
 * @param analysis        how the switch judges the new side against the live one from CloudWatch metrics while it
 *                        switches in steps; null for no analysis (and in state files written before it existed)
 */
public record BlueGreenSpec(String cluster, String blueService, String blueTargetGroup, String greenService,
                            String greenTargetGroup, TrafficTarget target, Map<String, String> images,
                            String taskDefinition, CanaryPlan plan, List<String> alarms, Duration poll,
                            Duration approvalTimeout, Duration healthTimeout, Duration scaleDownAfter,
                            boolean scaleDownFailed, TrafficTarget testTarget, boolean force,
                            FleetSpec.AutoScalingGroups groups, AnalysisSpec analysis) implements Serializable {

    public static final String ONLY_CONTAINER = "";

    public BlueGreenSpec {
        images = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(images));
        alarms = List.copyOf(alarms);
    }

    /** Two ECS services, as before Auto Scaling groups were a choice. */
    public BlueGreenSpec(String cluster, String blueService, String blueTargetGroup, String greenService,
                         String greenTargetGroup, TrafficTarget target, Map<String, String> images,
                         String taskDefinition, CanaryPlan plan, List<String> alarms, Duration poll,
                         Duration approvalTimeout, Duration healthTimeout, Duration scaleDownAfter,
                         boolean scaleDownFailed, TrafficTarget testTarget, boolean force) {
        this(cluster, blueService, blueTargetGroup, greenService, greenTargetGroup, target, images, taskDefinition, plan,
                alarms, poll, approvalTimeout, healthTimeout, scaleDownAfter, scaleDownFailed, testTarget, force, null, null);
    }

    /** What runs the sides. */
    public FleetSpec fleet() {
        return groups != null ? groups : new FleetSpec.EcsServices(cluster, blueService, greenService);
    }

    /** The service or Auto Scaling group of a side. */
    public String service(Colour colour) {
        return fleet().name(colour);
    }

    public String targetGroup(Colour colour) {
        return colour == Colour.BLUE ? blueTargetGroup : greenTargetGroup;
    }

    /** The parameter that names a colour's service or target group, for problems found in AWS. */
    static String serviceParameter(Colour colour) {
        return colour == Colour.BLUE ? "blueService" : "greenService";
    }

    String sideParameter(Colour colour) {
        return fleet().parameter(colour);
    }

    static String targetGroupParameter(Colour colour) {
        return colour == Colour.BLUE ? "blueTargetGroup" : "greenTargetGroup";
    }

    public boolean approveBeforeSwitch() {
        return plan.step(0).approvalFirst();
    }

    /**
     * The switch as a canary: the live side's target group is the stable one, the idle side's is the
     * canary. Which side is live is known only once the listener has been read.
     */
    public CanarySpec switchSpec(Colour live) {
        return new CanarySpec(AlbForward.at(target, targetGroup(live), targetGroup(live.other())), plan, alarms, poll,
                approvalTimeout, analysis);
    }
}
