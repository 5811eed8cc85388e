// Stand-in for: jenkinsci/workflow-job-plugin src/main/java/org/jenkinsci/plugins/workflow/job/WorkflowJob.java
// scheduleBuild2 is really a default method of ParameterizedJobMixIn.ParameterizedJob (RunT = WorkflowRun); it is
// declared here directly with the same erasure-visible signature.
package org.jenkinsci.plugins.workflow.job;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.TopLevelItem;
import hudson.model.queue.QueueTaskFuture;
import org.jenkinsci.plugins.workflow.flow.FlowDefinition;

public final class WorkflowJob extends Job<WorkflowJob, WorkflowRun> implements TopLevelItem {
    private WorkflowJob() {
        super(null, null);
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public FlowDefinition getDefinition() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void setDefinition(FlowDefinition definition) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public QueueTaskFuture<WorkflowRun> scheduleBuild2(int quietPeriod, Action... actions) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
