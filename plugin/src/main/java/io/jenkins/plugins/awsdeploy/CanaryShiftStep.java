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
 * group in steps, watching CloudWatch alarms after each, and puts everything back on the stable side if one fires.
 * The parameters are those of {@code aws-deploy canary}, in camelCase.
 */
public final class CanaryShiftStep extends AwsDeploymentStep {

    private final String stableTargetGroup;
    private final String canaryTargetGroup;
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

    @DataBoundConstructor
    public CanaryShiftStep(String stableTargetGroup, String canaryTargetGroup) {
        this.stableTargetGroup = trimmed(stableTargetGroup);
        this.canaryTargetGroup = trimmed(canaryTargetGroup);
    }

    public String getStableTargetGroup() {
        return stableTargetGroup;
    }

    public String getCanaryTargetGroup() {
        return canaryTargetGroup;
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

    @Override
    String poll() {
        return poll;
    }

    @Override
    String target() {
        if (listenerArn != null) return "listener " + AwsArn.shortName(listenerArn);
        if (ruleArn != null) return "rule " + AwsArn.shortName(ruleArn);
        return "an unnamed listener";
    }

    @Override
    Checkpoint startCheckpoint(String region, String pollOrDefault) {
        CanaryRequest request = new CanaryRequest()
                .listenerArn(listenerArn)
                .ruleArn(ruleArn)
                .stableTargetGroup(stableTargetGroup)
                .canaryTargetGroup(canaryTargetGroup)
                .steps(steps)
                .preset(preset)
                .bake(bake)
                .alarms(alarms)
                .approveBefore(approveBefore)
                .approvalTimeout(approvalTimeout)
                .analysis(CanaryAnalysis.requestOf(analysis))
                .region(region);
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
            return "Canary deployment: shift ALB traffic in steps, watching CloudWatch alarms";
        }

        @Override
        ListFields listFields() {
            return ListFields.integers("steps", "approveBefore").strings("alarms");
        }
    }
}
