package io.jenkins.plugins.awsdeploy.engine.params;

import static io.jenkins.plugins.awsdeploy.engine.params.Parameter.Type.ARN;
import static io.jenkins.plugins.awsdeploy.engine.params.Parameter.Type.DURATION;
import static io.jenkins.plugins.awsdeploy.engine.params.Parameter.Type.NAMES;
import static io.jenkins.plugins.awsdeploy.engine.params.Parameter.Type.PERCENTS;
import static io.jenkins.plugins.awsdeploy.engine.params.Parameter.Type.TEXT;

import io.jenkins.plugins.awsdeploy.engine.params.Parameter.Limits;
import java.time.Duration;
import java.util.List;

/** The parameters of a canary: {@code aws-deploy canary} and the {@code canaryShift} step. */
public final class CanaryParameters {

    /** DescribeAlarms takes at most 100 names, and the engine reads all alarms in one call per poll. */
    public static final int MAX_ALARMS = 100;

    public static final Parameter LISTENER_ARN = Parameter.of("listenerArn", ARN, "--listener-arn", null, Limits.NONE,
            "the listener whose default action forwards to the stable target group");
    public static final Parameter RULE_ARN = Parameter.of("ruleArn", ARN, "--rule-arn", null, Limits.NONE,
            "or: the listener rule whose forward action is shifted");
    public static final Parameter STABLE_TARGET_GROUP = Parameter.of("stableTargetGroup", ARN, "--stable-target-group",
            null, Limits.NONE, "the target group serving traffic now");
    public static final Parameter CANARY_TARGET_GROUP = Parameter.of("canaryTargetGroup", ARN, "--canary-target-group",
            null, Limits.NONE, "the new version's target group, which gets the traffic step by step");
    public static final Parameter LAMBDA_FUNCTION = Parameter.of("lambdaFunction", TEXT, "--lambda-function", null,
            Limits.NONE, "instead of a load balancer: the Lambda function (name or ARN) whose alias is shifted");
    public static final Parameter LAMBDA_ALIAS = Parameter.of("lambdaAlias", TEXT, "--lambda-alias", null, Limits.NONE,
            "the alias callers invoke; the version it points at now is the stable side");
    public static final Parameter CANARY_VERSION = Parameter.of("canaryVersion", TEXT, "--canary-version", null,
            Limits.NONE, "the published version the alias's traffic moves to, never $LATEST");
    public static final Parameter STEPS = Parameter.of("steps", PERCENTS, "--steps", null, Limits.NONE,
            "percentages on the canary side, ascending and ending at 100");
    public static final Parameter PRESET = Parameter.of("preset", TEXT, "--preset", null, Limits.NONE,
            "or: a CodeDeploy-style configuration such as Canary10Percent5Minutes");
    public static final Parameter BAKE = Parameter.of("bake", DURATION, "--bake", null, Limits.NONE,
            "how long to watch the alarms after each step; required with steps");
    public static final Parameter ALARMS = Parameter.of("alarms", NAMES, "--alarm", null, Limits.items(MAX_ALARMS),
            "the CloudWatch alarms that guard the deployment");
    public static final Parameter POLL = CommonParameters.poll("how often the alarms and the listener are read while baking");
    public static final Parameter APPROVE_BEFORE = Parameter.of("approveBefore", PERCENTS, "--approve-before", null,
            Limits.NONE, "the steps that wait for a person before traffic moves to them");
    public static final Parameter APPROVAL_TIMEOUT = Parameter.of("approvalTimeout", DURATION, "--approval-timeout", null,
            Limits.longerThan(Duration.ZERO, null), "roll back when nobody answered an approval within this time");

    /** Route 53 weighted records: the other router a canary can drive instead of a load balancer's. */
    public static final Parameter HOSTED_ZONE_ID = Parameter.of("hostedZoneId", TEXT, "--hosted-zone-id", null, Limits.NONE,
            "or, instead of a load balancer: the Route 53 hosted zone holding the two weighted records");
    public static final Parameter RECORD_NAME = Parameter.of("recordName", TEXT, "--record-name", null, Limits.NONE,
            "the name of the weighted records, like api.example.com (the trailing dot is optional)");
    public static final Parameter RECORD_TYPE = Parameter.of("recordType", TEXT, "--record-type", "A", Limits.NONE,
            "the type of the weighted records: A, AAAA or CNAME");
    public static final Parameter STABLE_SET_IDENTIFIER = Parameter.of("stableSetIdentifier", TEXT, "--stable-set-identifier",
            null, Limits.NONE, "the set identifier of the weighted record serving traffic now");
    public static final Parameter CANARY_SET_IDENTIFIER = Parameter.of("canarySetIdentifier", TEXT, "--canary-set-identifier",
            null, Limits.NONE, "the set identifier of the new version's weighted record, which gets the traffic step by step");

    private CanaryParameters() {
    }

    public static List<Parameter> all() {
        List<Parameter> all = new java.util.ArrayList<>(List.of(LISTENER_ARN, RULE_ARN, STABLE_TARGET_GROUP,
                CANARY_TARGET_GROUP, STEPS, PRESET, BAKE, ALARMS, POLL, APPROVE_BEFORE, APPROVAL_TIMEOUT, HOSTED_ZONE_ID,
                RECORD_NAME, RECORD_TYPE, STABLE_SET_IDENTIFIER, CANARY_SET_IDENTIFIER, LAMBDA_FUNCTION, LAMBDA_ALIAS,
                CANARY_VERSION));
        all.addAll(AnalysisParameters.all());
        return List.copyOf(all);
    }
}
