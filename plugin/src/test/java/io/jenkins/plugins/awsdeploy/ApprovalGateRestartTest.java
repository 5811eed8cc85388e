package io.jenkins.plugins.awsdeploy;

import static io.jenkins.plugins.awsdeploy.GateFixtures.APPROVERS;
import static io.jenkins.plugins.awsdeploy.GateFixtures.awaitWaiting;
import static io.jenkins.plugins.awsdeploy.GateFixtures.onlyRecord;
import static io.jenkins.plugins.awsdeploy.GateFixtures.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.awsdeploy.engine.testing.MotoAlb;
import io.jenkins.plugins.awsdeploy.localaws.LocalAws;
import io.jenkins.plugins.awsdeploy.localaws.testing.MotoGate;
import java.io.IOException;
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
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * A deployment waiting for approval survives a controller restart: the approval is listed again and can be given;
 * the record of who answered survives the next restart.
 */
@ExtendWith(MotoGate.class)
class ApprovalGateRestartTest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    /** Outlives the Jenkins restarts: moto keeps the load balancer across them, as AWS would. */
    private static LocalAws aws;

    @BeforeAll
    static void startMoto() throws IOException {
        aws = LocalAws.start();
    }

    @AfterAll
    static void stopMoto() {
        if (aws != null) aws.close();
    }

    @Test
    void aPendingApprovalIsRestoredAfterARestart() throws Throwable {
        try (MotoAlb lb = MotoAlb.create(aws.endpoint(), "gate-restart").alarm(GateFixtures.ALARM)) {
            String[] id = new String[1];
            sessions.then(j -> {
                MotoCredentials.add(aws);
                GateFixtures.secure(j);
                WorkflowJob p = j.createProject(WorkflowJob.class, "p");
                p.setDefinition(new CpsFlowDefinition(GateFixtures.gatedCanary(lb, aws, APPROVERS), true));
                WorkflowRun b = p.scheduleBuild2(0).waitForStart();
                id[0] = awaitWaiting(b);
                j.waitForMessage("Proceed", b);
                assertEquals(50, lb.listenerSplit().canary());
            });
            sessions.then(j -> {
                GateFixtures.secure(j); // the test realm and strategy are not saved in config.xml
                WorkflowJob p = j.jenkins.getItemByFullName("p", WorkflowJob.class);
                WorkflowRun b = p.getBuildByNumber(1);
                assertTrue(b.isBuilding(), "the build resumes");
                assertEquals(id[0], awaitWaiting(b), "the same approval is listed again");
                j.waitForMessage("still waits for approval", b);
                assertEquals(50, lb.listenerSplit().canary(), "nothing moved while Jenkins was down");
                try (JenkinsRule.WebClient alice = j.createWebClient()) {
                    alice.login("alice");
                    assertTrue(post(alice, b, "proceed", id[0]).getStatusCode() < 400);
                }
                j.assertBuildStatusSuccess(j.waitForCompletion(b));
                j.assertLogContains("approved by alice", b);
                assertEquals(100, lb.listenerSplit().canary());
                assertEquals("Succeeded", onlyRecord(b).getOutcomeType());
                assertEquals("alice", b.getAction(DeploymentsAction.class).decisionsFor(id[0]).get(0).getUserId());
            });
            sessions.then(j -> {
                // What the build page shows is kept in build.xml: it survives one more restart.
                GateFixtures.secure(j);
                WorkflowRun b = j.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
                assertEquals("Succeeded", onlyRecord(b).getOutcomeType());
                assertEquals("alice", b.getAction(DeploymentsAction.class).decisionsFor(id[0]).get(0).getUserId());
                try (JenkinsRule.WebClient alice = j.createWebClient()) {
                    alice.login("alice");
                    String page = alice.goTo(b.getUrl() + DeploymentsAction.URL_NAME + "/", "text/html")
                            .getWebResponse().getContentAsString();
                    assertTrue(page.contains("approved by alice"), "the page still says who approved");
                }
            });
        }
    }
}
