package io.jenkins.plugins.awsdeploy.cli;

import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.InvalidInputException;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenRequest;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenSpec;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Deploys a new revision to the idle one of two ECS services, waits until it is stable and healthy, switches the
 * listener to it (at once or in steps) and scales the old side down once the alarms stayed quiet.
 */
@Command(name = "blue-green",
        description = {
                "Deploy a new revision to the idle one of two ECS services, wait until it is stable and healthy, then "
                        + "switch production traffic to it, at once or in steps, while CloudWatch alarms are watched.",
                "",
                "Or the same with two EC2 Auto Scaling groups: the idle group (which must be empty) gets a launch "
                        + "template version (--image-id or --launch-template-version) and the live group's min, desired "
                        + "and max; it is switched to once every instance is InService on that version and every target "
                        + "healthy. After the wait the old group is scaled to 0, its size kept in its tag "
                        + "aws-deploy:capacity-before-scale-down; the version is tagged on the new group as the last known good.",
                "",
                "The idle side is the one the listener sends no traffic to: which side is live is read, never "
                        + "assumed, so the next run deploys the other way. After the switch the old side keeps running "
                        + "for --scale-down-after while the alarms are watched; an alarm (or Ctrl-C) until then switches "
                        + "straight back. Then the old side is scaled to 0 and the new revision is tagged on its service "
                        + "as the last known good, for ecs-rollback.",
                "",
                "Every input is checked, then the cluster, both services, both target groups, the listener and the "
                        + "alarms are read; only then is anything changed."},
        customSynopsis = {
                "aws-deploy blue-green --cluster C",
                "         --blue-service S --blue-target-group ARN",
                "         --green-service S --green-target-group ARN",
                "         (--listener-arn ARN | --rule-arn ARN)",
                "         (--image [CONTAINER=]IMAGE... | --task-definition FAMILY:REV)",
                "         [--steps 10,50,100] [--bake 5m] [--alarm NAME]...",
                "         [--approve-before switch] [--auto-approve] [--approval-timeout 1h]",
                "         [--health-timeout 10m] [--scale-down-after 5m]",
                "         [--scale-down-failed] [--test-listener-arn ARN | --test-rule-arn ARN]",
                "         [--force] [--poll 5s]",
                "         [--compare-error-rate POINTS] [--compare-latency RATIO]",
                "         [--analysis-interval 1m] [--analysis-delay 2m] [--min-requests 50]",
                "         [--analysis-failure-limit 1] [--analysis-timeout 10m]",
                "         [--allow-inconclusive]",
                "         [--region R] [--endpoint-url URL] [--call-timeout 20s]",
                "         [--state-file FILE] [--timeline FILE.svg] [--json] [--heartbeat 1m]",
                "aws-deploy blue-green --blue-auto-scaling-group NAME --blue-target-group ARN",
                "         --green-auto-scaling-group NAME --green-target-group ARN",
                "         (--listener-arn ARN | --rule-arn ARN)",
                "         (--image-id AMI | --launch-template-version N)",
                "         [the switch, alarm, analysis, approval and wait options above]"},
        sortOptions = false,
        mixinStandardHelpOptions = true,
        exitCodeListHeading = ExitCodeHelp.HEADING,
        exitCodeList = {"0:done: all traffic is on the new side, the old side is scaled to 0", ExitCodeHelp.INVALID,
                "3:rolled back: an alarm fired, or the new side was not stable and healthy in time; traffic is on the "
                        + "side that was live",
                ExitCodeHelp.STOPPED, ExitCodeHelp.UNSAFE, ExitCodeHelp.OTHER})
public final class BlueGreenCommand extends DeploymentCommand {

    @Option(names = "--cluster", order = 1, paramLabel = "CLUSTER", description = "The ECS cluster of both services (name or ARN).")
    String cluster;

    @Option(names = "--blue-service", order = 2, paramLabel = "SERVICE", description = "One of the two services (name or ARN).")
    String blueService;

    @Option(names = "--blue-target-group", order = 3, paramLabel = "ARN",
            description = "The blue service's target group: one of its load balancers must use it.")
    String blueTargetGroup;

    @Option(names = "--green-service", order = 4, paramLabel = "SERVICE", description = "The other service (name or ARN).")
    String greenService;

    @Option(names = "--green-target-group", order = 5, paramLabel = "ARN", description = "The green service's target group.")
    String greenTargetGroup;

    @Option(names = "--listener-arn", order = 6, paramLabel = "ARN",
            description = "The production listener; its default action forwards to one of the two target groups.")
    String listenerArn;

    @Option(names = "--rule-arn", order = 7, paramLabel = "ARN", description = "Or: the production listener rule.")
    String ruleArn;

    @Option(names = "--image", order = 8, paramLabel = "[CONTAINER=]IMAGE",
            description = "The new image of a container; repeat for more containers. The live side's task definition "
                    + "is copied with these images and registered as a new revision. The container name may be left "
                    + "out when the task definition has only one.")
    List<String> images;

    @Option(names = "--task-definition", order = 9, paramLabel = "FAMILY:REV",
            description = "Or: an existing revision to deploy as it is (family:revision or its ARN).")
    String taskDefinition;

    @Option(names = "--steps", order = 10, paramLabel = "PERCENT", split = ",",
            description = "Switch in steps, e.g. 10,50,100, baking after each. Default: all at once (100).")
    List<Integer> steps;

    @Option(names = "--bake", order = 11, paramLabel = "DURATION",
            description = "How long to watch the alarms after each step. Required with --steps; without, 0s.")
    String bake;

