package io.jenkins.plugins.awsdeploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import hudson.util.FormValidation;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.testing.MotoAlb;
import io.jenkins.plugins.awsdeploy.localaws.LocalAws;
import io.jenkins.plugins.awsdeploy.localaws.testing.MotoGate;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import jenkins.model.CauseOfInterruption;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** What a person sees while a deployment waits: heartbeat lines in the log, the live summary, the step's status. */
@ExtendWith(MotoGate.class)
@WithJenkins
class LiveProgressTest {

    private static LocalAws aws;

    @BeforeAll
    static void startMoto() throws IOException {
        aws = LocalAws.start();
    }

    @AfterAll
    static void stopMoto() {
        if (aws != null) aws.close();
    }

    @BeforeEach
    void resetMoto() {
        aws.reset();
    }

    @Test
    void aLongBakeWritesHeartbeatsAndTheBuildPageShowsWhereItStands(JenkinsRule j) throws Exception {
        MotoCredentials.add(aws);
        try (MotoAlb lb = MotoAlb.create(aws.endpoint(), "live").alarm("web-5xx")) {
            WorkflowJob p = j.createProject(WorkflowJob.class, "p");
            p.setDefinition(new CpsFlowDefinition(StepCall.canaryShift(lb, aws.endpoint().toString(),
                    "steps: [50, 100], bake: '10m', alarms: ['web-5xx'], heartbeat: '2s'"), true));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            j.waitForMessage("shifted to 50%", b);
            j.waitForMessage("status: baking step 1/2 at 50%, ", b);
            // Polled every second, silent otherwise: a status line every 2 s.
            awaitLogCount(b, "  status: baking step 1/2 at 50%, ", 3);
            j.assertLogContains(" of 10m left | traffic 50/50 (stable/new) | alarms: web-5xx OK | next: shift to 100%", b);

            DeploymentExecution execution = running(b);
            String status = execution.getStatus();
            assertTrue(status.startsWith("baking step 1/2 at 50%, ") && status.contains(" of 10m left | traffic 50/50"), status);

            JenkinsRule.WebClient web = j.createWebClient();
            String page = web.goTo(b.getUrl(), "text/html").getWebResponse().getContentAsString();
            assertTrue(page.contains("baking step 1/2 at 50%"), page);
            assertTrue(page.contains("widget-refresh-reference") && page.contains(LiveDeployments.URL_NAME + "/ajax"),
                    "the summary refreshes itself as Jenkins' executors widget does");
            String live = web.goTo(b.getUrl() + LiveDeployments.URL_NAME + "/ajax", "text/html").getWebResponse()
                    .getContentAsString();
            assertTrue(live.contains("id=\"aws-deployments-live\""), live);
            assertTrue(live.contains("app-progress-bar") && live.contains(" of 10m left"), live);
            assertTrue(live.contains("50/50 (stable/new)") && live.contains("web-5xx OK") && live.contains("shift to 100%"), live);
            String svg = web.goTo(b.getUrl() + LiveDeployments.URL_NAME + "/timeline?id="
                    + URLEncoder.encode(execution.getId(), StandardCharsets.UTF_8), "image/svg+xml")
                    .getWebResponse().getContentAsString();
            assertTrue(svg.contains(">now<") && svg.contains(" of 10m left"), svg);

            FlowExecution flow = b.getExecution();
            assertNotNull(flow);
            flow.interrupt(Result.ABORTED, new CauseOfInterruption.UserInterruption("alice"));
            j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
            assertEquals(Split.ALL_STABLE, lb.listenerSplit());
            // Ended: nothing is shown live any more, and a page still open learns it at its next refresh.
            assertTrue(b.getAction(LiveDeployments.class).getDeployments().isEmpty());
            String after = web.goTo(b.getUrl() + LiveDeployments.URL_NAME + "/ajax", "text/html").getWebResponse()
                    .getContentAsString();
            assertTrue(after.contains("No deployment of this build is running now"), after);
            assertFalse(web.goTo(b.getUrl(), "text/html").getWebResponse().getContentAsString()
                    .contains(LiveDeployments.URL_NAME + "/ajax"), "no live summary once it ended");
        }
    }

    @Test
    void heartbeatZeroWritesNone(JenkinsRule j) throws Exception {
        MotoCredentials.add(aws);
        try (MotoAlb lb = MotoAlb.create(aws.endpoint(), "quiet")) {
            WorkflowJob p = j.createProject(WorkflowJob.class, "p");
            p.setDefinition(new CpsFlowDefinition(StepCall.canaryShift(lb, aws.endpoint().toString(),
                    "steps: [50, 100], bake: '4s', heartbeat: '0'"), true));
            WorkflowRun b = j.assertBuildStatusSuccess(p.scheduleBuild2(0));
            j.assertLogNotContains("  status: ", b);
        }
    }

    @Test
    void aHeartbeatThatIsNoDurationFailsTheStepBeforeAnyAwsCall(JenkinsRule j) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition("canaryShift listenerArn: 'arn:aws:elasticloadbalancing:us-east-1:"
                + "123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2', stableTargetGroup: 'arn:aws:"
                + "elasticloadbalancing:us-east-1:123456789012:targetgroup/web-blue/73e2d6bc24d8a067', canaryTargetGroup:"
                + " 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-green/2453ed029918f21f', "
                + "region: 'us-east-1', credentialsId: 'moto', heartbeat: 'often'", true));
        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        j.assertLogContains("heartbeat: 'often' is not a duration", b);
        j.assertLogContains("nothing was changed in AWS", b);
    }

    @Test
    void theGlobalDefaultIsCheckedOnTheForm() {
        assertEquals(FormValidation.Kind.OK, AwsDeploymentsConfiguration.checkHeartbeat("1m").kind);
        assertEquals(FormValidation.Kind.OK, AwsDeploymentsConfiguration.checkHeartbeat("0").kind);
        assertEquals(FormValidation.Kind.OK, AwsDeploymentsConfiguration.checkHeartbeat(null).kind);
        assertEquals(FormValidation.Kind.ERROR, AwsDeploymentsConfiguration.checkHeartbeat("often").kind);
    }

    private static DeploymentExecution running(WorkflowRun b) throws Exception {
        FlowExecution execution = b.getExecution();
        assertNotNull(execution);
        for (StepExecution e : execution.getCurrentExecutions(true).get()) {
            if (e instanceof DeploymentExecution d) return d;
        }
        throw new AssertionError("no deployment runs in " + b);
    }

    private static void awaitLogCount(WorkflowRun b, String text, int count) throws Exception {
        for (int i = 0; i < 300; i++) {
            String log = JenkinsRule.getLog(b);
            if (log.split(java.util.regex.Pattern.quote(text), -1).length - 1 >= count) return;
            Thread.sleep(100);
        }
        throw new AssertionError("fewer than " + count + " lines with '" + text + "' in\n" + JenkinsRule.getLog(b));
    }
}
