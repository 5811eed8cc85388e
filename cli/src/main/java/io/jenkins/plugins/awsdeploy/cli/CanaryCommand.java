package io.jenkins.plugins.awsdeploy.cli;

import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryRequest;
import io.jenkins.plugins.awsdeploy.engine.canary.CanarySpec;
import io.jenkins.plugins.awsdeploy.engine.canary.Preset;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Shifts an ALB listener's (or rule's) traffic to a new target group in steps, Route 53 weighted records' weight to
 * a new record, or a Lambda alias's traffic to a new version, watching alarms after each.
 */
@Command(name = "canary",
        description = {
                "Shift traffic from the stable target group to the canary target group in steps, watching CloudWatch "
                        + "alarms after each step. An alarm in ALARM, or one that cannot be read, puts all traffic back on "
                        + "the stable side at once (INSUFFICIENT_DATA does not: quiet metrics are common).",
                "",
                "Every input is checked, then the listener, the target groups and the alarms are read; only then "
                        + "is anything changed.",
                "",
                "Instead of a load balancer, --hosted-zone-id with --record-name and two set identifiers shifts the weights "
                        + "of two Route 53 weighted records (100-p and p, in one change); each step's bake starts once the "
                        + "change is INSYNC on every Route 53 name server.",
                "",
                "Or --lambda-function with --lambda-alias and --canary-version shifts a Lambda alias's weighted routing from "
                        + "the version it points at to the canary version (the alias's RevisionId guards every update)."},
        customSynopsis = {
                "aws-deploy canary (--listener-arn ARN | --rule-arn ARN)",
                "         --stable-target-group ARN --canary-target-group ARN",
                "   or:   --hosted-zone-id Z --record-name NAME [--record-type A|AAAA|CNAME]",
                "         --stable-set-identifier S --canary-set-identifier C",
                "   or:   --lambda-function NAME --lambda-alias ALIAS --canary-version N",
                "         (--steps 10,25,50,100 | --preset NAME) [--bake 5m] [--alarm NAME]...",
                "         [--poll 5s] [--approve-before PERCENT]... [--auto-approve] [--approval-timeout 1h]",
                "         [--compare-error-rate POINTS] [--compare-latency RATIO]",
                "         [--analysis-interval 1m] [--analysis-delay 2m] [--min-requests 50]",
                "         [--analysis-failure-limit 1] [--analysis-timeout 10m]",
                "         [--allow-inconclusive]",
                "         [--region R] [--endpoint-url URL] [--call-timeout 20s] [--state-file FILE]",
                "         [--timeline FILE.svg] [--json] [--heartbeat 1m]"},
        sortOptions = false,
        mixinStandardHelpOptions = true,
        exitCodeListHeading = ExitCodeHelp.HEADING,
        exitCodeList = {"0:done: all traffic is on the canary target group (or record, or version)", ExitCodeHelp.INVALID,
                ExitCodeHelp.ROLLED_BACK, ExitCodeHelp.STOPPED, ExitCodeHelp.UNSAFE, ExitCodeHelp.OTHER})
public final class CanaryCommand extends DeploymentCommand {

    @Option(names = "--listener-arn", order = 1, paramLabel = "ARN",
            description = "The listener whose default action forwards to the stable target group.")
    String listenerArn;

    @Option(names = "--rule-arn", order = 2, paramLabel = "ARN",
            description = "Or: the listener rule whose forward action is shifted.")
    String ruleArn;

    @Option(names = "--stable-target-group", order = 3, paramLabel = "ARN", description = "The target group serving traffic now: the running version.")
    String stableTargetGroup;

    @Option(names = "--canary-target-group", order = 4, paramLabel = "ARN", description = "The new version's target group, which gets the traffic step by step.")
    String canaryTargetGroup;

    @Option(names = "--lambda-function", order = 4, paramLabel = "NAME",
            description = "Instead of a load balancer: the Lambda function (name or ARN) whose alias is shifted.")
    String lambdaFunction;

    @Option(names = "--lambda-alias", order = 4, paramLabel = "ALIAS",
            description = "The alias callers invoke; the version it points at now is the stable side.")
    String lambdaAlias;

