// Stand-in for: jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/StepDescriptor.java
// Omitted: defineArguments/uninstantiate (structs types), meta-step helpers, all()/byFunctionName.
package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Descriptor;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

public abstract class StepDescriptor extends Descriptor<Step> {
    public abstract Set<? extends Class<?>> getRequiredContext();

    public Set<? extends Class<?>> getProvidedContext() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public abstract String getFunctionName();

    @Deprecated
    public Step newInstance(Map<String, Object> arguments) throws Exception {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean takesImplicitBlockArgument() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean isAdvanced() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean isMetaStep() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public final void checkContextAvailability(StepContext c)
            throws MissingContextVariableException, IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @CheckForNull
    public String argumentsToString(@NonNull Map<String, Object> namedArgs) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
