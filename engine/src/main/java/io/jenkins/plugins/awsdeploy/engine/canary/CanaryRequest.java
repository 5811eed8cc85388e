package io.jenkins.plugins.awsdeploy.engine.canary;

import io.jenkins.plugins.awsdeploy.engine.InvalidInputException;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.analysis.AnalysisRequest;
import io.jenkins.plugins.awsdeploy.engine.analysis.AnalysisSpec;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsArn;
import io.jenkins.plugins.awsdeploy.engine.aws.TrafficTarget;
import io.jenkins.plugins.awsdeploy.engine.params.CanaryParameters;
import io.jenkins.plugins.awsdeploy.engine.routing.AlbForward;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * A canary's parameters as a user gave them, in the shells' shared vocabulary; their defaults and bounds are
 * declared in {@link CanaryParameters}. {@link #toSpec()} checks
 * all of them at once and reports every problem, naming the parameter.
 */
public final class CanaryRequest {

    /** DescribeAlarms takes at most 100 names, and the engine reads all alarms in one call per poll. */
    public static final int MAX_ALARMS = CanaryParameters.MAX_ALARMS;

    private String listenerArn;
    private String ruleArn;
    private String stableTargetGroup;
    private String canaryTargetGroup;
    private List<Integer> steps;
    private String preset;
    private String bake;
    private List<String> alarms = List.of();
    private String poll;
    private List<Integer> approveBefore = List.of();
    private String approvalTimeout;
    private String region;
    private AnalysisRequest analysis = new AnalysisRequest();

    public CanaryRequest listenerArn(String v) { listenerArn = v; return this; }
    public CanaryRequest ruleArn(String v) { ruleArn = v; return this; }
    public CanaryRequest stableTargetGroup(String v) { stableTargetGroup = v; return this; }
    public CanaryRequest canaryTargetGroup(String v) { canaryTargetGroup = v; return this; }
    public CanaryRequest steps(List<Integer> v) { steps = v; return this; }
    public CanaryRequest preset(String v) { preset = v; return this; }
    public CanaryRequest bake(String v) { bake = v; return this; }
    public CanaryRequest alarms(List<String> v) { alarms = v == null ? List.of() : v; return this; }
    public CanaryRequest poll(String v) { poll = v; return this; }
    public CanaryRequest approveBefore(List<Integer> v) { approveBefore = v == null ? List.of() : v; return this; }
    public CanaryRequest approvalTimeout(String v) { approvalTimeout = v; return this; }
    /** The region the deployment runs in, so that an ARN from another region is refused up front. */
    public CanaryRequest region(String v) { region = v; return this; }
    /** Judge the new side against the stable one from CloudWatch metrics while baking; none when nothing is set. */
    public CanaryRequest analysis(AnalysisRequest v) { analysis = v == null ? new AnalysisRequest() : v; return this; }

    public CanarySpec toSpec() {
        List<Problem> problems = new ArrayList<>();
        TrafficTarget target = target(problems);
        AwsArn.check("stableTargetGroup", stableTargetGroup, "elasticloadbalancing", "targetgroup/", "target group", region)
                .ifPresent(problems::add);
        AwsArn.check("canaryTargetGroup", canaryTargetGroup, "elasticloadbalancing", "targetgroup/", "target group", region)
                .ifPresent(problems::add);
        if (stableTargetGroup != null && stableTargetGroup.equals(canaryTargetGroup)) {
            problems.add(new Problem("canaryTargetGroup", "is the same target group as stableTargetGroup"));
        }
        List<Integer> percents = List.of();
        Duration defaultBake = null;
        if ((steps == null || steps.isEmpty()) == (preset == null || preset.isBlank())) {
            problems.add(new Problem("steps", "give either steps (like 10,50,100) or a preset (" + Preset.names() + "), not both"));
        } else if (steps != null && !steps.isEmpty()) {
            percents = steps;
        } else {
            Optional<Preset> p = Preset.named(preset);
            if (p.isEmpty()) {
                problems.add(new Problem("preset", "'" + preset + "' is not one of " + Preset.names()));
            } else {
                percents = p.get().steps();
                defaultBake = p.get().interval();
            }
        }
        Duration bakeTime = CanaryParameters.BAKE.duration(bake, problems);
        if (bakeTime == null) {
            bakeTime = defaultBake == null ? Duration.ZERO : defaultBake;
            if (defaultBake == null && bake == null && preset == null) {
                problems.add(new Problem("bake", "is required with steps: how long to watch the alarms after each step, like 5m"));
            }
        }
        Duration pollTime = CanaryParameters.POLL.duration(poll, problems);
        Duration timeout = CanaryParameters.APPROVAL_TIMEOUT.duration(approvalTimeout, problems);
        if (timeout != null && approveBefore.isEmpty()) {
            // Silently ignoring it would let someone believe an unattended gate cannot hang forever.
            problems.add(new Problem("approvalTimeout", "only applies with approveBefore, which asks for approvals"));
        }
        checkAlarms(problems);
        // With no steps to check (a wrong preset was named) the plan would only repeat that problem.
        CanaryPlan plan = percents.isEmpty() && !problems.isEmpty() ? new CanaryPlan(List.of())
                : CanaryPlan.of(percents, bakeTime, approveBefore, problems);
        AnalysisSpec judged = analysis.toSpec(problems);
        if (judged != null) AnalysisFit.check(analysis, judged, plan, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new CanarySpec(AlbForward.at(target, stableTargetGroup.trim(), canaryTargetGroup.trim()), plan, alarms,
                pollTime, timeout, judged);
    }

    private TrafficTarget target(List<Problem> problems) {
        boolean listener = listenerArn != null && !listenerArn.isBlank();
        boolean rule = ruleArn != null && !ruleArn.isBlank();
        if (listener == rule) {
            problems.add(new Problem("listenerArn", "give either a listener ARN or a rule ARN (ruleArn), exactly one"));
            return null;
        }
        if (listener) {
            AwsArn.check("listenerArn", listenerArn, "elasticloadbalancing", "listener/", "listener", region)
                    .ifPresent(problems::add);
            return TrafficTarget.listener(listenerArn.trim());
        }
        AwsArn.check("ruleArn", ruleArn, "elasticloadbalancing", "listener-rule/", "listener rule", region)
                .ifPresent(problems::add);
        return TrafficTarget.rule(ruleArn.trim());
    }

    private void checkAlarms(List<Problem> problems) {
        if (alarms.size() > MAX_ALARMS) {
            problems.add(new Problem("alarms", alarms.size() + " alarms; at most " + MAX_ALARMS));
        }
        var seen = new HashSet<String>();
        for (String a : alarms) {
            if (a == null || a.isBlank()) {
                problems.add(new Problem("alarms", "an alarm name is empty"));
            } else if (a.length() > 255) {
                problems.add(new Problem("alarms", "'" + a.substring(0, 40) + "...' is longer than 255 characters"));
            } else if (!seen.add(a)) {
                problems.add(new Problem("alarms", "'" + a + "' is listed twice"));
            }
        }
    }
}
