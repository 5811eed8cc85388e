package io.jenkins.plugins.awsdeploy;

import io.jenkins.plugins.awsdeploy.engine.ApprovalRequest;
import java.util.List;

/**
 * What the approval UI needs from a deployment that waits for a person.
 *
 * <p>Implemented by the running step ({@code DeploymentExecution}); the UI finds it through
 * {@link DeploymentsAction#waiting} and, after a controller restart, among the run's current step executions.
 * {@link #proceed} and {@link #rollBack} only queue the answer: the deployment acts on it on its own worker thread, so
 * they return at once and may be called from a request thread. The caller checks permissions first.
 */
public interface WaitingDeployment {

    /** Unique within the run, stable across restarts. */
    String getId();

    /** E.g. "canaryShift on listener web/80". */
    String getDisplayName();

    /** What the person is asked; null when not waiting. */
    ApprovalRequest getApproval();

    /** Users or groups allowed to approve; empty means anyone with Item.BUILD. */
    List<String> getApprovers();

    /** Engine approve, recorded in the build log with the user. */
    void proceed(String userId);

    /** Engine decline: traffic goes back to the stable side and the step ends ABORTED. */
    void rollBack(String userId);
}
