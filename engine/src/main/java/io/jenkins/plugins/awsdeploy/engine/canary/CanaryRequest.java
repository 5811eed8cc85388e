package io.jenkins.plugins.awsdeploy.engine.canary;

import io.jenkins.plugins.awsdeploy.engine.InvalidInputException;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.analysis.AnalysisRequest;
import io.jenkins.plugins.awsdeploy.engine.analysis.AnalysisSpec;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsArn;
import io.jenkins.plugins.awsdeploy.engine.aws.TrafficTarget;
import io.jenkins.plugins.awsdeploy.engine.params.CanaryParameters;
import io.jenkins.plugins.awsdeploy.engine.routing.AlbForward;
import io.jenkins.plugins.awsdeploy.engine.routing.LambdaAlias;
import io.jenkins.plugins.awsdeploy.engine.routing.RouterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

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
    private String hostedZoneId;
    private String recordName;
    private String recordType;
    private String stableSetIdentifier;
    private String canarySetIdentifier;
    private String lambdaFunction;
    private String lambdaAlias;
    private String canaryVersion;

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
    public CanaryRequest lambdaFunction(String v) { lambdaFunction = v; return this; }
    public CanaryRequest lambdaAlias(String v) { lambdaAlias = v; return this; }
    public CanaryRequest canaryVersion(String v) { canaryVersion = v; return this; }
    /** The region the deployment runs in, so that an ARN from another region is refused up front. */
    public CanaryRequest region(String v) { region = v; return this; }
    /** Judge the new side against the stable one from CloudWatch metrics while baking; none when nothing is set. */
    public CanaryRequest analysis(AnalysisRequest v) { analysis = v == null ? new AnalysisRequest() : v; return this; }
    public CanaryRequest hostedZoneId(String v) { hostedZoneId = v; return this; }
    public CanaryRequest recordName(String v) { recordName = v; return this; }
    public CanaryRequest recordType(String v) { recordType = v; return this; }
    public CanaryRequest stableSetIdentifier(String v) { stableSetIdentifier = v; return this; }
    public CanaryRequest canarySetIdentifier(String v) { canarySetIdentifier = v; return this; }

    public CanarySpec toSpec() {
        List<Problem> problems = new ArrayList<>();
        RouterSpec router = router(problems);
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
        if (judged != null) AnalysisFit.check(analysis, judged, router, plan, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new CanarySpec(router, plan, alarms, pollTime, timeout, judged);
    }

    /** The load balancer's forward action, or the Route 53 records: whichever the options name, never both. */
    private RouterSpec router(List<Problem> problems) {
        if (given(lambdaFunction, lambdaAlias, canaryVersion)) return lambdaRouter(problems);
        RecordsInput records = new RecordsInput(hostedZoneId, recordName, recordType, stableSetIdentifier, canarySetIdentifier);
        if (!records.given()) return alb(problems);
        boolean alb = Stream.of(listenerArn, ruleArn, stableTargetGroup, canaryTargetGroup).anyMatch(v -> v != null && !v.isBlank());
        if (alb) {
            problems.add(new Problem("hostedZoneId", "the Route 53 options (hostedZoneId, recordName, recordType, "
                    + "stableSetIdentifier, canarySetIdentifier) and the load balancer options (listenerArn, ruleArn, "
                    + "stableTargetGroup, canaryTargetGroup) name two different routers; give one of the two sets"));
        }
        return records.toSpec(problems);
    }

    private AlbForward alb(List<Problem> problems) {
        TrafficTarget target = target(problems);
        AwsArn.check("stableTargetGroup", stableTargetGroup, "elasticloadbalancing", "targetgroup/", "target group", region)
                .ifPresent(problems::add);
        AwsArn.check("canaryTargetGroup", canaryTargetGroup, "elasticloadbalancing", "targetgroup/", "target group", region)
                .ifPresent(problems::add);
        if (stableTargetGroup != null && stableTargetGroup.equals(canaryTargetGroup)) {
            problems.add(new Problem("canaryTargetGroup", "is the same target group as stableTargetGroup"));
        }
        if (target == null || stableTargetGroup == null || canaryTargetGroup == null) return null;
        return AlbForward.at(target, stableTargetGroup.trim(), canaryTargetGroup.trim());
    }

    /** A Lambda alias instead of a load balancer or records: none of their parameters may come with it. */
    private RouterSpec lambdaRouter(List<Problem> problems) {
        List<String> other = new ArrayList<>();
        if (given(listenerArn)) other.add("listenerArn");
        if (given(ruleArn)) other.add("ruleArn");
        if (given(stableTargetGroup)) other.add("stableTargetGroup");
        if (given(canaryTargetGroup)) other.add("canaryTargetGroup");
        if (given(hostedZoneId)) other.add("hostedZoneId");
        if (given(recordName)) other.add("recordName");
        if (given(recordType)) other.add("recordType");
        if (given(stableSetIdentifier)) other.add("stableSetIdentifier");
        if (given(canarySetIdentifier)) other.add("canarySetIdentifier");
        if (!other.isEmpty()) {
            problems.add(new Problem("lambdaFunction", "cannot be combined with " + String.join(", ", other) + ": a canary "
                    + "shifts either a load balancer's weights (listenerArn or ruleArn, stableTargetGroup, "
                    + "canaryTargetGroup), Route 53 records (hostedZoneId, recordName, ...) or a Lambda alias's "
                    + "(lambdaFunction, lambdaAlias, canaryVersion), one of them"));
        }
        return LambdaAlias.requested(lambdaFunction, lambdaAlias, canaryVersion, region, problems);
    }

    private static boolean given(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) return true;
        }
        return false;
    }

    private TrafficTarget target(List<Problem> problems) {
        boolean listener = listenerArn != null && !listenerArn.isBlank();
        boolean rule = ruleArn != null && !ruleArn.isBlank();
        if (listener == rule) {
            problems.add(new Problem("listenerArn", "give either a listener ARN or a rule ARN (ruleArn), exactly one"
                    + (listener ? "" : "; or, to shift Route 53 weighted records instead, hostedZoneId, recordName and the two"
                    + " set identifiers")));
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
