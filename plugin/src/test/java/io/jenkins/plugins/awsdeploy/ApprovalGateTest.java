package io.jenkins.plugins.awsdeploy;

import static io.jenkins.plugins.awsdeploy.GateFixtures.APPROVERS;
import static io.jenkins.plugins.awsdeploy.GateFixtures.answerPath;
import static io.jenkins.plugins.awsdeploy.GateFixtures.awaitWaiting;
import static io.jenkins.plugins.awsdeploy.GateFixtures.onlyRecord;
import static io.jenkins.plugins.awsdeploy.GateFixtures.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.awsdeploy.engine.testing.MotoAlb;
import io.jenkins.plugins.awsdeploy.localaws.LocalAws;
import io.jenkins.plugins.awsdeploy.localaws.testing.MotoGate;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.htmlunit.WebResponse;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * Approval gates of a real {@code canaryShift} against moto: who may answer, POST only, an alarm and a timeout while
 * the deployment waits. Each canary goes 50% → (approval) → 100% with one alarm watched throughout.
 */
@ExtendWith(MotoGate.class)
@WithJenkins
class ApprovalGateTest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private static LocalAws aws;

    @BeforeAll
    static void startMoto() throws IOException {
        aws = LocalAws.start();
    }

    @AfterAll
    static void stopMoto() {
        if (aws != null) aws.close();
    }

    private static WorkflowRun startGate(JenkinsRule j, MotoAlb lb, String extra) throws Exception {
        MotoCredentials.add(aws);
        GateFixtures.secure(j);
        WorkflowJob p = j.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition("def r = " + GateFixtures.gatedCanary(lb, aws, extra) + "\n"
                + "echo \"outcome: ${r.outcome}\"", true));
        return p.scheduleBuild2(0).waitForStart();
    }

    @Test
    void anApproverProceedsAndOthersAreRefused(JenkinsRule j) throws Exception {
        try (MotoAlb lb = MotoAlb.create(aws.endpoint(), "gate-allowed").alarm(GateFixtures.ALARM)) {
            WorkflowRun b = startGate(j, lb, APPROVERS);
            String id = awaitWaiting(b);
            j.waitForMessage("Proceed", b);
            assertEquals(50, lb.listenerSplit().canary(), "waits at 50% for the approval before 100%");

            try (JenkinsRule.WebClient bob = j.createWebClient().withThrowExceptionOnFailingStatusCode(false)) {
                bob.login("bob");
                String page = bob.goTo(b.getUrl() + DeploymentsAction.URL_NAME + "/", "text/html")
                        .getWebResponse().getContentAsString();
                assertTrue(page.contains("You may not answer this approval."), "bob sees no buttons");
                assertEquals(403, post(bob, b, "proceed", id).getStatusCode(), "Job/Build is not enough with approvers");
                assertEquals(403, post(bob, b, "rollBack", id).getStatusCode(), "nor may bob roll back");
            }
            assertTrue(b.getAction(DeploymentsAction.class).isWaiting(id), "still waiting after the refusals");

            try (JenkinsRule.WebClient dave = j.createWebClient().withThrowExceptionOnFailingStatusCode(false)) {
                dave.login("dave");
                String page = dave.goTo(b.getUrl() + DeploymentsAction.URL_NAME + "/", "text/html")
                        .getWebResponse().getContentAsString();
                assertTrue(page.contains("name=\"proceed\""), "a member of release-managers gets Proceed");
                WebResponse answer = post(dave, b, "proceed", id);
                assertTrue(answer.getStatusCode() < 400, "the approver's POST is taken: " + answer.getStatusCode());
                assertEquals(409, post(dave, b, "proceed", id).getStatusCode(), "a second answer is refused");
            }

            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            j.assertLogContains("approved by dave", b);
            j.assertLogContains("outcome: Succeeded", b);
            assertEquals(100, lb.listenerSplit().canary());
            DeploymentsAction action = b.getAction(DeploymentsAction.class);
            List<ApprovalDecision> decisions = action.decisionsFor(id);
            assertEquals(1, decisions.size());
            assertEquals("dave", decisions.get(0).getUserId());
            assertTrue(decisions.get(0).isProceeded());
            assertEquals("Succeeded", onlyRecord(b).getOutcomeType());
            assertNull(b.getAction(RolledBackBadge.class), "no badge on a deployment that went through");

            try (JenkinsRule.WebClient alice = j.createWebClient()) {
                alice.login("alice");
                String page = alice.goTo(b.getUrl() + DeploymentsAction.URL_NAME + "/", "text/html")
                        .getWebResponse().getContentAsString();
                assertTrue(page.contains("approved by dave"), "the build page says who approved");
                String svg = alice.goTo(b.getUrl() + DeploymentsAction.URL_NAME + "/timeline?id="
                        + URLEncoder.encode(id, StandardCharsets.UTF_8), "image/svg+xml").getWebResponse().getContentAsString();
                assertTrue(svg.startsWith("<svg") || svg.startsWith("<?xml"), "the timeline is an SVG image");
            }
        }
    }

    @Test
    void answersArePostOnly(JenkinsRule j) throws Exception {
        try (MotoAlb lb = MotoAlb.create(aws.endpoint(), "gate-post").alarm(GateFixtures.ALARM)) {
            WorkflowRun b = startGate(j, lb, APPROVERS);
            String id = awaitWaiting(b);
            try (JenkinsRule.WebClient alice = j.createWebClient()) {
                alice.login("alice");
                alice.assertFails(answerPath(b, "proceed", id), 405);
                alice.assertFails(answerPath(b, "rollBack", id), 405);
            }
            assertTrue(b.getAction(DeploymentsAction.class).isWaiting(id), "a GET answers nothing");

            // Whoever may cancel the build may also roll back: the deployment restores 100/0 and the build is ABORTED.
            try (JenkinsRule.WebClient carol = j.createWebClient().withThrowExceptionOnFailingStatusCode(false)) {
                carol.login("carol");
                assertEquals(403, post(carol, b, "proceed", id).getStatusCode(), "Job/Cancel does not approve");
                assertTrue(post(carol, b, "rollBack", id).getStatusCode() < 400, "Job/Cancel rolls back");
            }
            j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
            j.assertLogContains("declined by carol", b);
            assertEquals(0, lb.listenerSplit().canary(), "all traffic is back on blue");
            assertFalse(b.getAction(DeploymentsAction.class).decisionsFor(id).get(0).isProceeded());
            RolledBackBadge badge = b.getAction(RolledBackBadge.class);
            assertNotNull(badge, "a rolled-back build carries the badge");
            assertTrue(badge.getTooltip().contains("declined by carol"), badge.getTooltip());
        }
    }

    @Test
    void anAlarmWhileWaitingRollsBackAndClosesTheApproval(JenkinsRule j) throws Exception {
        try (MotoAlb lb = MotoAlb.create(aws.endpoint(), "gate-alarm").alarm(GateFixtures.ALARM)) {
            WorkflowRun b = startGate(j, lb, APPROVERS);
            String id = awaitWaiting(b);
            lb.setAlarm(GateFixtures.ALARM, StateValue.ALARM, "5xx above 5 for 1 minute");

            j.assertBuildStatus(Result.FAILURE, j.waitForCompletion(b));
            j.assertLogContains("alarm checkout-5xx is ALARM", b);
            j.assertLogContains("the approval is closed", b);
            assertEquals(0, lb.listenerSplit().canary(), "all traffic is back on blue");
            DeploymentsAction action = b.getAction(DeploymentsAction.class);
            assertFalse(action.isWaiting(id), "the approval is gone from the page");
            assertTrue(action.decisionsFor(id).isEmpty(), "nobody answered");
            assertEquals("RolledBack", onlyRecord(b).getOutcomeType());
            assertNotNull(b.getAction(RolledBackBadge.class));

            try (JenkinsRule.WebClient alice = j.createWebClient().withThrowExceptionOnFailingStatusCode(false)) {
                alice.login("alice");
                assertEquals(409, post(alice, b, "proceed", id).getStatusCode(), "too late to approve");
            }
        }
    }

    @Test
    void noAnswerWithinTheTimeoutRollsBack(JenkinsRule j) throws Exception {
        try (MotoAlb lb = MotoAlb.create(aws.endpoint(), "gate-timeout").alarm(GateFixtures.ALARM)) {
            WorkflowRun b = startGate(j, lb, APPROVERS + ", approvalTimeout: '3s'");
            String id = awaitWaiting(b);
            j.waitForMessage("without an answer", b);

            j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
            j.assertLogContains("no approval within 3s", b);
            assertEquals(0, lb.listenerSplit().canary(), "all traffic is back on blue");
            assertFalse(b.getAction(DeploymentsAction.class).isWaiting(id));
            DeploymentRecord record = onlyRecord(b);
            assertEquals("Stopped", record.getOutcomeType());
            assertTrue(record.getMessage().contains("no approval within 3s"), record.getMessage());
            assertNotNull(b.getAction(RolledBackBadge.class));
        }
    }
}
