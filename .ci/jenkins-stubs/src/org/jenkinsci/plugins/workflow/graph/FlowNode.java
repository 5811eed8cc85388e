// Stand-in for: jenkinsci/workflow-api-plugin src/main/java/org/jenkinsci/plugins/workflow/graph/FlowNode.java
// Omitted: constructors and protected SPI (plugins never subclass FlowNode), getError, getIconColor.
package org.jenkinsci.plugins.workflow.graph;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Action;
import hudson.model.Actionable;
import hudson.model.Saveable;
import java.io.IOException;
import java.util.List;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;

public abstract class FlowNode extends Actionable implements Saveable {
    private FlowNode() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Deprecated
    public final boolean isRunning() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public final boolean isActive() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public @NonNull FlowExecution getExecution() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    public List<FlowNode> getParents() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getId() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getDisplayFunctionName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    protected abstract String getTypeDisplayName();

    public String getUrl() throws IOException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    @CheckForNull
    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public List<Action> getActions() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public void save() throws IOException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
