package io.jenkins.plugins.awsdeploy;

import hudson.model.Run;
import hudson.model.TaskListener;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/**
 * Contract stub for the approval UI branch ({@code plugin-ui}), which replaces this class with the run action that
 * lists a run's deployments and serves Proceed / Roll back.
 *
 * <p>What the steps rely on: the three methods are called from a worker thread (never the CPS VM thread), must not
 * block for long, and must not throw; a failure of the UI must not stop a deployment, so callers only log what escapes.
 * {@link #waiting} is called again for the same id after a controller restart while a deployment still waits, so it
 * must be idempotent.
 */
public class DeploymentsAction {

    /** A deployment started waiting for a person (or still waits after a restart). */
    public static void waiting(Run<?, ?> run, WaitingDeployment deployment, FlowNode node, TaskListener listener) {
    }

    /** The deployment with this id no longer waits (answered, timed out, rolled back by an alarm, aborted). */
    public static void answered(Run<?, ?> run, String id, FlowNode node) {
    }

    /** A deployment of this run ended, whatever the outcome. */
    public static void finished(Run<?, ?> run, DeploymentRecord record) {
    }
}