    @Option(names = "--canary-version", order = 4, paramLabel = "N",
            description = "The published version the alias's traffic moves to (never $LATEST).")
    String canaryVersion;

    @Option(names = "--steps", order = 5, paramLabel = "PERCENT", split = ",",
            description = "Percentages of traffic on the canary side, ascending and ending at 100, e.g. 10,25,50,100.")
    List<Integer> steps;

    @Option(names = "--preset", order = 6, paramLabel = "NAME",
            description = "Or: a CodeDeploy-style configuration: ${COMPLETION-CANDIDATES}.",
            completionCandidates = PresetNames.class)
    String preset;

    @Option(names = "--bake", order = 7, paramLabel = "DURATION",
            description = "How long to watch the alarms after each step, e.g. 30s, 5m, 1h30m. Required with --steps; "
                    + "a preset has its own.")
    String bake;

    @Option(names = "--alarm", order = 8, paramLabel = "NAME",
            description = "A CloudWatch alarm that guards the deployment; repeat for more (at most "
                    + CanaryRequest.MAX_ALARMS + ").")
    List<String> alarms;

    @Option(names = "--poll", order = 9, paramLabel = "DURATION", defaultValue = "5s",
            description = "How often the alarms are read while baking. Default: ${DEFAULT-VALUE}.")
    String poll;

    @Option(names = "--approve-before", order = 10, paramLabel = "PERCENT", split = ",",
            description = "Ask on the terminal before shifting to this step; repeatable. Alarms are still watched "
                    + "while waiting; answering no rolls back (exit code 4).")
    List<Integer> approveBefore;

    @Option(names = "--auto-approve", order = 11, description = "Approve every --approve-before step without asking.")
    boolean autoApprove;

    @Option(names = "--approval-timeout", order = 12, paramLabel = "DURATION",
            description = "Roll back (exit code 4) when nobody has answered within this time. Default: wait as long as it takes.")
    String approvalTimeout;

    @Option(names = "--hosted-zone-id", order = 13, paramLabel = "ZONE",
            description = "Or, instead of a load balancer: the Route 53 hosted zone holding the two weighted records.")
    String hostedZoneId;

    @Option(names = "--record-name", order = 14, paramLabel = "NAME",
            description = "The name of the weighted records, e.g. api.example.com (the trailing dot is optional).")
    String recordName;

    @Option(names = "--record-type", order = 15, paramLabel = "TYPE",
            description = "The type of the weighted records: A, AAAA or CNAME. Default: A.")
    String recordType;

    @Option(names = "--stable-set-identifier", order = 16, paramLabel = "ID",
            description = "The set identifier of the weighted record serving traffic now.")
    String stableSetIdentifier;

    @Option(names = "--canary-set-identifier", order = 17, paramLabel = "ID",
            description = "The set identifier of the new version's weighted record, which gets the traffic step by step.")
    String canarySetIdentifier;

    @Mixin
    AnalysisOptions analysis;

    @Override
    protected Checkpoint plan(String region) {
        CanarySpec spec = new CanaryRequest()
                .listenerArn(listenerArn)
                .ruleArn(ruleArn)
                .stableTargetGroup(stableTargetGroup)
                .canaryTargetGroup(canaryTargetGroup)
                .lambdaFunction(lambdaFunction)
                .lambdaAlias(lambdaAlias)
                .canaryVersion(canaryVersion)
                .steps(steps)
                .preset(preset)
                .bake(bake)
                .alarms(alarms)
                .poll(poll)
                .approveBefore(approveBefore)
                .approvalTimeout(approvalTimeout)
                .region(region)
                .analysis(analysis.request())
                .hostedZoneId(hostedZoneId)
                .recordName(recordName)
                .recordType(recordType)
                .stableSetIdentifier(stableSetIdentifier)
                .canarySetIdentifier(canarySetIdentifier)
                .toSpec();
        return CanaryCheckpoint.start(spec);
    }

    @Override
    protected String approvalOption() {
        return approveBefore == null || approveBefore.isEmpty() ? null : "approveBefore";
    }

    @Override
    protected boolean autoApprove() {
        return autoApprove;
    }

    /** For the help text. */
    static final class PresetNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(Preset.values()).map(Preset::displayName).iterator();
        }
    }
}
