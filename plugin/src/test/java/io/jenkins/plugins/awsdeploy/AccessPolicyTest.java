package io.jenkins.plugins.awsdeploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.model.Result;
import hudson.util.FormValidation;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The two administrator settings that keep Pipeline authors from using what is not theirs: the controller's own AWS
 * identity (allowControllerCredentials) and endpoints other than AWS's (allowedEndpointUrls). Both refuse before any
 * AWS call; the endpoint is refused before the credential is even looked up. Needs no moto_server: the endpoint is a
 * closed port, so a call would show up as a connection error.
 */
@WithJenkins
class AccessPolicyTest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private static final String TG_A = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-blue/0123456789abcdef";
    private static final String TG_B = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-green/fedcba9876543210";
    private static final String LISTENER =
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2";
    private static final String NOWHERE = "http://127.0.0.1:9";
    private static final String CANARY = "canaryShift(listenerArn: '" + LISTENER + "', stableTargetGroup: '" + TG_A
            + "', canaryTargetGroup: '" + TG_B + "', preset: 'AllAtOnce', region: 'us-east-1', endpointUrl: '" + NOWHERE
            + "'";

    @Test
    void bothSettingsAreOffByDefault(JenkinsRule j) {
        AwsDeploymentsConfiguration config = AwsDeploymentsConfiguration.get();
        assertEquals(false, config.isAllowControllerCredentials());
        assertEquals(null, config.getAllowedEndpointUrls());
    }

    @Test
    void withoutCredentialsOutsideANodeTheControllerIdentityIsRefused(JenkinsRule j) throws Exception {
        AwsDeploymentsConfiguration.get().setAllowedEndpointUrls(NOWHERE);
        WorkflowRun b = run(j, CANARY + ")", Result.FAILURE);
        j.assertLogContains("canaryShift: no credentialsId, and the AWS calls would run on the controller", b);
        j.assertLogContains("nothing was sent to AWS", b);
        j.assertLogContains("Give credentialsId (an AWS credential), run the step inside a node block on an agent", b);
        j.assertLogNotContains("AWS calls from", b);
    }

    @Test
    void aNodeBlockOnTheBuiltInNodeIsTheControllerToo(JenkinsRule j) throws Exception {
        AwsDeploymentsConfiguration.get().setAllowedEndpointUrls(NOWHERE);
        WorkflowRun b = run(j, "node('built-in') { " + CANARY + ") }", Result.FAILURE);
        j.assertLogContains("canaryShift: no credentialsId, and the AWS calls would run on the controller", b);
    }

    @Test
    void anAdministratorMayLendTheControllerIdentity(JenkinsRule j) throws Exception {
        AwsDeploymentsConfiguration config = AwsDeploymentsConfiguration.get();
        config.setAllowedEndpointUrls(NOWHERE);
        config.setAllowControllerCredentials(true);
        // The step gets past its start and goes on to call the closed port, which is not this test's concern.
        WorkflowJob p = j.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(CANARY + ")", true));
        WorkflowRun b = j.waitForMessage("AWS calls from the controller (not inside a node block)",
                p.scheduleBuild2(0).waitForStart());
        j.assertLogNotContains("would run on the controller", b);
    }

    @Test
    void aDefaultCredentialIsNotTheControllerIdentity(JenkinsRule j) throws Exception {
        AwsDeploymentsConfiguration config = AwsDeploymentsConfiguration.get();
        config.setAllowedEndpointUrls(NOWHERE);
        config.setDefaultCredentialsId("nope");
        WorkflowRun b = run(j, CANARY + ")", Result.FAILURE);
        j.assertLogNotContains("would run on the controller", b);
        j.assertLogContains("credentialsId: no AWS credentials with id 'nope' are available to this build", b);
    }

    @Test
    void anEndpointNobodyAllowedIsRefusedBeforeTheCredentialIsLookedUp(JenkinsRule j) throws Exception {
        WorkflowRun b = run(j, CANARY + ", credentialsId: 'nope')", Result.FAILURE);
        j.assertLogContains("canaryShift: invalid parameters, nothing was changed in AWS", b);
        j.assertLogContains("endpointUrl: 'http://127.0.0.1:9' is not an AWS endpoint, and an administrator has not "
                + "allowed it", b);
        j.assertLogContains("Allowed endpoint URLs (Manage Jenkins > System > AWS Deployments)", b);
        j.assertLogNotContains("no AWS credentials with id 'nope'", b);
    }

    @Test
    void anotherPortOfAnAllowedHostIsStillRefused(JenkinsRule j) throws Exception {
        AwsDeploymentsConfiguration.get().setAllowedEndpointUrls("http://127.0.0.1:10");
        WorkflowRun b = run(j, CANARY + ", credentialsId: 'nope')", Result.FAILURE);
        j.assertLogContains("endpointUrl: 'http://127.0.0.1:9' is not an AWS endpoint", b);
    }

    @Test
    void theAllowListIsValidatedInTheForm(JenkinsRule j) {
        assertEquals(FormValidation.Kind.OK, AwsDeploymentsConfiguration.checkAllowedEndpointUrls(null).kind);
        assertEquals(FormValidation.Kind.OK,
                AwsDeploymentsConfiguration.checkAllowedEndpointUrls("http://127.0.0.1:4566\nhttps://proxy.example").kind);
        assertEquals(FormValidation.Kind.ERROR, AwsDeploymentsConfiguration.checkAllowedEndpointUrls("localhost:4566").kind);
        assertEquals(FormValidation.Kind.WARNING,
                AwsDeploymentsConfiguration.checkAllowedEndpointUrls("http://emulator.corp.example:4566").kind,
                "plain http off this machine carries session tokens unencrypted");
    }

    private static WorkflowRun run(JenkinsRule j, String script, Result expected) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(script, true));
        return j.assertBuildStatus(expected, p.scheduleBuild2(0));
    }
}
