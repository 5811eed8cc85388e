// Stand-in for: jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/StepExecution.java
// Omitted: deprecated no-arg (Guice) constructor, static applyAll(...) helpers.
package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;
import java.util.concurrent.TimeUnit;

public abstract class StepExecution implements Serializable {
    private static final long serialVersionUID = 1L;

    protected StepExecution(@NonNull StepContext context) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public @NonNull StepContext getContext() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public abstract boolean start() throws Exception;

    public void stop(@NonNull Throwable cause) throws Exception {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void onResume() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public @CheckForNull String getStatus() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean blocksRestart() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public final @CheckForNull String getStatusBounded(long timeout, TimeUnit unit) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
