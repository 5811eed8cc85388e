// Stand-in for: jenkinsci/workflow-api-plugin src/main/java/org/jenkinsci/plugins/workflow/actions/PersistentAction.java
package org.jenkinsci.plugins.workflow.actions;

import hudson.model.Action;

public interface PersistentAction extends Action {
}
