package io.jenkins.plugins.awsdeploy;

import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.Heartbeat;
import io.jenkins.plugins.awsdeploy.engine.InvalidInputException;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.aws.EndpointPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The parameters every deployment step shares: how to reach AWS ({@code credentialsId}, {@code region},
 * {@code roleArn}, {@code externalId}, {@code endpointUrl}) and who may answer its approvals ({@code approvers}).
 * A subclass adds its strategy's parameters and turns them into the engine's first checkpoint; one
 * {@link DeploymentExecution} runs any of them.
 */
public abstract class AwsDeploymentStep extends Step {

    private String credentialsId;
    private String region;
    private String roleArn;
    private String externalId;
    private String endpointUrl;
    private String approvers;
    private String heartbeat;

    public String getCredentialsId() {
        return credentialsId;
    }

    /** The id of an AWS credential (aws-credentials plugin); without it, the default chain of the agent. */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = trimmed(credentialsId);
    }

    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = trimmed(region);
    }

    public String getRoleArn() {
        return roleArn;
    }

    /** A role to assume for the deployment, typically in another account. */
    @DataBoundSetter
    public void setRoleArn(String roleArn) {
        this.roleArn = trimmed(roleArn);
    }

    public String getExternalId() {
        return externalId;
    }

    @DataBoundSetter
    public void setExternalId(String externalId) {
        this.externalId = trimmed(externalId);
    }

    public String getEndpointUrl() {
        return endpointUrl;
    }

    /** Another endpoint for every AWS service, such as a local emulator. */
    @DataBoundSetter
    public void setEndpointUrl(String endpointUrl) {
        this.endpointUrl = trimmed(endpointUrl);
    }

    public String getApprovers() {
        return approvers;
    }

    /** Comma-separated users or groups who may answer the approvals; empty means anyone who may build the job. */
    @DataBoundSetter
    public void setApprovers(String approvers) {
        this.approvers = trimmed(approvers);
    }

    public String getHeartbeat() {
        return heartbeat;
    }

    /** How long the build log may stay silent while the deployment waits before a status line: {@code 1m}; {@code 0} for none. */
    @DataBoundSetter
    public void setHeartbeat(String heartbeat) {
        this.heartbeat = trimmed(heartbeat);
    }

    /** {@link #heartbeat}, or the global default, or the engine's; checked by {@link #checkedStart}. */
    final Duration heartbeatEvery(AwsDeploymentsConfiguration defaults) {
        String text = heartbeat != null ? heartbeat : trimmed(defaults == null ? null : defaults.getDefaultHeartbeat());
        return Heartbeat.parse("heartbeat", text);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new DeploymentExecution(context, this);
    }

    /** The Pipeline function name, e.g. {@code canaryShift}. */
    final String functionName() {
        return getDescriptor().getFunctionName();
    }

    /** What this step deploys to, in a few words, for the build page: "listener web/f2f7dc8e". */
    abstract String target();

    /**
     * Checks every parameter and builds the engine's first checkpoint; nothing is sent to AWS.
     *
     * @param region the region the deployment runs in (the step's or the global default)
     * @param poll   the step's poll or the global default; null for the engine's default
     * @throws InvalidInputException naming every parameter that is wrong
     */
    abstract Checkpoint startCheckpoint(String region, String poll);

    /** The step's poll interval parameter, or null when it has none or it is not given. */
    abstract String poll();

    /** The access settings of this step, with the global defaults where the step gives none. */
    final AccessSettings accessSettings(AwsDeploymentsConfiguration defaults) {
        return new AccessSettings(
                region != null ? region : trimmed(defaults == null ? null : defaults.getDefaultRegion()),
                endpointUrl,
                credentialsId != null ? credentialsId : trimmed(defaults == null ? null : defaults.getDefaultCredentialsId()),
                roleArn,
                externalId);
    }

    /** {@link #approvers}, or the global default, as a list. */
    final List<String> approverList(AwsDeploymentsConfiguration defaults) {
        String text = approvers != null ? approvers : defaults == null ? null : defaults.getDefaultApprovers();
        return new ArrayList<>(Approvers.parse(text));
    }

    /**
     * The first checkpoint, with the shared settings checked along with the strategy's parameters so that one
     * failure lists every problem.
     */
    final Checkpoint checkedStart(AccessSettings access, AwsDeploymentsConfiguration defaults) {
        List<Problem> problems = new ArrayList<>(
                access.problems(defaults == null ? EndpointPolicy.awsOnly() : defaults.endpointPolicy()));
        try {
            heartbeatEvery(defaults);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        String poll = poll() != null ? poll() : trimmed(defaults == null ? null : defaults.getDefaultPoll());
        try {
            Checkpoint start = startCheckpoint(access.region(), poll);
            if (problems.isEmpty()) return start;
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        throw new InvalidInputException(problems);
    }

    /** Blank means not given: the Snippet Generator sends empty strings for empty fields. */
    static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** A list parameter as given, null when empty, so that "not given" reads the same from a script and a form. */
    static <T> List<T> listOrNull(List<T> list) {
        return list == null || list.isEmpty() ? null : new ArrayList<>(list);
    }
}
