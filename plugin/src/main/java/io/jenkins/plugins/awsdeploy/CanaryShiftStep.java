package io.jenkins.plugins.awsdeploy;

import hudson.Extension;
import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsArn;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryRequest;
import java.util.List;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code canaryShift}: moves traffic of an ALB listener (or rule) from the stable target group to the canary target
 * group, two Route 53 weighted records from the stable to the canary record, or a Lambda alias from its version to a
 * new one, in steps, watching CloudWatch alarms after each, and puts everything back on the stable side if one fires.
 * The parameters are those of {@code aws-deploy canary}, in camelCase.
 */
public final class CanaryShiftStep extends AwsDeploymentStep {

    private String stableTargetGroup;
    private String canaryTargetGroup;
    private String listenerArn;
    private String ruleArn;
    private List<Integer> steps;
    private String preset;
    private String bake;
    private List<String> alarms;
    private String poll;
    private List<Integer> approveBefore;
    private String approvalTimeout;
    private CanaryAnalysis analysis;
    private String hostedZoneId;
    private String recordName;
    private String recordType;
    private String stableSetIdentifier;
    private String canarySetIdentifier;
    private String lambdaFunction;
    private String lambdaAlias;
    private String canaryVersion;

    /**
     * No parameter is required of every canary: a load balancer canary names its target groups, a Route 53 one its
     * set identifiers instead (until round 2 the target groups were this constructor's; as named arguments and in
     * stored program state they bind to the setters alike).
     */
    @DataBoundConstructor
    public CanaryShiftStep() {
    }

    public CanaryShiftStep(String stableTargetGroup, String canaryTargetGroup) {
        setStableTargetGroup(stableTargetGroup);
        setCanaryTargetGroup(canaryTargetGroup);
    }

    public String getStableTargetGroup() {
        return stableTargetGroup;
    }

    @DataBoundSetter
    public void setStableTargetGroup(String stableTargetGroup) {
        this.stableTargetGroup = trimmed(stableTargetGroup);
    }

    public String getCanaryTargetGroup() {
        return canaryTargetGroup;
    }

    @DataBoundSetter
    public void setCanaryTargetGroup(String canaryTargetGroup) {
        this.canaryTargetGroup = trimmed(canaryTargetGroup);
    }

    public String getListenerArn() {
        return listenerArn;
    }

    @DataBoundSetter
    public void setListenerArn(String listenerArn) {
        this.listenerArn = trimmed(listenerArn);
    }

    public String getRuleArn() {
        return ruleArn;
    }

    @DataBoundSetter
    public void setRuleArn(String ruleArn) {
        this.ruleArn = trimmed(ruleArn);
    }

    public List<Integer> getSteps() {
        return steps;
    }

    /** Percentages of traffic on the canary side, ascending and ending at 100, e.g. {@code [10, 50, 100]}. */
    @DataBoundSetter
    public void setSteps(List<Integer> steps) {
        this.steps = listOrNull(steps);
    }

    public String getPreset() {
        return preset;
    }

    /** A CodeDeploy-style traffic configuration instead of steps, e.g. {@code Canary10Percent5Minutes}. */
    @DataBoundSetter
    public void setPreset(String preset) {
        this.preset = trimmed(preset);
    }

    public String getBake() {
        return bake;
    }

    @DataBoundSetter
    public void setBake(String bake) {
        this.bake = trimmed(bake);
    }

    public List<String> getAlarms() {
        return alarms;
    }

    @DataBoundSetter
    public void setAlarms(List<String> alarms) {
        this.alarms = listOrNull(alarms);
    }

    public String getPoll() {
        return poll;
    }

    @DataBoundSetter
    public void setPoll(String poll) {
        this.poll = trimmed(poll);
    }

    public List<Integer> getApproveBefore() {
        return approveBefore;
    }

    /** The steps (percentages) that wait for a person before traffic moves to them. */
    @DataBoundSetter
    public void setApproveBefore(List<Integer> approveBefore) {
        this.approveBefore = listOrNull(approveBefore);
    }

    public String getApprovalTimeout() {
        return approvalTimeout;
    }

    @DataBoundSetter
    public void setApprovalTimeout(String approvalTimeout) {
        this.approvalTimeout = trimmed(approvalTimeout);
    }

