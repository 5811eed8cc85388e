package io.jenkins.plugins.awsdeploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import hudson.slaves.DumbSlave;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.testing.MotoAlb;
import io.jenkins.plugins.awsdeploy.localaws.LocalAws;
import io.jenkins.plugins.awsdeploy.localaws.testing.MotoGate;
import java.io.IOException;
import java.util.List;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/** canaryShift in a real Jenkins against moto_server: success, on an agent, alarm, abort, timeout, approvals. */
@ExtendWith(MotoGate.class)
@WithJenkins
class CanaryShiftStepTest {

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

    @BeforeEach
    void resetMoto() {
        aws.reset();
    }

    @Test
    void shiftsAllTrafficOutsideANodeAndReturnsASummary(JenkinsRule j) throws Exception {
        MotoCredentials.add(aws);
        try (MotoAlb lb = MotoAlb.create(aws.endpoint(), "plain")) {
            WorkflowJob p = j.createProject(WorkflowJob.class, "p");
            p.setDefinition(new CpsFlowDefinition("def r = " + StepCall.canaryShift(lb, endpoint(), "steps: [20, 100], bake: '1s'")
                    + "\necho \"outcome=${r.outcome} split=${r.split} canary=${r.weights['" + lb.greenTg + "']}\"", true));
            WorkflowRun b = j.assertBuildStatusSuccess(p.scheduleBuild2(0));
            j.assertLogContains("AWS calls from the controller", b);
            j.assertLogContains("shifted to 20% on the new side (80/20), read back", b);
            j.assertLogContains("outcome=Succeeded split=0/100 canary=100", b);
            j.assertLogNotContains(MotoCredentials.SECRET, b);
            assertEquals(Split.canaryAt(100), lb.listenerSplit());
        }
    }

    @Test
    void runsTheAwsCallsOnTheAgentOfTheNodeBlock(JenkinsRule j) throws Exception {
        MotoCredentials.add(aws);
        DumbSlave agent = j.createOnlineSlave();
        try (MotoAlb lb = MotoAlb.create(aws.endpoint(), "agent")) {
            WorkflowJob p = j.createProject(WorkflowJob.class, "p");
            p.setDefinition(new CpsFlowDefinition("node('" + agent.getNodeName() + "') {\n  def r = "
                    + StepCall.canaryShift(lb, endpoint(), "steps: [50, 100], bake: '1s'") + "\n  echo \"outcome=${r.outcome}\"\n}", true));
            WorkflowRun b = j.assertBuildStatusSuccess(p.scheduleBuild2(0));
            j.assertLogContains("AWS calls from the agent of this node block", b);
            j.assertLogContains("outcome=Succeeded", b);
            j.assertLogNotContains(MotoCredentials.SECRET, b);
            assertEquals(Split.canaryAt(100), lb.listenerSplit());
        }
    }

    @Test
    void anAlarmRollsBackAndFailsTheBuildNamingAlarmReasonAndTraffic(JenkinsRule j) throws Exception {
        MotoCredentials.add(aws);
        try (MotoAlb lb = MotoAlb.create(aws.endpoint(), "alarm").alarm("web-5xx")) {
            WorkflowJob p = j.createProject(WorkflowJob.class, "p");
            p.setDefinition(new CpsFlowDefinition(StepCall.canaryShift(lb, endpoint(),
                    "steps: [50, 100], bake: '10m', alarms: ['web-5xx']"), true));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            j.waitForMessage("shifted to 50%", b);
            lb.setAlarm("web-5xx", StateValue.ALARM, "Threshold Crossed: 9 errors");
            j.assertBuildStatus(Result.FAILURE, j.waitForCompletion(b));
            j.assertLogContains("canaryShift rolled back: alarm web-5xx is ALARM (Threshold Crossed: 9 errors); "
                    + "all traffic is back on the stable side (100/0)", b);
            assertEquals(Split.ALL_STABLE, lb.listenerSplit());
        }
    }

