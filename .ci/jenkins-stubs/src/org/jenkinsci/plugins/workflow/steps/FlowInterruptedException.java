// Stand-in for: jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/FlowInterruptedException.java
package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.List;
import jenkins.model.CauseOfInterruption;

public final class FlowInterruptedException extends InterruptedException {
    private static final long serialVersionUID = 630482382622970136L;

    @Deprecated
    public FlowInterruptedException(@NonNull Result result, @NonNull CauseOfInterruption... causes) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public FlowInterruptedException(@NonNull Result result, boolean actualInterruption, @NonNull CauseOfInterruption... causes) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public @NonNull Result getResult() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public @NonNull List<CauseOfInterruption> getCauses() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean isActualInterruption() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void setActualInterruption(boolean actualInterruption) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void handle(Run<?, ?> run, TaskListener listener) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