    public CanaryAnalysis getAnalysis() {
        return analysis;
    }

    /** Judge the new side against the stable one from CloudWatch metrics: {@code analysis: [errorRate: 1.0, ...]}. */
    @DataBoundSetter
    public void setAnalysis(CanaryAnalysis analysis) {
        this.analysis = analysis;
    }

    public String getHostedZoneId() {
        return hostedZoneId;
    }

    /** Instead of a load balancer: the Route 53 hosted zone of the two weighted records. */
    @DataBoundSetter
    public void setHostedZoneId(String hostedZoneId) {
        this.hostedZoneId = trimmed(hostedZoneId);
    }

    public String getRecordName() {
        return recordName;
    }

    @DataBoundSetter
    public void setRecordName(String recordName) {
        this.recordName = trimmed(recordName);
    }

    public String getRecordType() {
        return recordType;
    }

    @DataBoundSetter
    public void setRecordType(String recordType) {
        this.recordType = trimmed(recordType);
    }

    public String getStableSetIdentifier() {
        return stableSetIdentifier;
    }

    /** Not trimmed: a set identifier is matched exactly, and the engine refuses one with spaces around it. */
    @DataBoundSetter
    public void setStableSetIdentifier(String stableSetIdentifier) {
        this.stableSetIdentifier = emptyAsNull(stableSetIdentifier);
    }

    public String getCanarySetIdentifier() {
        return canarySetIdentifier;
    }

    @DataBoundSetter
    public void setCanarySetIdentifier(String canarySetIdentifier) {
        this.canarySetIdentifier = emptyAsNull(canarySetIdentifier);
    }

    private static String emptyAsNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    public String getLambdaFunction() {
        return lambdaFunction;
    }

    /** Instead of a load balancer: the Lambda function whose alias is shifted (then no target groups are given). */
    @DataBoundSetter
    public void setLambdaFunction(String lambdaFunction) {
        this.lambdaFunction = trimmed(lambdaFunction);
    }

    public String getLambdaAlias() {
        return lambdaAlias;
    }

    @DataBoundSetter
    public void setLambdaAlias(String lambdaAlias) {
        this.lambdaAlias = trimmed(lambdaAlias);
    }

    public String getCanaryVersion() {
        return canaryVersion;
    }

    /** The published version the alias's traffic moves to; a String, as Lambda names versions ({@code '42'}). */
    @DataBoundSetter
    public void setCanaryVersion(String canaryVersion) {
        this.canaryVersion = trimmed(canaryVersion);
    }

    @Override
    String poll() {
        return poll;
    }

    @Override
    String target() {
        if (listenerArn != null) return "listener " + AwsArn.shortName(listenerArn);
        if (ruleArn != null) return "rule " + AwsArn.shortName(ruleArn);
        if (recordName != null) return "records " + recordName;
        if (lambdaFunction != null) return "alias " + lambdaAlias + " of function " + AwsArn.shortName(lambdaFunction);
        return "an unnamed listener";
    }

    @Override
    Checkpoint startCheckpoint(String region, String pollOrDefault) {
        CanaryRequest request = new CanaryRequest()
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
                .approveBefore(approveBefore)
                .approvalTimeout(approvalTimeout)
                .region(region)
                .analysis(CanaryAnalysis.requestOf(analysis))
                .hostedZoneId(hostedZoneId)
                .recordName(recordName)
                .recordType(recordType)
                .stableSetIdentifier(stableSetIdentifier)
                .canarySetIdentifier(canarySetIdentifier);
        if (pollOrDefault != null) request.poll(pollOrDefault);
        return CanaryCheckpoint.start(request.toSpec());
    }

    @Extension
    public static final class DescriptorImpl extends DeploymentStepDescriptor {

        @Override
        public String getFunctionName() {
            return "canaryShift";
        }

        @Override
        public String getDisplayName() {
            return "Canary deployment: shift ALB, Route 53 weighted or Lambda alias traffic in steps, watching CloudWatch alarms";
        }

        @Override
        ListFields listFields() {
            return ListFields.integers("steps", "approveBefore").strings("alarms");
        }
    }
}
