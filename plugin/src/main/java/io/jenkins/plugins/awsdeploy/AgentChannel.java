package io.jenkins.plugins.awsdeploy;

import hudson.FilePath;
import hudson.remoting.VirtualChannel;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The transport of the ticks: the channel to the agent of the step's {@code node} block, or this JVM outside one. Only
 * a failure of the channel itself means the agent is away; whatever fails on the agent comes back in a {@link
 * TickReply}.
 */
final class AgentChannel {

    /** Where the next tick runs: over {@code channel}, or here when it is null; {@code inController} for this JVM. */
    record Target(VirtualChannel channel, boolean inController) {
    }

    private AgentChannel() {
    }

    /** The agent of the step's node block, connected; outside a node block ({@code onAgent} false), this JVM. */
    static Target target(StepContext context, boolean onAgent) throws AgentUnavailable {
        if (!onAgent) return new Target(null, true);
        FilePath workspace;
        try {
            workspace = context.get(FilePath.class);
        } catch (IOException | InterruptedException e) {
            // Pipeline's FilePath context throws while the agent is offline: the usual sign of a disconnect.
            throw new AgentUnavailable(e.getMessage());
        }
        if (workspace == null || workspace.getChannel() == null) throw new AgentUnavailable("the agent is not connected");
        return new Target(workspace.getChannel(), !workspace.isRemote());
    }

    /**
     * Runs the tick at {@code target}. Every failure on the other side comes back as a {@link TickReply}: an exception
     * from the call is the channel's, so the agent is away.
     */
    static TickReply run(TickCallable tick, Target target) throws AgentUnavailable {
        if (target.channel() == null) return tick.call();
        try {
            return target.channel().call(tick);
        } catch (IOException e) {
            throw new AgentUnavailable(e.getMessage());
        } catch (InterruptedException e) {
            throw new AgentUnavailable("interrupted while calling the agent");
        }
    }

    /** Inside a node block, even one whose agent is offline right now. */
    static boolean inNode(StepContext context) {
        try {
            return context.get(FilePath.class) != null;
        } catch (IOException | InterruptedException e) {
            return true;
        }
    }

    /** Inside a node block on the built-in node: the calls run in the controller's JVM as outside one. */
    static boolean inBuiltInNode(StepContext context) {
        try {
            FilePath workspace = context.get(FilePath.class);
            return workspace != null && !workspace.isRemote();
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** The agent of the step's node block cannot be reached right now. */
    static final class AgentUnavailable extends Exception {
        private static final long serialVersionUID = 1L;

        AgentUnavailable(String message) {
            super(message);
        }
    }
}
