// Stand-in for: jenkinsci/workflow-job-plugin src/main/java/org/jenkinsci/plugins/workflow/job/WorkflowRun.java
package org.jenkinsci.plugins.workflow.job;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionOwner;

public final class WorkflowRun extends Run<WorkflowJob, WorkflowRun> implements FlowExecutionOwner.Executable {
    private WorkflowRun(WorkflowJob job) throws IOException {
        super(job);
    }

    @CheckForNull
    public FlowExecution getExecution() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public FlowExecutionOwner asFlowExecutionOwner() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public void run() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
