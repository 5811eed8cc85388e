package io.jenkins.plugins.awsdeploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import jenkins.model.CauseOfInterruption;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * What a deployment step leaves in the saved Pipeline program: saved under the same lock that changes the checkpoint
 * together with a pending answer (so a restart never replays an answer), and no Throwable, so a stop cause from
 * another plugin that cannot be serialized does not break saving. The deployment here keeps retrying a closed port,
 * which keeps its execution alive; needs no moto_server.
 */
@WithJenkins
class SavedStateTest {

    private static final String NOWHERE = "http://127.0.0.1:9";

    @Test
    void theProgramIsSavedUnderTheExecutionsLock(JenkinsRule j) throws Exception {
        DeploymentExecution execution = running(j);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            synchronized (execution) {
                locked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        worker.start();
        locked.await();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread saver = new Thread(() -> {
            try {
                serialize(execution);
            } catch (IOException | RuntimeException e) {
                failure.set(e);
            }
        });
        saver.start();
        // The saver either blocks on the lock (the fix) or finishes while the worker is still mid-change (the bug).
        while (saver.getState() != Thread.State.BLOCKED && saver.isAlive()) {
            Thread.onSpinWait();
        }
        assertEquals(Thread.State.BLOCKED, saver.getState(), "saving waits for a change in progress to finish");
        release.countDown();
        saver.join();
        worker.join();
        assertEquals(null, failure.get());
    }

    @Test
    void aStopCauseThatCannotBeSerializedDoesNotBreakSaving(JenkinsRule j) throws Exception {
        DeploymentExecution execution = running(j);
        execution.stop(new FlowInterruptedException(Result.ABORTED, true, new ForeignCause()));
        serialize(execution);
    }

    @Test
    void noThrowableIsPersisted(JenkinsRule j) {
        for (Field f : DeploymentExecution.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || Modifier.isTransient(f.getModifiers())) continue;
            assertFalse(Throwable.class.isAssignableFrom(f.getType()), f + " would be saved with the program");
        }
    }

    /** A cause as another plugin might write it: it holds something that is not serializable. */
    private static final class ForeignCause extends CauseOfInterruption {
        private static final long serialVersionUID = 1L;
        @SuppressWarnings("unused") // only there to make serialization fail
        private final Object lock = new Object();

        @Override
        public String getShortDescription() {
            return "stopped by another plugin";
        }
    }

    private static DeploymentExecution running(JenkinsRule j) throws Exception {
        AwsDeploymentsConfiguration config = AwsDeploymentsConfiguration.get();
        config.setAllowedEndpointUrls(NOWHERE);
        config.setAllowControllerCredentials(true);
        WorkflowJob p = j.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition("canaryShift(listenerArn: "
                + "'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2', "
                + "stableTargetGroup: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-blue/0123456789abcdef', "
                + "canaryTargetGroup: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-green/fedcba9876543210', "
                + "preset: 'AllAtOnce', region: 'us-east-1', endpointUrl: '" + NOWHERE + "')", true));
        WorkflowRun b = j.waitForMessage("AWS calls from the controller", p.scheduleBuild2(0).waitForStart());
        FlowExecution flow = b.getExecution();
        assertNotNull(flow);
        for (StepExecution e : flow.getCurrentExecutions(false).get()) {
            if (e instanceof DeploymentExecution d) return d;
        }
        throw new AssertionError("no deployment runs in " + b);
    }

    private static void serialize(DeploymentExecution execution) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(execution);
        }
        assertTrue(bytes.size() > 0);
    }
}
