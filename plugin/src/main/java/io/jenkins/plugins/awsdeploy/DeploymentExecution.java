package io.jenkins.plugins.awsdeploy;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Computer;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.awsdeploy.engine.ApprovalRequest;
import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.DurationText;
import io.jenkins.plugins.awsdeploy.engine.InvalidInputException;
import io.jenkins.plugins.awsdeploy.engine.JsonCodec;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.Progress;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsAccess;
import io.jenkins.plugins.awsdeploy.engine.aws.SessionCredentials;
import io.jenkins.plugins.awsdeploy.engine.ownership.Claim;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import jenkins.model.CauseOfInterruption;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * Runs one deployment of any strategy as a chain of engine ticks, in the manner of {@code SleepStep}: between ticks
 * nothing but a {@link Timer} entry exists, so no thread waits while a canary bakes or an approval is pending.
 *
 * <p>Each tick is armed on the {@link Timer} and executed on {@link Computer#threadPoolForRemoting} (the Timer's few
 * threads must not wait on agents or AWS). It resolves credentials on the controller, runs the engine call where the
 * enclosing {@code node} is ({@link TickCallable} over the agent channel, or in this JVM outside a node), prints the
 * events, stores the new checkpoint and arms the next tick.
 *
 * <p>State kept in the Pipeline program (serialized with the build): the engine checkpoint as JSON, the access
 * settings without any secret, the command waiting to be run, when to wake up. Everything else, including the
 * session credentials, is transient and rebuilt after a restart; the first tick after one asks the engine to
 * {@linkplain EngineCommand#resume() resume}, which reads AWS before it trusts the checkpoint.
 */
public final class DeploymentExecution extends StepExecution implements WaitingDeployment, LiveDeployments.Running {

    private static final long serialVersionUID = 1L;

    private static final Logger LOGGER = Logger.getLogger(DeploymentExecution.class.getName());

    /** How long a deployment waits for its agent to come back before it gives up (system property, minutes). */
    static final Duration AGENT_WAIT = Duration.ofMinutes(
            Long.getLong(DeploymentExecution.class.getName() + ".agentWaitMinutes", 10));

    /** How often to try again while the agent is away. */
    static final Duration AGENT_RETRY = Duration.ofSeconds(15);

    /** Consecutive failed ticks (AWS unreachable, credentials not resolvable) before the deployment gives up. */
    static final int MAX_FAILED_TICKS = 8;

    /** Only used by {@link #start()}; a resumed execution has no step object. */
    private transient AwsDeploymentStep step;

    private String id;
    private String stepName;
    private String target;
    private AccessSettings access;
    private ArrayList<String> approvers;
    /** The engine's state; the single source of truth about the deployment. */
    private String checkpointJson;
    /** Whether the step started inside a {@code node} block: then every tick must run on that agent. */
    private boolean onAgent;
    /** When the next tick is due (controller clock), so that a restart re-arms it. */
    private long wakeAtMillis;
    /** An answer or abort that the next tick carries out; kept so that a restart does not lose it. */
    private EngineCommand pending;
    /**
     * Set by {@link #stop}: the step ends with this description and result once traffic is back. Not the Throwable:
     * a cause from another plugin need not be serializable, and one that is not would break saving the program.
     */
    private String stopDescription;
    private Result stopResult;
    /** When the agent was found disconnected; 0 while it is there. */
    private long agentLostAtMillis;
    private int failedTicks;
    /** Whether the approval UI was told that this deployment waits. */
    private boolean announcedWaiting;
    private boolean done;
    /** Status lines in the build log while the deployment waits; null in executions saved before it existed. */
    private BuildLogHeartbeat heartbeat;

    /** What {@link #stop} was given, to end with while this JVM still has it (a restart leaves the description). */
    private transient Throwable stopCause;
    private transient volatile Checkpoint checkpoint;
    private transient ScheduledFuture<?> timer;
    private transient volatile boolean ticking;
    /** True after a restart or a lost agent: the next tick reads AWS before it trusts the checkpoint. */
    private transient boolean mustResume;
    /** Short-lived credentials derived from the Jenkins credential; memory only, gone with a restart. */
    private transient SessionCredentials session;
    private transient FlowNode node;

    DeploymentExecution(StepContext context, AwsDeploymentStep step) {
        super(context);
        this.step = step;
    }

    // ---- lifecycle

    /** Checks the parameters (no I/O: this is the CPS VM thread) and arms the first tick. */
    @Override
    public boolean start() throws Exception {
        AwsDeploymentsConfiguration defaults = AwsDeploymentsConfiguration.get();
        stepName = step.functionName();
        target = step.target();
        access = step.accessSettings(defaults);
        approvers = new ArrayList<>(step.approverList(defaults));
        Checkpoint initial;
        try {
            initial = step.checkedStart(access, defaults);
        } catch (InvalidInputException e) {
            // Thrown from start(): the step fails at once, and nothing was sent to AWS.
            throw new AbortException(stepName + ": invalid parameters, nothing was changed in AWS: "
                    + e.problems().stream().map(Problem::toString).collect(Collectors.joining("; ")));
        }
        node = getContext().get(FlowNode.class);
        id = stepName + "-" + (node != null ? node.getId() : Long.toString(System.nanoTime(), 36));
        Run<?, ?> build = getContext().get(Run.class);
        if (build != null) {
            // The ownership tags name the build, so whoever finds them knows which pipeline holds the listener.
            initial = initial.withClaim(Claim.of(build.getExternalizableId() + "/" + id, "Jenkins " + build.getFullDisplayName()));
        }
        onAgent = inNode();
        if (!onAgent || inBuiltInNode()) {
            Optional<String> refusal = access.controllerIdentityRefusal(defaults.isAllowControllerCredentials());
            if (refusal.isPresent()) throw new AbortException(stepName + ": " + refusal.get());
        }
        checkpoint = initial;
        checkpointJson = JsonCodec.write(initial);
        heartbeat = new BuildLogHeartbeat(step.heartbeatEvery(defaults));
        ConsoleLinks links = ConsoleLinks.of(initial, access.region(), access.emulated());
        PrintStream log = getContext().get(TaskListener.class).getLogger();
        log.println(getDisplayName() + " in " + access.region() + ", AWS calls from "
                + (onAgent ? "the agent of this node block" : "the controller (not inside a node block)"));
        String resources = links.resourceLine();
        if (!resources.isEmpty()) log.println(resources);
        synchronized (this) {
            arm(0);
        }
        LiveDeployments.started(getContext().get(Run.class), this);
        return false;
    }

    /** After a controller restart: re-arm; the first tick reads AWS first and credentials are looked up again. */
    @Override
    public void onResume() {
        try {
            node = getContext().get(FlowNode.class);
        } catch (IOException | InterruptedException e) {
            LOGGER.log(Level.FINE, "no flow node for " + id, e);
        }
        synchronized (this) {
            if (done) {
                // Ended before the restart, yet Pipeline still runs this step: the program was saved between the end
                // and Pipeline recording the result. Hand the same result over again (off the CPS VM thread).
                Computer.threadPoolForRemoting.execute(this::completeAgain);
                return;
            }
            mustResume = true;
            // The agent gets the full wait again: it may well have been down only because the controller was.
            agentLostAtMillis = 0;
            arm(Math.max(0, wakeAtMillis - System.currentTimeMillis()));
        }
        try {
            LiveDeployments.started(getContext().get(Run.class), this);
        } catch (IOException | InterruptedException e) {
            LOGGER.log(Level.FINE, "no run to show " + id + " live on", e);
        }
        if (announcedWaiting) {
            try {
                DeploymentsAction.waiting(getContext().get(Run.class), this, node, listener());
            } catch (IOException | InterruptedException | RuntimeException e) {
                LOGGER.log(Level.WARNING, "could not list " + id + " as waiting again after the restart", e);
            }
        }
    }

    /**
     * The build was aborted, or {@code timeout} expired: roll back first, then end with {@code cause}. The rollback
     * runs on the worker pool like any tick; this returns at once.
     */
    @Override
    public void stop(Throwable cause) {
        synchronized (this) {
            if (done) return;
            if (stopDescription == null) {
                stopCause = cause;
                stopDescription = describe(cause);
                stopResult = cause instanceof FlowInterruptedException f ? f.getResult() : Result.FAILURE;
            }
            pending = EngineCommand.abort(describe(cause));
            arm(0);
        }
        listener().getLogger().println(stepName + ": stopping (" + describe(cause)
                + "); traffic goes back to where it was before the step ends");
        getContext().saveState();
    }

    @Override
    public String getStatus() {
        Checkpoint cp = checkpoint();
        EngineCommand p;
        boolean agentAway;
        synchronized (this) {
            p = pending;
            agentAway = agentLostAtMillis > 0;
        }
        StringBuilder s = new StringBuilder(cp == null ? "starting" : Progress.of(cp, Instant.now()).sentence());
        if (p != null) s.append("; ").append(p.describe()).append(" requested");
        if (agentAway) s.append("; waiting for the agent to reconnect");
        return s.toString();
    }

    /** A tick in flight holds a remote call; a restart in the middle of it is survivable but pointless. */
    @Override
    public boolean blocksRestart() {
        return ticking;
    }

    // ---- WaitingDeployment, LiveDeployments.Running

    @Override
    public Checkpoint liveCheckpoint() {
        return checkpoint();
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getDisplayName() {
        return stepName + " on " + target;
    }

    @Override
    public ApprovalRequest getApproval() {
        Checkpoint cp = checkpoint();
        return cp == null ? null : cp.approval().orElse(null);
    }

    @Override
    public List<String> getApprovers() {
        return approvers == null ? List.of() : List.copyOf(approvers);
    }

    @Override
    public void proceed(String userId) {
        command(EngineCommand.approve(userId));
    }

    @Override
    public void rollBack(String userId) {
        command(EngineCommand.decline(userId));
    }

    private void command(EngineCommand c) {
        synchronized (this) {
            if (done) return;
            // An abort is never replaced; of two answers the first one counts.
            if (pending != null && (pending.kind() == EngineCommand.Kind.ABORT || c.kind() != EngineCommand.Kind.ABORT)) {
                return;
            }
            pending = c;
            arm(0);
        }
        getContext().saveState();
    }

    // ---- ticks

    /** Caller holds the lock. Replaces whatever tick was armed. */
    private void arm(long delayMillis) {
        if (timer != null) timer.cancel(false);
        wakeAtMillis = System.currentTimeMillis() + delayMillis;
        // The Timer only hands over: its few threads are shared by all of Jenkins and must never wait on I/O.
        timer = Timer.get().schedule(() -> {
            Computer.threadPoolForRemoting.execute(this::tick);
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        EngineCommand command;
        String json;
        synchronized (this) {
            if (done || ticking) return;
            ticking = true;
            command = mustResume ? EngineCommand.resume() : pending != null ? pending : EngineCommand.advance();
            json = checkpointJson;
        }
        TaskListener listener = listener();
        try {
            Run<?, ?> run = getContext().get(Run.class);
            abortIfEndedElsewhere();
            FilePath workspace = onAgent ? agentWorkspace() : null;
            VirtualChannel channel = workspace == null ? null : workspace.getChannel();
            boolean inController = workspace == null || !workspace.isRemote();
            TickCallable call = new TickCallable(json, access(run, inController), command, ZoneId.systemDefault());
            TickReply reply = runTick(call, channel);
            if (reply.failure() != null) {
                failedTick(reply.failure(), listener, false);
            } else {
                apply(reply, command, run, listener);
            }
        } catch (AgentUnavailable e) {
            agentAway(e, listener);
        } catch (AccessRefused e) {
            failedTick(e.getMessage(), listener, !changedAnything());
        } catch (IOException | InterruptedException | RuntimeException e) {
            LOGGER.log(Level.FINE, id + ": tick failed", e);
            failedTick(e.getMessage() == null ? e.toString() : e.getMessage(), listener, false);
        } finally {
            synchronized (this) {
                ticking = false;
                // An answer or abort that arrived during the tick must not wait for the next poll.
                if (!done && pending != null && command != pending) arm(0);
            }
        }
    }

    /**
     * Runs the tick over {@code channel}, or here when the step is not inside a node block. Every failure on the other
     * side comes back as a {@link TickReply}: an exception from the call is the channel's, so the agent is away.
     */
    private static TickReply runTick(TickCallable tick, VirtualChannel channel) throws AgentUnavailable {
        if (channel == null) return tick.call();
        try {
            return channel.call(tick);
        } catch (IOException e) {
            throw new AgentUnavailable(e.getMessage());
        } catch (InterruptedException e) {
            throw new AgentUnavailable("interrupted while calling the agent");
        }
    }

    /** The workspace of the step's node block, on an agent that is connected. */
    private FilePath agentWorkspace() throws AgentUnavailable {
        FilePath workspace;
        try {
            workspace = getContext().get(FilePath.class);
        } catch (IOException | InterruptedException e) {
            // Pipeline's FilePath context throws while the agent is offline: the usual sign of a disconnect.
            throw new AgentUnavailable(e.getMessage());
        }
        if (workspace == null || workspace.getChannel() == null) throw new AgentUnavailable("the agent is not connected");
        return workspace;
    }

    private void apply(TickReply reply, EngineCommand command, Run<?, ?> run, TaskListener listener) {
        Checkpoint cp = JsonCodec.readCheckpoint(reply.checkpointJson());
        boolean wasLost;
        synchronized (this) {
            checkpoint = cp;
            checkpointJson = reply.checkpointJson();
            failedTicks = 0;
            wasLost = agentLostAtMillis > 0;
            agentLostAtMillis = 0;
            if (command.kind() == EngineCommand.Kind.RESUME) mustResume = false;
            if (command == pending) pending = null;
        }
        PrintStream log = listener.getLogger();
        if (wasLost) log.println(stepName + ": the agent is back");
        ConsoleLinks links = ConsoleLinks.of(cp, access.region(), access.emulated());
        for (String line : reply.eventLines()) log.println(links.annotate(line));
        approvalChanged(cp, run, listener);
        if (reply.finished()) {
            finish(cp, cp.outcome().orElseGet(() -> new Outcome.Failed("the engine ended without an outcome")), run, listener);
            return;
        }
        long delay;
        synchronized (this) {
            delay = pending != null ? 0 : reply.delayMillis();
            arm(delay);
        }
        if (heartbeat != null) heartbeat.afterTick(cp, reply.eventLines().size(), delay, log, Instant.now());
        getContext().saveState();
    }

    /** Tells the approval UI when the deployment starts or stops waiting for a person. */
    private void approvalChanged(Checkpoint cp, Run<?, ?> run, TaskListener listener) {
        boolean waiting = cp.approval().isPresent() && !cp.finished();
        try {
            if (waiting && !announcedWaiting) {
                announcedWaiting = true;
                DeploymentsAction.waiting(run, this, node, listener);
            } else if (!waiting && announcedWaiting) {
                announcedWaiting = false;
                DeploymentsAction.answered(run, id, node);
            }
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "the approval UI failed for " + id, e);
        }
    }

    private void finish(Checkpoint cp, Outcome outcome, Run<?, ?> run, TaskListener listener) {
        Throwable cause;
        synchronized (this) {
            if (done) return;
            done = true;
            if (timer != null) timer.cancel(false);
            cause = stopFailure();
        }
        if (announcedWaiting) {
            announcedWaiting = false;
            try {
                DeploymentsAction.answered(run, id, node);
            } catch (RuntimeException e) {
                LOGGER.log(Level.WARNING, "the approval UI failed for " + id, e);
            }
        }
        if (run != null) LiveDeployments.ended(run, id);
        try {
            DeploymentsAction.finished(run, new DeploymentRecord(id, stepName, target,
                    outcome.getClass().getSimpleName(), outcome.message(), checkpointJson));
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "could not record the end of " + id, e);
        }
        complete(cp, outcome, cause, listener);
    }

    /** See {@link #onResume}: the outcome is read back from the final checkpoint. */
    private void completeAgain() {
        Checkpoint cp = checkpoint();
        Outcome outcome = cp == null ? null : cp.outcome().orElse(null);
        if (outcome == null) outcome = new Outcome.Failed("the deployment ended before the controller restarted");
        Throwable cause;
        synchronized (this) {
            cause = stopFailure();
        }
        complete(cp, outcome, cause, listener());
    }

    /** Ends the step with {@code outcome}, or with {@code cause} when the step was stopped. */
    private void complete(Checkpoint cp, Outcome outcome, Throwable cause, TaskListener listener) {
        StepContext context = getContext();
        if (cause != null) {
            listener.getLogger().println(stepName + ": " + outcome.message());
            context.onFailure(cause);
        } else if (outcome instanceof Outcome.Succeeded) {
            listener.getLogger().println(stepName + ": " + outcome.message());
            context.onSuccess(DeploymentSummary.of(id, stepName, cp, outcome));
        } else if (outcome instanceof Outcome.Stopped) {
            // ABORTED like a rejected input, but not an interruption of the build: catchError(catchInterruptions: false)
            // still catches it.
            context.onFailure(new FlowInterruptedException(Result.ABORTED, false,
                    new DeploymentStopped(stepName + ": " + outcome.message())));
        } else {
            context.onFailure(new AbortException(stepName + " " + describe(outcome) + ": " + outcome.message()));
        }
    }

    /** Caller holds the lock. What the step ends with after {@link #stop}; null when it was not stopped. */
    private Throwable stopFailure() {
        if (stopCause != null) return stopCause;
        if (stopDescription == null) return null;
        return new FlowInterruptedException(stopResult == null ? Result.ABORTED : stopResult, true,
                new DeploymentStopped(stopDescription));
    }

    private void agentAway(AgentUnavailable e, TaskListener listener) {
        long now = System.currentTimeMillis();
        boolean first;
        long deadline;
        synchronized (this) {
            first = agentLostAtMillis == 0;
            if (first) agentLostAtMillis = now;
            // Whatever the agent did in a call whose answer was lost, AWS knows: read it before going on.
            mustResume = true;
            deadline = agentLostAtMillis + AGENT_WAIT.toMillis();
        }
        Checkpoint cp = checkpoint();
        String where = cp == null ? "nothing was changed yet" : cp.status();
        if (now >= deadline) {
            giveUp("the agent did not come back within " + DurationText.format(AGENT_WAIT) + " (" + e.getMessage()
                    + "); the deployment stopped where it was: " + where, listener);
            return;
        }
        if (first) {
            listener.getLogger().println(stepName + ": the agent is not reachable (" + e.getMessage() + "); trying again every "
                    + DurationText.format(AGENT_RETRY) + " for up to " + DurationText.format(AGENT_WAIT) + ". Meanwhile: "
                    + where);
        }
        synchronized (this) {
            if (!done) arm(AGENT_RETRY.toMillis());
        }
        getContext().saveState();
    }

    /**
     * @param beforeAnyChange nothing was changed in AWS yet, and the problem will not go away by waiting (a credential
     *                        that does not exist): fail at once rather than retry
     */
    private void failedTick(String message, TaskListener listener, boolean beforeAnyChange) {
        Checkpoint cp = checkpoint();
        if (beforeAnyChange) {
            giveUp(message + "; nothing was changed in AWS", listener);
            return;
        }
        int failures;
        synchronized (this) {
            failures = ++failedTicks;
        }
        String where = cp == null ? "nothing was changed yet" : cp.status();
        if (failures >= MAX_FAILED_TICKS) {
            giveUp("gave up after " + failures + " failed attempts (" + message + "); the deployment stopped where it was: "
                    + where, listener);
            return;
        }
        Duration backoff = Duration.ofSeconds(Math.min(30, 1L << failures));
        listener.getLogger().println(stepName + ": could not go on (" + message + "); trying again in "
                + DurationText.format(backoff));
        synchronized (this) {
            if (!done) arm(backoff.toMillis());
        }
    }

    private void giveUp(String message, TaskListener listener) {
        Run<?, ?> run;
        try {
            run = getContext().get(Run.class);
        } catch (IOException | InterruptedException e) {
            run = null;
        }
        Checkpoint cp = checkpoint();
        finish(cp, new Outcome.Failed(message), run, listener);
    }

    /**
     * The step's context can be completed from outside without {@link #stop} (the build's "terminate" link, or
     * {@code timeout} giving up on a slow rollback): then nobody watches the deployment any more, so it is rolled back.
     */
    private void abortIfEndedElsewhere() {
        FlowNode n = node;
        if (n == null || n.isActive()) return;
        synchronized (this) {
            if (pending == null || pending.kind() != EngineCommand.Kind.ABORT) {
                pending = EngineCommand.abort("the step was ended while the deployment was in progress");
                LOGGER.log(Level.WARNING, "{0}: the step was ended from outside; rolling back", id);
            }
        }
    }

    // ---- credentials

    /** See {@link TickCredentials}; keeps the session for the next ticks (memory only). */
    private AwsAccess access(Run<?, ?> run, boolean inController) throws AccessRefused {
        SessionCredentials cached;
        synchronized (this) {
            cached = session;
        }
        AwsAccess aws = TickCredentials.resolve(access, cached, run, inController, AwsDeploymentsConfiguration.get(),
                Instant.now());
        if (aws.credentials() != null) {
            synchronized (this) {
                session = aws.credentials();
            }
        }
        return aws;
    }

    // ---- serialization

    /**
     * CPS saves the program on its own thread while a worker may be changing the checkpoint and the pending answer
     * together under this lock: taking it here means a restart never sees one without the other (an answer replayed).
     */
    private synchronized void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        try {
            checkpoint = checkpointJson == null ? null : JsonCodec.readCheckpoint(checkpointJson);
        } catch (RuntimeException e) {
            // Left to the first tick, which reports it in the build log rather than failing the whole program's load.
            LOGGER.log(Level.WARNING, "unreadable checkpoint of " + id, e);
        }
    }

    // ---- small pieces

    private Checkpoint checkpoint() {
        Checkpoint cp = checkpoint;
        if (cp == null && checkpointJson != null) {
            cp = JsonCodec.readCheckpoint(checkpointJson);
            checkpoint = cp;
        }
        return cp;
    }

    /** Whether the deployment has got past its preflight, i.e. may have changed something in AWS. */
    private boolean changedAnything() {
        Checkpoint cp = checkpoint();
        return cp != null && !cp.history().isEmpty();
    }

    /** Inside a node block on the built-in node: the calls run in the controller's JVM as outside one. */
    private boolean inBuiltInNode() {
        try {
            FilePath workspace = getContext().get(FilePath.class);
            return workspace != null && !workspace.isRemote();
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private boolean inNode() {
        try {
            return getContext().get(FilePath.class) != null;
        } catch (IOException | InterruptedException e) {
            // Inside a node whose agent is offline right now: still a node block.
            return true;
        }
    }

    private TaskListener listener() {
        try {
            TaskListener l = getContext().get(TaskListener.class);
            if (l != null) return l;
        } catch (IOException | InterruptedException e) {
            LOGGER.log(Level.FINE, "no build log for " + id, e);
        }
        return TaskListener.NULL;
    }

    private static String describe(Throwable cause) {
        if (cause instanceof FlowInterruptedException f && !f.getCauses().isEmpty()) {
            return f.getCauses().stream().map(CauseOfInterruption::getShortDescription).collect(Collectors.joining(", "));
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    private static String describe(Outcome outcome) {
        if (outcome instanceof Outcome.RolledBack) return "rolled back";
        if (outcome instanceof Outcome.Invalid) return "could not start";
        if (outcome instanceof Outcome.Unsafe) return "stopped without restoring traffic";
        return "failed";
    }

    /** The agent of the step's node block cannot be reached right now. */
    private static final class AgentUnavailable extends Exception {
        private static final long serialVersionUID = 1L;

        AgentUnavailable(String message) {
            super(message);
        }
    }

}
