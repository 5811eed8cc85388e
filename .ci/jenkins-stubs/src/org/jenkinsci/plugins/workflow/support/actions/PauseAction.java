// Stand-in for: jenkinsci/workflow-support-plugin src/main/java/org/jenkinsci/plugins/workflow/support/actions/PauseAction.java
package org.jenkinsci.plugins.workflow.support.actions;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.InvisibleAction;
import java.io.IOException;
import java.util.List;
import org.jenkinsci.plugins.workflow.actions.PersistentAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

public class PauseAction extends InvisibleAction implements PersistentAction {
    public PauseAction(String cause) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getCause() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void setCause(String cause) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public long getStartTime() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void setStartTime(long startTime) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public long getEndTime() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void setEndTime(long endTime) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean isPaused() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public long getPauseDuration() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static @CheckForNull PauseAction getCurrentPause(@NonNull FlowNode node) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static void endCurrentPause(@NonNull FlowNode node) throws IOException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static boolean isPaused(@NonNull FlowNode node) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static @NonNull List<PauseAction> getPauseActions(@NonNull FlowNode node) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static long getPauseDuration(@NonNull FlowNode node) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
