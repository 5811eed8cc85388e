package io.jenkins.plugins.awsdeploy.engine.params;

import static io.jenkins.plugins.awsdeploy.engine.params.Parameter.Type.ARN;
import static io.jenkins.plugins.awsdeploy.engine.params.Parameter.Type.DURATION;
import static io.jenkins.plugins.awsdeploy.engine.params.Parameter.Type.FLAG;
import static io.jenkins.plugins.awsdeploy.engine.params.Parameter.Type.NAMES;
import static io.jenkins.plugins.awsdeploy.engine.params.Parameter.Type.PERCENTS;
import static io.jenkins.plugins.awsdeploy.engine.params.Parameter.Type.TEXT;

import io.jenkins.plugins.awsdeploy.engine.params.Parameter.Limits;
import java.time.Duration;
import java.util.List;

/**
 * The parameters of a blue/green deployment: {@code aws-deploy blue-green} and the {@code blueGreenDeploy} step. The
 * switch is a canary with blue in the stable role, so its bounds are the canary's. The sides are two ECS services
 * (cluster, services, images or task definition) or two Auto Scaling groups (groups, image id or launch template
 * version), never both.
 */
public final class BlueGreenParameters {

    public static final Parameter CLUSTER = Parameter.of("cluster", TEXT, "--cluster", null, Limits.NONE,
            "the ECS cluster of both services, name or ARN");
    public static final Parameter BLUE_SERVICE = Parameter.of("blueService", TEXT, "--blue-service", null, Limits.NONE,
            "one of the two services, name or ARN");
    public static final Parameter BLUE_TARGET_GROUP = Parameter.of("blueTargetGroup", ARN, "--blue-target-group", null,
            Limits.NONE, "the blue service's target group");
    public static final Parameter GREEN_SERVICE = Parameter.of("greenService", TEXT, "--green-service", null, Limits.NONE,
            "the other service, name or ARN");
    public static final Parameter GREEN_TARGET_GROUP = Parameter.of("greenTargetGroup", ARN, "--green-target-group", null,
            Limits.NONE, "the green service's target group");
    public static final Parameter LISTENER_ARN = CanaryParameters.LISTENER_ARN.withHelp(
            "the production listener; its default action forwards to one of the two target groups");
    public static final Parameter RULE_ARN = CanaryParameters.RULE_ARN.withHelp("or: the production listener rule");
    public static final Parameter IMAGES = Parameter.of("images", NAMES, "--image", null, Limits.NONE,
            "the new image of each container, container=image");
    /** The step's short form for a single-container task definition; the CLI's --image takes it without a name. */
    public static final Parameter IMAGE = new Parameter("image", TEXT, null, true, null, Limits.NONE,
            "the new image of the one container of a single-container task definition");
    public static final Parameter TASK_DEFINITION = Parameter.of("taskDefinition", TEXT, "--task-definition", null,
            Limits.NONE, "or: an existing revision to deploy as it is, family:revision or its ARN");
    public static final Parameter STEPS = Parameter.of("steps", PERCENTS, "--steps", "100", Limits.NONE,
            "switch in steps, ascending and ending at 100; by default all at once");
    public static final Parameter BAKE = Parameter.of("bake", DURATION, "--bake", "0s", Limits.NONE,
            "how long to watch the alarms after each step; required with steps");
    public static final Parameter ALARMS = CanaryParameters.ALARMS.withHelp(
            "the CloudWatch alarms that guard the switch and the wait before the old side is scaled down");
    public static final Parameter APPROVE_BEFORE = Parameter.of("approveBefore", TEXT, "--approve-before", null,
            Limits.NONE, "switch: ask before any production traffic moves");
    public static final Parameter APPROVAL_TIMEOUT = CanaryParameters.APPROVAL_TIMEOUT.withHelp(
            "stop, nothing switched, when nobody answered within this time");
    public static final Parameter HEALTH_TIMEOUT = Parameter.of("healthTimeout", DURATION, "--health-timeout", "10m",
            Limits.longerThan(Duration.ZERO, "the new side needs time to start"),
            "how long the new side may take to be stable with every target healthy");
    public static final Parameter SCALE_DOWN_AFTER = Parameter.of("scaleDownAfter", DURATION, "--scale-down-after", "5m",
            Limits.NONE, "how long the old side keeps running, alarms watched, after all traffic has moved");
    public static final Parameter SCALE_DOWN_FAILED = Parameter.of("scaleDownFailed", FLAG, "--scale-down-failed", "false",
            Limits.NONE, "when the deployment fails or is stopped, scale the new side to 0");
    public static final Parameter TEST_LISTENER_ARN = Parameter.of("testListenerArn", ARN, "--test-listener-arn", null,
            Limits.NONE, "a test listener pointed at the new side once it is healthy");
    public static final Parameter TEST_RULE_ARN = Parameter.of("testRuleArn", ARN, "--test-rule-arn", null, Limits.NONE,
            "or: a test listener rule");
    public static final Parameter FORCE = Parameter.of("force", FLAG, "--force", "false", Limits.NONE,
            "deploy even a revision identical to the live one");
    public static final Parameter POLL = CommonParameters.poll("how often the new service, its targets and the alarms are read");
    public static final Parameter BLUE_AUTO_SCALING_GROUP = Parameter.of("blueAutoScalingGroup", TEXT,
            "--blue-auto-scaling-group", null, Limits.NONE, "instead of ECS services: one of two Auto Scaling groups, by name");
    public static final Parameter GREEN_AUTO_SCALING_GROUP = Parameter.of("greenAutoScalingGroup", TEXT,
            "--green-auto-scaling-group", null, Limits.NONE, "the other Auto Scaling group");
    public static final Parameter IMAGE_ID = Parameter.of("imageId", TEXT, "--image-id", null, Limits.NONE,
            "the AMI of a new version of the live group's launch template");
    public static final Parameter LAUNCH_TEMPLATE_VERSION = Parameter.of("launchTemplateVersion", TEXT,
            "--launch-template-version", null, Limits.NONE, "or: an existing version of the live group's launch template");

    private BlueGreenParameters() {
    }

    public static List<Parameter> all() {
        List<Parameter> all = new java.util.ArrayList<>(List.of(CLUSTER, BLUE_SERVICE, BLUE_TARGET_GROUP, GREEN_SERVICE,
                GREEN_TARGET_GROUP, LISTENER_ARN, RULE_ARN, IMAGES, IMAGE, TASK_DEFINITION, STEPS, BAKE, ALARMS, APPROVE_BEFORE,
                APPROVAL_TIMEOUT, HEALTH_TIMEOUT, SCALE_DOWN_AFTER, SCALE_DOWN_FAILED, TEST_LISTENER_ARN, TEST_RULE_ARN, FORCE,
                POLL, BLUE_AUTO_SCALING_GROUP, GREEN_AUTO_SCALING_GROUP, IMAGE_ID, LAUNCH_TEMPLATE_VERSION));
        all.addAll(AnalysisParameters.all());
        return List.copyOf(all);
    }
}
