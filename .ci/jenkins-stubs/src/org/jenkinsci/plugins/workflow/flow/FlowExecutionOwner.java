// Stand-in for: jenkinsci/workflow-api-plugin src/main/java/org/jenkinsci/plugins/workflow/flow/FlowExecutionOwner.java
package org.jenkinsci.plugins.workflow.flow;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Queue;
import hudson.model.TaskListener;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;

public abstract class FlowExecutionOwner implements Serializable {
    @NonNull
    public abstract FlowExecution get() throws IOException;

    public @CheckForNull FlowExecution getOrNull() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public abstract File getRootDir() throws IOException;

    public abstract Queue.Executable getExecutable() throws IOException;

    public abstract String getUrl() throws IOException;

    public String getUrlOfExecution() throws IOException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public abstract boolean equals(Object o);

    @Override
    public abstract int hashCode();

    public @NonNull TaskListener getListener() throws IOException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public interface Executable extends Queue.Executable {
        @CheckForNull
        FlowExecutionOwner asFlowExecutionOwner();
    }
}
