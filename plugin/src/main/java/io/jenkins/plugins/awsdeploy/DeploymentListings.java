package io.jenkins.plugins.awsdeploy;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.Progress;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/**
 * The places in Jenkins that list a running deployment: the approval page while it waits for a person, the live view
 * while it runs, the build's record once it ended. None of them may stop a deployment when it fails.
 */
final class DeploymentListings {

    private static final Logger LOGGER = Logger.getLogger(DeploymentListings.class.getName());

    private DeploymentListings() {
    }

    /** The step's status in Pipeline's views: where the deployment is, and what it waits for. */
    static String status(@CheckForNull Checkpoint cp, @CheckForNull EngineCommand pending, boolean agentAway) {
        StringBuilder s = new StringBuilder(cp == null ? "starting" : Progress.of(cp, Instant.now()).sentence());
        if (pending != null) s.append("; ").append(pending.describe()).append(" requested");
        if (agentAway) s.append("; waiting for the agent to reconnect");
        return s.toString();
    }

    /**
     * Lists or unlists {@code deployment} as waiting for a person, as {@code cp} now says.
     *
     * @param listed whether it is listed as waiting now
     * @return whether it is listed as waiting afterwards
     */
    static boolean approvalChanged(boolean listed, Checkpoint cp, Run<?, ?> run, WaitingDeployment deployment,
                                   @CheckForNull FlowNode node, TaskListener listener) {
        boolean waiting = cp.approval().isPresent() && !cp.finished();
        try {
            if (waiting && !listed) {
                DeploymentsAction.waiting(run, deployment, node, listener);
            } else if (!waiting && listed) {
                DeploymentsAction.answered(run, deployment.getId(), node);
            }
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "the approval UI failed for " + deployment.getId(), e);
        }
        return waiting;
    }

    /** After a controller restart: shown live again, and on the approval page again if it waited there. */
    static void resumed(@CheckForNull Run<?, ?> run, DeploymentExecution deployment, @CheckForNull FlowNode node,
                        boolean listedWaiting, TaskListener listener) {
        if (run == null) return;
        LiveDeployments.started(run, deployment);
        if (!listedWaiting) return;
        try {
            DeploymentsAction.waiting(run, deployment, node, listener);
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "could not list " + deployment.getId() + " as waiting again after the restart", e);
        }
    }

    /** Off the approval page and the live view, and into the build's record. */
    static void ended(@CheckForNull Run<?, ?> run, DeploymentRecord record, @CheckForNull FlowNode node, boolean listedWaiting) {
        if (listedWaiting) {
            try {
                DeploymentsAction.answered(run, record.getId(), node);
            } catch (RuntimeException e) {
                LOGGER.log(Level.WARNING, "the approval UI failed for " + record.getId(), e);
            }
        }
        if (run != null) LiveDeployments.ended(run, record.getId());
        try {
            DeploymentsAction.finished(run, record);
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "could not record the end of " + record.getId(), e);
        }
    }
}
