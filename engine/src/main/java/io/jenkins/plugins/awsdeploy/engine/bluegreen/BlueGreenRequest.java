package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import io.jenkins.plugins.awsdeploy.engine.InvalidInputException;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.analysis.AnalysisRequest;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsArn;
import io.jenkins.plugins.awsdeploy.engine.aws.TrafficTarget;
import io.jenkins.plugins.awsdeploy.engine.routing.AlbForward;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryRequest;
import io.jenkins.plugins.awsdeploy.engine.canary.CanarySpec;
import io.jenkins.plugins.awsdeploy.engine.params.BlueGreenParameters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A blue/green deployment's parameters as a user gave them, in the shells' shared vocabulary.
 * {@link #toSpec()} checks all of them at once and reports every problem, naming the parameter.
 *
 * <p>Defaults and bounds are declared in {@link BlueGreenParameters}: the switch is all at once ({@code steps} 100,
 * {@code bake} 0s), {@code healthTimeout} 10m, {@code scaleDownAfter} 5m.
 */
public final class BlueGreenRequest {

    /** The only value of {@code approveBefore}: before any production traffic moves. */
    public static final String SWITCH = "switch";

    /** ECS names clusters, services and containers with up to 255 letters, digits, hyphens and underscores. */
    private static final Pattern ECS_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    private static final Pattern FAMILY_REVISION = Pattern.compile("[A-Za-z0-9_-]{1,255}:[1-9][0-9]{0,8}");
    /** The characters ECS accepts in an image reference (tags and digests included). */
    private static final Pattern IMAGE = Pattern.compile("[A-Za-z0-9._:/@#-]{1,255}");

    private String cluster;
    private String blueService;
    private String blueTargetGroup;
    private String greenService;
    private String greenTargetGroup;
    private String listenerArn;
    private String ruleArn;
    private Map<String, String> images = Map.of();
    private String taskDefinition;
    private List<Integer> steps;
    private String bake;
    private List<String> alarms = List.of();
    private String approveBefore;
    private String healthTimeout;
    private String scaleDownAfter;
    private boolean scaleDownFailed;
    private String poll;
    private String testListenerArn;
    private String testRuleArn;
    private String approvalTimeout;
    private String region;
    private AnalysisRequest analysis;
    private boolean force;
    private String blueAutoScalingGroup;
    private String greenAutoScalingGroup;
    private String imageId;
    private String launchTemplateVersion;

    public BlueGreenRequest cluster(String v) { cluster = v; return this; }
    public BlueGreenRequest blueService(String v) { blueService = v; return this; }
    public BlueGreenRequest blueTargetGroup(String v) { blueTargetGroup = v; return this; }
    public BlueGreenRequest greenService(String v) { greenService = v; return this; }
    public BlueGreenRequest greenTargetGroup(String v) { greenTargetGroup = v; return this; }
    public BlueGreenRequest listenerArn(String v) { listenerArn = v; return this; }
    public BlueGreenRequest ruleArn(String v) { ruleArn = v; return this; }

    /**
     * Container name to new image. A key of "" or null names the one container of a single-container
     * task definition ({@code --image repo:tag}).
     */
    public BlueGreenRequest images(Map<String, String> v) {
        Map<String, String> copy = new LinkedHashMap<>();
        if (v != null) v.forEach((k, image) -> copy.put(k == null ? BlueGreenSpec.ONLY_CONTAINER : k, image));
        images = copy;
        return this;
    }

    /** An existing revision to deploy, {@code family:revision} or its ARN, instead of {@code images}. */
    public BlueGreenRequest taskDefinition(String v) { taskDefinition = v; return this; }
    /** The switch in steps, like 10,50,100; by default all at once. */
    public BlueGreenRequest steps(List<Integer> v) { steps = v; return this; }
    public BlueGreenRequest bake(String v) { bake = v; return this; }
    public BlueGreenRequest alarms(List<String> v) { alarms = v == null ? List.of() : v; return this; }
    /** {@value #SWITCH} or nothing. */
    public BlueGreenRequest approveBefore(String v) { approveBefore = v; return this; }
    public BlueGreenRequest healthTimeout(String v) { healthTimeout = v; return this; }
    public BlueGreenRequest scaleDownAfter(String v) { scaleDownAfter = v; return this; }
    public BlueGreenRequest scaleDownFailed(boolean v) { scaleDownFailed = v; return this; }
    public BlueGreenRequest poll(String v) { poll = v; return this; }
    public BlueGreenRequest testListenerArn(String v) { testListenerArn = v; return this; }
    public BlueGreenRequest testRuleArn(String v) { testRuleArn = v; return this; }
    public BlueGreenRequest approvalTimeout(String v) { approvalTimeout = v; return this; }
    /** The region the deployment runs in, so that an ARN from another region is refused up front. */
    public BlueGreenRequest region(String v) { region = v; return this; }
    /** Deploy even when the new revision would be identical to the live one (a redeploy on purpose). */
    public BlueGreenRequest force(boolean v) { force = v; return this; }
    /** Instead of ECS services: the Auto Scaling groups of the two sides, by name. */
    public BlueGreenRequest blueAutoScalingGroup(String v) { blueAutoScalingGroup = v; return this; }
    public BlueGreenRequest greenAutoScalingGroup(String v) { greenAutoScalingGroup = v; return this; }
    /** The AMI of a new version of the live group's launch template. */
    public BlueGreenRequest imageId(String v) { imageId = v; return this; }
    /** Or: an existing version of the live group's launch template. */
    public BlueGreenRequest launchTemplateVersion(String v) { launchTemplateVersion = v; return this; }
    /** Judge the new side against the live one from CloudWatch metrics while switching in steps. */
    public BlueGreenRequest analysis(AnalysisRequest v) { analysis = v; return this; }

    public BlueGreenSpec toSpec() {
        if (groupsChosen()) return groupSpec();
        List<Problem> problems = new ArrayList<>();
        checkEcsName("cluster", cluster, "cluster/", "cluster", problems);
        checkEcsName("blueService", blueService, "service/", "service", problems);
        checkEcsName("greenService", greenService, "service/", "service", problems);
        if (present(blueService) && present(greenService)
                && AwsArn.shortName(blueService.trim()).equals(AwsArn.shortName(greenService.trim()))) {
            problems.add(new Problem("greenService", "is the same service as blueService; blue/green needs two services"));
        }
        Optional<CanarySpec> traffic = switchParameters(problems);
        checkRevision(problems);
        Duration health = BlueGreenParameters.HEALTH_TIMEOUT.duration(healthTimeout, problems);
        Duration scaleDown = BlueGreenParameters.SCALE_DOWN_AFTER.duration(scaleDownAfter, problems);
        TrafficTarget test = testTarget(problems);
        if (!problems.isEmpty() || traffic.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        CanarySpec s = traffic.get();
        AlbForward alb = (AlbForward) s.router();
        return new BlueGreenSpec(cluster.trim(), blueService.trim(), alb.stableTargetGroup(), greenService.trim(),
                alb.canaryTargetGroup(), alb.target(), trimmed(images), present(taskDefinition) ? taskDefinition.trim() : null,
                s.plan(), s.alarms(), s.poll(), s.approvalTimeout(), health, scaleDown, scaleDownFailed, test, force,
                null, s.analysis());
    }

    /** Any Auto Scaling parameter chooses Auto Scaling groups; then no ECS parameter may be given. */
    private boolean groupsChosen() {
        return present(blueAutoScalingGroup) || present(greenAutoScalingGroup) || present(imageId) || present(launchTemplateVersion);
    }

    private BlueGreenSpec groupSpec() {
        List<Problem> problems = new ArrayList<>();
        new GroupParameters(blueAutoScalingGroup, greenAutoScalingGroup, imageId, launchTemplateVersion)
                .check(ecsParametersGiven(), problems);
        Optional<CanarySpec> traffic = switchParameters(problems);
        Duration health = BlueGreenParameters.HEALTH_TIMEOUT.duration(healthTimeout, problems);
        Duration scaleDown = BlueGreenParameters.SCALE_DOWN_AFTER.duration(scaleDownAfter, problems);
        TrafficTarget test = testTarget(problems);
        if (!problems.isEmpty() || traffic.isEmpty()) throw new InvalidInputException(problems);
        CanarySpec s = traffic.get();
        AlbForward alb = (AlbForward) s.router();
        FleetSpec.AutoScalingGroups groups = new FleetSpec.AutoScalingGroups(blueAutoScalingGroup.trim(),
                greenAutoScalingGroup.trim(), present(imageId) ? imageId.trim() : null,
                present(launchTemplateVersion) ? Long.valueOf(launchTemplateVersion.trim()) : null);
        return new BlueGreenSpec(null, null, alb.stableTargetGroup(), null, alb.canaryTargetGroup(), alb.target(), Map.of(), null,
                s.plan(), s.alarms(), s.poll(), s.approvalTimeout(), health, scaleDown, scaleDownFailed, test, force, groups,
                s.analysis());
    }

    /** The ECS parameters given, by name: with Auto Scaling groups each one is a mistake. */
    private List<String> ecsParametersGiven() {
        List<String> given = new ArrayList<>();
        if (present(cluster)) given.add("cluster");
        if (present(blueService)) given.add("blueService");
        if (present(greenService)) given.add("greenService");
        if (!images.isEmpty()) given.add("images");
        if (present(taskDefinition)) given.add("taskDefinition");
        return given;
    }

    /**
     * The switch is a canary, so its parameters are checked by the canary's own rules, with blue in the
     * stable role; problems are renamed to this command's parameters.
     */
    private Optional<CanarySpec> switchParameters(List<Problem> problems) {
        List<Integer> percents = steps == null || steps.isEmpty()
                ? List.of(Integer.valueOf(BlueGreenParameters.STEPS.defaultValue())) : steps;
        List<Integer> gate = List.of();
        if (approveBefore != null && !approveBefore.isBlank()) {
            if (SWITCH.equals(approveBefore.trim().toLowerCase(Locale.ROOT))) {
                gate = List.of(percents.get(0));
            } else {
                problems.add(new Problem("approveBefore", "'" + approveBefore + "' is not a moment to approve; the only one is '"
                        + SWITCH + "' (before any production traffic moves)"));
            }
        }
        String bakeText = bake == null && (steps == null || steps.isEmpty()) ? BlueGreenParameters.BAKE.defaultValue() : bake;
        CanaryRequest canary = new CanaryRequest()
                .listenerArn(listenerArn).ruleArn(ruleArn)
                .stableTargetGroup(blueTargetGroup).canaryTargetGroup(greenTargetGroup)
                .steps(percents).bake(bakeText).alarms(alarms).poll(poll)
                .approveBefore(gate).approvalTimeout(approvalTimeout).region(region).analysis(analysis);
        try {
            return Optional.of(canary.toSpec());
        } catch (InvalidInputException e) {
            for (Problem p : e.problems()) {
                problems.add(new Problem(renamed(p.parameter()), renamed(p.message())));
            }
            return Optional.empty();
        }
    }

    private static String renamed(String text) {
        return text.replace("stableTargetGroup", "blueTargetGroup").replace("canaryTargetGroup", "greenTargetGroup");
    }

    private void checkRevision(List<Problem> problems) {
        boolean byImages = !images.isEmpty();
        boolean byRevision = present(taskDefinition);
        if (byImages == byRevision) {
            problems.add(new Problem("images", "give either new images (app=repo:tag, or repo:tag for a single container) "
                    + "or an existing taskDefinition (family:revision), exactly one"));
            return;
        }
        if (byRevision) {
            String td = taskDefinition.trim();
            if (td.startsWith("arn:")) {
                Optional<Problem> wrong = AwsArn.check("taskDefinition", td, "ecs", "task-definition/", "task definition", region);
                wrong.ifPresent(problems::add);
                String resource = AwsArn.parse(td).map(AwsArn::resource).orElse("");
                if (wrong.isEmpty() && !FAMILY_REVISION.matcher(resource.substring("task-definition/".length())).matches()) {
                    problems.add(new Problem("taskDefinition", "'" + td + "' names no revision; end it with :REVISION"));
                }
            } else if (!FAMILY_REVISION.matcher(td).matches()) {
                problems.add(new Problem("taskDefinition", "'" + taskDefinition + "' is not family:revision (like web:42) "
                        + "or a task definition ARN; a revision is required so that exactly this one is deployed"));
            }
            return;
        }
        if (images.containsKey(BlueGreenSpec.ONLY_CONTAINER) && images.size() > 1) {
            problems.add(new Problem("images", "an image without a container name only works alone; name every container "
                    + "(app=repo:tag) when giving more than one"));
        }
        images.forEach((container, image) -> {
            String name = container.trim();
            if (!name.isEmpty() && !ECS_NAME.matcher(name).matches()) {
                problems.add(new Problem("images", "'" + container + "' is not a container name (letters, digits, - and _)"));
            }
            String label = name.isEmpty() ? "the image" : "the image of " + name;
            if (image == null || image.isBlank()) {
                problems.add(new Problem("images", label + " is empty"));
            } else if (!IMAGE.matcher(image.trim()).matches()) {
                problems.add(new Problem("images", label + " '" + image + "' is not an image reference (like "
                        + "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2)"));
            }
        });
    }

    private TrafficTarget testTarget(List<Problem> problems) {
        boolean listener = present(testListenerArn);
        boolean rule = present(testRuleArn);
        if (!listener && !rule) return null;
        if (listener && rule) {
            problems.add(new Problem("testListenerArn", "give a test listener ARN or a test rule ARN (testRuleArn), not both"));
            return null;
        }
        String arn = (listener ? testListenerArn : testRuleArn).trim();
        String parameter = listener ? "testListenerArn" : "testRuleArn";
        Optional<Problem> wrong = listener
                ? AwsArn.check(parameter, arn, "elasticloadbalancing", "listener/", "listener", region)
                : AwsArn.check(parameter, arn, "elasticloadbalancing", "listener-rule/", "listener rule", region);
        wrong.ifPresent(problems::add);
        if (arn.equals(trimmedOrNull(listenerArn)) || arn.equals(trimmedOrNull(ruleArn))) {
            problems.add(new Problem(parameter, "is the production " + (listener ? "listener" : "rule")
                    + "; test traffic needs a listener or rule of its own"));
        }
        return new TrafficTarget(listener ? TrafficTarget.Kind.LISTENER : TrafficTarget.Kind.RULE, arn, parameter);
    }

    private void checkEcsName(String parameter, String text, String arnPrefix, String what, List<Problem> problems) {
        if (!present(text)) {
            problems.add(new Problem(parameter, "is required: the name or ARN of the " + what));
        } else if (text.trim().startsWith("arn:")) {
            AwsArn.check(parameter, text, "ecs", arnPrefix, what, region).ifPresent(problems::add);
        } else if (!ECS_NAME.matcher(text.trim()).matches()) {
            problems.add(new Problem(parameter, "'" + text + "' is not " + (what.equals("cluster") ? "a cluster" : "a service")
                    + " name (up to 255 letters, digits, - and _) or ARN"));
        }
    }

    private static Map<String, String> trimmed(Map<String, String> images) {
        Map<String, String> out = new LinkedHashMap<>();
        images.forEach((k, v) -> out.put(k.trim(), v.trim()));
        return out;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String trimmedOrNull(String s) {
        return s == null ? null : s.trim();
    }
}
