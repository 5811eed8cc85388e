// Stand-in for: jenkinsci/workflow-cps-plugin plugin/src/main/java/org/jenkinsci/plugins/workflow/cps/CpsFlowDefinition.java
// The constructors are declared 'throws Descriptor.FormException' as in current workflow-cps (forced-sandbox check,
// ScriptApproval.validateSandbox); older releases did not declare it. Test methods should simply 'throws Exception'.
package org.jenkinsci.plugins.workflow.cps;

import hudson.model.Descriptor;
import org.jenkinsci.plugins.workflow.flow.FlowDefinition;
import org.kohsuke.stapler.DataBoundConstructor;

public class CpsFlowDefinition extends FlowDefinition {
    @Deprecated
    public CpsFlowDefinition(String script) throws Descriptor.FormException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @DataBoundConstructor
    public CpsFlowDefinition(String script, boolean sandbox) throws Descriptor.FormException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getScript() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean isSandbox() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
