package io.jenkins.plugins.awsdeploy;

import com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Result;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Bad parameters fail the step before any AWS call: the endpoint here is a closed port, so a call would show up as a
 * connection error rather than the parameter problems asserted. Needs no moto_server.
 */
@WithJenkins
class InvalidParametersTest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private static final String TG_A = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-blue/0123456789abcdef";
    private static final String TG_B = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-green/fedcba9876543210";
    private static final String LISTENER =
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2";
    private static final String NOWHERE = "http://127.0.0.1:9";

    @BeforeEach
    void allowTheClosedPort(JenkinsRule j) {
        // As an administrator would for an emulator; without it the endpoint itself is refused (AccessPolicyTest).
        AwsDeploymentsConfiguration.get().setAllowedEndpointUrls(NOWHERE);
    }

    @Test
    void everyProblemIsNamedInCamelCaseAndNothingIsCalled(JenkinsRule j) throws Exception {
        WorkflowRun b = run(j, "canaryShift(listenerArn: 'not-an-arn', stableTargetGroup: '" + TG_A + "', canaryTargetGroup: '"
                + TG_A + "', steps: [50, 20], region: 'us-east-1', endpointUrl: '" + NOWHERE + "', poll: 'soon')");
        j.assertLogContains("canaryShift: invalid parameters, nothing was changed in AWS", b);
        j.assertLogContains("listenerArn: 'not-an-arn' is not the ARN of a listener", b);
        j.assertLogContains("canaryTargetGroup: is the same target group as stableTargetGroup", b);
        j.assertLogContains("steps: must ascend, but 20 follows 50", b);
        j.assertLogContains("poll: 'soon' is not a duration", b);
        j.assertLogContains("bake: is required with steps", b);
        j.assertLogNotContains("AWS calls from", b);
    }

    @Test
    void theRegionIsRequiredWithoutAGlobalDefault(JenkinsRule j) throws Exception {
        WorkflowRun b = run(j, "canaryShift(listenerArn: '" + LISTENER + "', stableTargetGroup: '" + TG_A
                + "', canaryTargetGroup: '" + TG_B + "', preset: 'AllAtOnce')");
        j.assertLogContains("region: is required", b);
    }

    @Test
    void theGlobalDefaultRegionApplies(JenkinsRule j) throws Exception {
        AwsDeploymentsConfiguration.get().setDefaultRegion("eu-west-1");
        WorkflowRun b = run(j, "canaryShift(listenerArn: '" + LISTENER + "', stableTargetGroup: '" + TG_A
                + "', canaryTargetGroup: '" + TG_B + "', preset: 'AllAtOnce', endpointUrl: '" + NOWHERE + "')");
        j.assertLogContains("listenerArn: is in region us-east-1 but the deployment runs in eu-west-1", b);
    }

    @Test
    void roleAndEndpointAreChecked(JenkinsRule j) throws Exception {
        WorkflowRun b = run(j, "canaryShift(listenerArn: '" + LISTENER + "', stableTargetGroup: '" + TG_A
                + "', canaryTargetGroup: '" + TG_B + "', preset: 'AllAtOnce', region: 'us-east-1', "
                + "roleArn: 'arn:aws:iam::123456789012:user/deployer', endpointUrl: 'localhost:5000')");
        j.assertLogContains("roleArn: 'arn:aws:iam::123456789012:user/deployer' is not the ARN of an IAM role", b);
        j.assertLogContains("endpointUrl: 'localhost:5000' is not an http(s) URL", b);
    }

    @Test
    void anUnknownCredentialFailsBeforeAnyChange(JenkinsRule j) throws Exception {
        WorkflowRun b = run(j, "canaryShift(listenerArn: '" + LISTENER + "', stableTargetGroup: '" + TG_A
                + "', canaryTargetGroup: '" + TG_B + "', preset: 'AllAtOnce', region: 'us-east-1', credentialsId: 'nope', "
                + "endpointUrl: '" + NOWHERE + "')");
        j.assertLogContains("canaryShift failed: credentialsId: no AWS credentials with id 'nope' are available to this "
                + "build; nothing was changed in AWS", b);
    }

    @Test
    void aCredentialWithoutKeysOrRoleFailsBeforeAnyChange(JenkinsRule j) throws Exception {
        // aws-credentials resolves a credential with neither keys nor a role to null.
        addCredential(new AWSCredentialsImpl(CredentialsScope.GLOBAL, "blank", "", "", "no keys, no role"));
        WorkflowRun b = run(j, "canaryShift(listenerArn: '" + LISTENER + "', stableTargetGroup: '" + TG_A
                + "', canaryTargetGroup: '" + TG_B + "', preset: 'AllAtOnce', region: 'us-east-1', credentialsId: 'blank', "
                + "endpointUrl: '" + NOWHERE + "')");
        j.assertLogContains("canaryShift failed: credentialsId: 'blank' has no access key and no IAM role", b);
        j.assertLogContains("nothing was changed in AWS", b);
    }

    @Test
    void aCredentialThatNeedsAnMfaCodeFailsBeforeAnyChange(JenkinsRule j) throws Exception {
        addCredential(new AWSCredentialsImpl(CredentialsScope.GLOBAL, "mfa", "AKIAEXAMPLE", "secret", "with MFA",
                "arn:aws:iam::123456789012:role/deployer", "arn:aws:iam::123456789012:mfa/alice"));
        WorkflowRun b = run(j, "canaryShift(listenerArn: '" + LISTENER + "', stableTargetGroup: '" + TG_A
                + "', canaryTargetGroup: '" + TG_B + "', preset: 'AllAtOnce', region: 'us-east-1', credentialsId: 'mfa', "
                + "endpointUrl: '" + NOWHERE + "')");
        j.assertLogContains("canaryShift failed: credentialsId: 'mfa' assumes its role with an MFA device", b);
    }

    private static void addCredential(AWSCredentialsImpl credential) throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(credential);
        SystemCredentialsProvider.getInstance().save();
    }

    private static WorkflowRun run(JenkinsRule j, String script) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(script, true));
        return j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
    }
}
