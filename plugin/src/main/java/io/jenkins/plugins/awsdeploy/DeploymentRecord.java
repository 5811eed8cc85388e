package io.jenkins.plugins.awsdeploy;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.awsdeploy.engine.JsonCodec;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import java.util.Objects;

/**
 * How one deployment of a run ended, kept in the run's {@code build.xml} (through {@link DeploymentsAction}) for the
 * build page, the timeline and the rolled-back badge.
 *
 * <p>A plain class with final fields rather than a Java record: Jenkins writes run actions with XStream, whose
 * reflection converter sets fields after construction, which the JVM refuses for record components.
 */
public final class DeploymentRecord {

    private final String id;
    private final String stepName;
    private final String target;
    private final String outcomeType;
    private final String message;
    private final String checkpointJson;

    /**
     * @param id             the deployment's {@link WaitingDeployment#getId()}, unique within the run
     * @param stepName       {@code canaryShift}, {@code blueGreenDeploy} or {@code ecsRollback}
     * @param target         what was deployed to, in words (e.g. "listener web/1a2b3c4d")
     * @param outcomeType    the engine outcome's simple name: Succeeded, Invalid, RolledBack, Stopped, Unsafe, Failed
     * @param message        the outcome's message
     * @param checkpointJson the final checkpoint as {@link JsonCodec} JSON (it holds no credentials)
     */
    public DeploymentRecord(String id, String stepName, String target, String outcomeType, String message,
                            String checkpointJson) {
        this.id = Objects.requireNonNull(id, "id");
        this.stepName = stepName;
        this.target = target;
        this.outcomeType = outcomeType;
        this.message = message;
        this.checkpointJson = checkpointJson;
    }

    public String getId() {
        return id;
    }

    public String getStepName() {
        return stepName;
    }

    public String getTarget() {
        return target;
    }

    /** Succeeded, Invalid, RolledBack, Stopped, Unsafe or Failed (the engine's {@link Outcome} types); null if unknown. */
    @CheckForNull
    public String getOutcomeType() {
        return outcomeType;
    }

    public String getMessage() {
        return message;
    }

    @CheckForNull
    public String getCheckpointJson() {
        return checkpointJson;
    }

    @Override
    public String toString() {
        return stepName + " " + id + " on " + target + ": " + outcomeType + " (" + message + ")";
    }
}
