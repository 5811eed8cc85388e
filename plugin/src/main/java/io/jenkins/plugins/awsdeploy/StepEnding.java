package io.jenkins.plugins.awsdeploy;

import hudson.AbortException;
import hudson.model.Result;
import hudson.model.TaskListener;
import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import java.util.stream.Collectors;
import jenkins.model.CauseOfInterruption;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/** How a deployment step hands its outcome to Pipeline: a summary on success, the matching failure otherwise. */
final class StepEnding {

    private StepEnding() {
    }

    /** Ends the step with {@code outcome}, or with {@code cause} when the step was stopped. */
    static void complete(StepContext context, String id, String stepName, Checkpoint cp, Outcome outcome, Throwable cause,
                         TaskListener listener) {
        if (cause != null) {
            listener.getLogger().println(stepName + ": " + outcome.message());
            context.onFailure(cause);
        } else if (outcome instanceof Outcome.Succeeded) {
            listener.getLogger().println(stepName + ": " + outcome.message());
            context.onSuccess(DeploymentSummary.of(id, stepName, cp, outcome));
        } else if (outcome instanceof Outcome.Stopped) {
            // ABORTED like a rejected input, but not an interruption of the build: catchError(catchInterruptions: false)
            // still catches it.
            context.onFailure(new FlowInterruptedException(Result.ABORTED, false,
                    new DeploymentStopped(stepName + ": " + outcome.message())));
        } else {
            context.onFailure(new AbortException(stepName + " " + describe(outcome) + ": " + outcome.message()));
        }
    }

    /** The outcome of a deployment that ended before a restart, read back from its final checkpoint. */
    static Outcome endedBeforeRestart(Checkpoint cp) {
        Outcome outcome = cp == null ? null : cp.outcome().orElse(null);
        return outcome != null ? outcome : new Outcome.Failed("the deployment ended before the controller restarted");
    }

    /**
     * What the step ends with after it was stopped: the cause while this JVM still has it, else one rebuilt from its
     * description (a restart keeps only that); null when it was not stopped.
     */
    static Throwable stopFailure(Throwable cause, String description, Result result) {
        if (cause != null) return cause;
        if (description == null) return null;
        return new FlowInterruptedException(result == null ? Result.ABORTED : result, true, new DeploymentStopped(description));
    }

    static String describe(Throwable cause) {
        if (cause instanceof FlowInterruptedException f && !f.getCauses().isEmpty()) {
            return f.getCauses().stream().map(CauseOfInterruption::getShortDescription).collect(Collectors.joining(", "));
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    private static String describe(Outcome outcome) {
        if (outcome instanceof Outcome.RolledBack) return "rolled back";
        if (outcome instanceof Outcome.Invalid) return "could not start";
        if (outcome instanceof Outcome.Unsafe) return "stopped without restoring traffic";
        return "failed";
    }
}
