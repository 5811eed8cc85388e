// Stand-in for: jenkinsci/workflow-api-plugin src/main/java/org/jenkinsci/plugins/workflow/flow/FlowDefinition.java
// Type only (WorkflowJob.setDefinition). Real: abstract class extending AbstractDescribableImpl<FlowDefinition>
// with abstract create(FlowExecutionOwner, TaskListener, List<? extends Action>).
package org.jenkinsci.plugins.workflow.flow;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

public abstract class FlowDefinition extends AbstractDescribableImpl<FlowDefinition> implements ExtensionPoint {
}