    @Test
    void abortingTheBuildRollsBackFirstThenEndsAborted(JenkinsRule j) throws Exception {
        MotoCredentials.add(aws);
        try (MotoAlb lb = MotoAlb.create(aws.endpoint(), "abort")) {
            WorkflowJob p = j.createProject(WorkflowJob.class, "p");
            p.setDefinition(new CpsFlowDefinition(StepCall.canaryShift(lb, endpoint(), "steps: [50, 100], bake: '10m'"), true));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            j.waitForMessage("shifted to 50%", b);
            FlowExecution execution = b.getExecution();
            assertNotNull(execution);
            execution.interrupt(Result.ABORTED, new CauseOfInterruption.UserInterruption("alice"));
            j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
            j.assertLogContains("canaryShift: stopping (Aborted by alice)", b);
            j.assertLogContains("all traffic is back on the stable side (100/0), read back", b);
            assertEquals(Split.ALL_STABLE, lb.listenerSplit());
        }
    }

    @Test
    void anExpiredTimeoutRollsBack(JenkinsRule j) throws Exception {
        MotoCredentials.add(aws);
        try (MotoAlb lb = MotoAlb.create(aws.endpoint(), "timeout")) {
            WorkflowJob p = j.createProject(WorkflowJob.class, "p");
            p.setDefinition(new CpsFlowDefinition("timeout(time: 20, unit: 'SECONDS') {\n  "
                    + StepCall.canaryShift(lb, endpoint(), "steps: [50, 100], bake: '10m'") + "\n}", true));
            WorkflowRun b = j.assertBuildStatus(Result.ABORTED, p.scheduleBuild2(0));
            j.assertLogContains("Timeout has been exceeded", b);
            j.assertLogContains("all traffic is back on the stable side (100/0), read back", b);
            assertEquals(Split.ALL_STABLE, lb.listenerSplit());
        }
    }

    @Test
    void anApprovalWaitsForAPersonWhoProceeds(JenkinsRule j) throws Exception {
        MotoCredentials.add(aws);
        try (MotoAlb lb = MotoAlb.create(aws.endpoint(), "approve")) {
            WorkflowJob p = j.createProject(WorkflowJob.class, "p");
            p.setDefinition(new CpsFlowDefinition(StepCall.canaryShift(lb, endpoint(),
                    "steps: [50, 100], bake: '1s', approveBefore: [100], approvers: 'alice, release-managers'"), true));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            j.waitForMessage("waiting for approval to shift to 100%", b);
            WaitingDeployment waiting = waitingIn(b);
            assertTrue(waiting.getDisplayName().startsWith("canaryShift on listener "), waiting.getDisplayName());
            assertEquals(List.of("alice", "release-managers"), waiting.getApprovers());
            assertEquals(new Split(50, 50), lb.listenerSplit());
            waiting.proceed("alice");
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            j.assertLogContains("approved by alice", b);
            assertEquals(Split.canaryAt(100), lb.listenerSplit());
        }
    }

    @Test
    void rollingBackAtAnApprovalEndsAborted(JenkinsRule j) throws Exception {
        MotoCredentials.add(aws);
        try (MotoAlb lb = MotoAlb.create(aws.endpoint(), "decline")) {
            WorkflowJob p = j.createProject(WorkflowJob.class, "p");
            p.setDefinition(new CpsFlowDefinition(StepCall.canaryShift(lb, endpoint(),
                    "steps: [50, 100], bake: '1s', approveBefore: [100]"), true));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            j.waitForMessage("waiting for approval to shift to 100%", b);
            waitingIn(b).rollBack("bob");
            j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
            j.assertLogContains("declined by bob", b);
            assertEquals(Split.ALL_STABLE, lb.listenerSplit());
        }
    }

    /** The deployment of {@code b} that waits for a person, as the approval UI finds it. */
    static WaitingDeployment waitingIn(WorkflowRun b) throws Exception {
        FlowExecution execution = b.getExecution();
        assertNotNull(execution);
        for (StepExecution e : execution.getCurrentExecutions(true).get()) {
            if (e instanceof WaitingDeployment w && w.getApproval() != null) return w;
        }
        throw new AssertionError("no deployment of " + b + " waits for approval");
    }

    private static String endpoint() {
        return aws.endpoint().toString();
    }
}
