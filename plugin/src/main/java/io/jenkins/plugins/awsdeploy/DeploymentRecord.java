package io.jenkins.plugins.awsdeploy;

/**
 * Contract stub for the approval UI branch ({@code plugin-ui}), which replaces this class: how one deployment of a
 * run ended, kept on the run for the build page and the timeline.
 */
public class DeploymentRecord {

    /**
     * @param id             the deployment's {@link WaitingDeployment#getId()}
     * @param stepName       {@code canaryShift}, {@code blueGreenDeploy} or {@code ecsRollback}
     * @param target         what was deployed to, in words (e.g. "listener web/1a2b3c4d")
     * @param outcomeType    the engine outcome's simple name: Succeeded, Invalid, RolledBack, Stopped, Unsafe, Failed
     * @param message        the outcome's message
     * @param checkpointJson the final checkpoint as JSON (no credentials: the engine never puts them there)
     */
    public DeploymentRecord(String id, String stepName, String target, String outcomeType, String message,
                            String checkpointJson) {
    }
}
