package io.jenkins.plugins.awsdeploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jenkins.plugins.awsdeploy.engine.Split;
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
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** A controller restart in the middle of a canary: the step resumes from its checkpoint after reading AWS. */
@ExtendWith(MotoGate.class)
class CanaryRestartTest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    @RegisterExtension
    final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

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
    void aCanaryGoesOnAfterTheControllerRestarts() throws Throwable {
        try (MotoAlb lb = MotoAlb.create(aws.endpoint(), "restart")) {
            sessions.then(j -> {
                MotoCredentials.add(aws);
                WorkflowJob p = j.createProject(WorkflowJob.class, "p");
                // The bake outlasts the restart: the second session must pick it up where the first left it.
                p.setDefinition(new CpsFlowDefinition(StepCall.canaryShift(lb, aws.endpoint().toString(),
                        "steps: [50, 100], bake: '25s'"), true));
                WorkflowRun b = p.scheduleBuild2(0).waitForStart();
                j.waitForMessage("shifted to 50%", b);
            });
            // Nothing moved traffic while Jenkins was down.
            assertEquals(new Split(50, 50), lb.listenerSplit());
            sessions.then(j -> {
                WorkflowJob p = j.jenkins.getItemByFullName("p", WorkflowJob.class);
                WorkflowRun b = p.getBuildByNumber(1);
                j.assertBuildStatusSuccess(j.waitForCompletion(b));
                j.assertLogContains("resumed: baking step 1/2", b);
                j.assertLogContains("shifted to 100% on the new side (0/100), read back", b);
                j.assertLogNotContains(MotoCredentials.SECRET, b);
            });
            assertEquals(Split.canaryAt(100), lb.listenerSplit());
        }
    }
}
