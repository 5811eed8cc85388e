// Stand-in for: jenkinsci/workflow-api-plugin src/main/java/org/jenkinsci/plugins/workflow/flow/FlowExecution.java
// Only the members listed here (abstract ones plugins never implement are omitted: start, addListener, loadActions ...).
package org.jenkinsci.plugins.workflow.flow;

import com.google.common.util.concurrent.ListenableFuture;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Result;
import java.io.IOException;
import java.util.List;
import jenkins.model.CauseOfInterruption;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

public abstract class FlowExecution {
    private FlowExecution() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public abstract FlowExecutionOwner getOwner();

    public abstract List<FlowNode> getCurrentHeads();

    public ListenableFuture<List<StepExecution>> getCurrentExecutions(boolean innerMostOnly) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public abstract boolean isCurrentHead(FlowNode n);

    public String getUrl() throws IOException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public abstract void interrupt(Result r, CauseOfInterruption... causes) throws IOException, InterruptedException;

    public boolean isComplete() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public abstract @CheckForNull FlowNode getNode(String id) throws IOException;
}