    @Option(names = "--alarm", order = 12, paramLabel = "NAME",
            description = "A CloudWatch alarm that guards the deployment from the switch until the old side is scaled "
                    + "down; repeat for more (at most " + CanaryRequest.MAX_ALARMS + ").")
    List<String> alarms;

    @Option(names = "--approve-before", order = 13, paramLabel = "switch",
            description = "Ask on the terminal before any production traffic moves. The only value is 'switch'. "
                    + "Alarms are watched while waiting; answering no ends with nothing switched (exit code 4).")
    String approveBefore;

    @Option(names = "--auto-approve", order = 14, description = "Approve without asking.")
    boolean autoApprove;

    @Option(names = "--approval-timeout", order = 15, paramLabel = "DURATION",
            description = "Stop (exit code 4) when nobody has answered within this time. Default: wait as long as it takes.")
    String approvalTimeout;

    @Option(names = "--health-timeout", order = 16, paramLabel = "DURATION", defaultValue = "10m",
            description = "How long the new side may take to be stable with every target healthy; otherwise nothing "
                    + "is switched (exit code 3). Default: ${DEFAULT-VALUE}.")
    String healthTimeout;

    @Option(names = "--scale-down-after", order = 17, paramLabel = "DURATION", defaultValue = "5m",
            description = "How long the old side keeps running, alarms watched, after all traffic moved. "
                    + "Default: ${DEFAULT-VALUE}.")
    String scaleDownAfter;

    @Option(names = "--scale-down-failed", order = 18,
            description = "When the deployment fails or is stopped, scale the new side to 0. By default it stays up "
                    + "for inspection.")
    boolean scaleDownFailed;

    @Option(names = "--test-listener-arn", order = 19, paramLabel = "ARN",
            description = "A test listener pointed at the new side once it is healthy, before production traffic moves.")
    String testListenerArn;

    @Option(names = "--test-rule-arn", order = 20, paramLabel = "ARN", description = "Or: a test listener rule.")
    String testRuleArn;

    @Option(names = "--force", order = 21,
            description = "Deploy even when the new revision would be identical to the one the live side runs (same "
                    + "revision, or a copy with the images it already has). Without it such a run stops before any change.")
    boolean force;

    @Option(names = "--poll", order = 22, paramLabel = "DURATION", defaultValue = "5s",
            description = "How often the new service, its targets and the alarms are read. Default: ${DEFAULT-VALUE}.")
    String poll;

    @Option(names = "--blue-auto-scaling-group", order = 23, paramLabel = "NAME",
            description = "Instead of ECS services: one of two EC2 Auto Scaling groups (by name), each registering its "
                    + "instances in its own target group (--blue-target-group). Not with --cluster, --blue-service, "
                    + "--green-service, --image or --task-definition.")
    String blueAutoScalingGroup;

    @Option(names = "--green-auto-scaling-group", order = 24, paramLabel = "NAME", description = "The other Auto Scaling group.")
    String greenAutoScalingGroup;

    @Option(names = "--image-id", order = 25, paramLabel = "AMI",
            description = "The AMI to deploy to Auto Scaling groups: a new version of the live group's launch template is "
                    + "created from the version it launches, with only the image replaced.")
    String imageId;

    @Option(names = "--launch-template-version", order = 26, paramLabel = "N",
            description = "Or: an existing version of the live group's launch template to deploy as it is.")
    String launchTemplateVersion;

    @Mixin
    AnalysisOptions analysis;

    @Override
    protected Checkpoint plan(String region) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> byContainer = ContainerImages.parse(images, problems);
        boolean imagesRefused = !problems.isEmpty();
        if (approvalTimeout != null && approvalOption() == null) {
            // The engine would ignore it; a person who typed it expects a question that will never be asked.
            problems.add(new Problem("approvalTimeout", "only applies with --approve-before switch, which asks the question "
                    + "it limits"));
        }
        BlueGreenRequest request = new BlueGreenRequest()
                .analysis(analysis.request())
                .cluster(cluster)
                .blueService(blueService).blueTargetGroup(blueTargetGroup)
                .greenService(greenService).greenTargetGroup(greenTargetGroup)
                .listenerArn(listenerArn).ruleArn(ruleArn)
                .images(byContainer).taskDefinition(taskDefinition)
                .steps(steps).bake(bake).alarms(alarms)
                .approveBefore(approveBefore).approvalTimeout(approvalTimeout)
                .healthTimeout(healthTimeout).scaleDownAfter(scaleDownAfter).scaleDownFailed(scaleDownFailed)
                .testListenerArn(testListenerArn).testRuleArn(testRuleArn)
                .force(force)
                .blueAutoScalingGroup(blueAutoScalingGroup).greenAutoScalingGroup(greenAutoScalingGroup)
                .imageId(imageId).launchTemplateVersion(launchTemplateVersion)
                .poll(poll)
                .region(region);
        try {
            BlueGreenSpec spec = request.toSpec();
            if (problems.isEmpty()) return BlueGreenCheckpoint.start(spec);
        } catch (InvalidInputException e) {
            for (Problem p : e.problems()) {
                // When every --image was refused above, the engine sees none and would add that none was given.
                boolean echo = imagesRefused && byContainer.isEmpty() && p.parameter().equals("images");
                if (!echo) problems.add(p);
            }
        }
        throw new InvalidInputException(problems);
    }

    @Override
    protected String approvalOption() {
        return approveBefore == null || approveBefore.isBlank() ? null : "approveBefore";
    }

    @Override
    protected boolean autoApprove() {
        return autoApprove;
    }

    @Override
    protected StopWords stopWords() {
        return StopWords.trafficBackTo("the side that was live");
    }
}
