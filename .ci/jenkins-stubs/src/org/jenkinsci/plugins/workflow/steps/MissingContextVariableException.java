// Stand-in for: jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/MissingContextVariableException.java
// Type only (declared by StepDescriptor.checkContextAvailability). Real constructor takes the missing Class.
package org.jenkinsci.plugins.workflow.steps;

public class MissingContextVariableException extends Exception {
    @Deprecated
    public MissingContextVariableException(Class<?> type) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
