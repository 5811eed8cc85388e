package io.jenkins.plugins.awsdeploy;

import hudson.model.Computer;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.awsdeploy.engine.ApprovalRequest;
import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.DurationText;
import io.jenkins.plugins.awsdeploy.engine.JsonCodec;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.TickPolicy;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsAccess;
import io.jenkins.plugins.awsdeploy.engine.aws.SessionCredentials;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
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
 * threads must not wait on agents or AWS). It resolves credentials on the controller ({@link TickCredentials}), runs the
 * engine call where the enclosing {@code node} is ({@link AgentChannel}), prints the events, stores the new checkpoint
 * and arms the next tick. What follows a tick, and when to give up, is the engine's {@link TickPolicy}.
 *
 * <p>Kept in the Pipeline program: the checkpoint as JSON, the access settings without any secret, the command waiting
 * to be run, when to wake up. The rest, session credentials included, is transient; the first tick after a restart
 * asks the engine to {@linkplain EngineCommand#resume() resume}, which reads AWS before it trusts the checkpoint.
 */
public final class DeploymentExecution extends StepExecution implements WaitingDeployment, LiveDeployments.Running {

    private static final long serialVersionUID = 1L;

    private static final Logger LOGGER = Logger.getLogger(DeploymentExecution.class.getName());

    /** How long a deployment waits for its agent to come back before it gives up (system property, minutes). */
    static final Duration AGENT_WAIT = Duration.ofMinutes(
            Long.getLong(DeploymentExecution.class.getName() + ".agentWaitMinutes", 10));

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
    private transient TickCredentials credentials;
    private transient FlowNode node;

    DeploymentExecution(StepContext context, AwsDeploymentStep step) {
        super(context);
        this.step = step;
    }

    /** Checks the parameters (no I/O: this is the CPS VM thread) and arms the first tick. */
    @Override
    public boolean start() throws Exception {
        StepLaunch launch = StepLaunch.of(step, getContext());
        stepName = launch.stepName();
        target = launch.target();
        access = launch.access();
        approvers = new ArrayList<>(launch.approvers());
        id = launch.id();
        node = launch.node();
        onAgent = launch.onAgent();
        heartbeat = new BuildLogHeartbeat(launch.heartbeatEvery());
        checkpoint = launch.initial();
        checkpointJson = JsonCodec.write(launch.initial());
        launch.announce(getDisplayName(), listener().getLogger());
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
        DeploymentListings.resumed(run(), this, node, announcedWaiting, listener());
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
                stopDescription = StepEnding.describe(cause);
                stopResult = cause instanceof FlowInterruptedException f ? f.getResult() : Result.FAILURE;
            }
            pending = EngineCommand.abort(StepEnding.describe(cause));
            arm(0);
        }
        listener().getLogger().println(stepName + ": stopping (" + StepEnding.describe(cause)
                + "); traffic goes back to where it was before the step ends");
        getContext().saveState();
    }

    @Override
    public String getStatus() {
        Checkpoint cp = checkpoint();
        synchronized (this) {
            return DeploymentListings.status(cp, pending, agentLostAtMillis > 0);
        }
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
            AgentChannel.Target where = AgentChannel.target(getContext(), onAgent);
            TickCallable call = new TickCallable(json, credentials().resolve(access, run, where.inController()), command,
                    ZoneId.systemDefault());
            TickReply reply = AgentChannel.run(call, where);
            if (reply.failure() != null) {
                failedTick(reply.failure(), TickPolicy.Failure.PASSING, listener);
            } else {
                apply(reply, command, run, listener);
            }
        } catch (AgentChannel.AgentUnavailable e) {
            agentAway(e.getMessage(), listener);
        } catch (AccessRefused e) {
            failedTick(e.getMessage(), TickPolicy.Failure.LASTING, listener);
        } catch (IOException | InterruptedException | RuntimeException e) {
            LOGGER.log(Level.FINE, id + ": tick failed", e);
            failedTick(e.getMessage() == null ? e.toString() : e.getMessage(), TickPolicy.Failure.PASSING, listener);
        } finally {
            synchronized (this) {
                ticking = false;
                // An answer or abort that arrived during the tick must not wait for the next poll.
                if (!done && pending != null && command != pending) arm(0);
            }
        }
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
        announcedWaiting = DeploymentListings.approvalChanged(announcedWaiting, cp, run, this, node, listener);
        TickPolicy.Next next = TickPolicy.ran(cp, reply.finished() ? null : Duration.ofMillis(reply.delayMillis()));
        if (next instanceof TickPolicy.Next.Finish f) {
            finish(cp, f.outcome(), run, listener);
            return;
        }
        long delay;
        synchronized (this) {
            delay = pending != null ? 0 : ((TickPolicy.Next.Arm) next).delay().toMillis();
            arm(delay);
        }
        if (heartbeat != null) heartbeat.afterTick(cp, reply.eventLines().size(), delay, log, Instant.now());
        getContext().saveState();
    }

    private void finish(Checkpoint cp, Outcome outcome, Run<?, ?> run, TaskListener listener) {
        Throwable cause;
        synchronized (this) {
            if (done) return;
            done = true;
            if (timer != null) timer.cancel(false);
            cause = StepEnding.stopFailure(stopCause, stopDescription, stopResult);
        }
        DeploymentListings.ended(run, new DeploymentRecord(id, stepName, target, outcome.getClass().getSimpleName(),
                outcome.message(), checkpointJson), node, announcedWaiting);
        announcedWaiting = false;
        StepEnding.complete(getContext(), id, stepName, cp, outcome, cause, listener);
    }

    /** See {@link #onResume}: the outcome is read back from the final checkpoint. */
    private void completeAgain() {
        Throwable cause;
        synchronized (this) {
            cause = StepEnding.stopFailure(stopCause, stopDescription, stopResult);
        }
        Checkpoint cp = checkpoint();
        StepEnding.complete(getContext(), id, stepName, cp, StepEnding.endedBeforeRestart(cp), cause, listener());
    }

    /** The agent is away: {@link TickPolicy} says how long to wait for it; no failed attempt is counted meanwhile. */
    private void agentAway(String why, TaskListener listener) {
        long now = System.currentTimeMillis();
        boolean first;
        long lostAt;
        synchronized (this) {
            first = agentLostAtMillis == 0;
            if (first) agentLostAtMillis = now;
            lostAt = agentLostAtMillis;
            // Whatever the agent did in a call whose answer was lost, AWS knows: read it before going on.
            mustResume = true;
        }
        Checkpoint cp = checkpoint();
        TickPolicy.Next next = TickPolicy.unreachable(cp, Duration.ofMillis(now - lostAt), AGENT_WAIT, why);
        follow(next, listener, !first ? null : "the agent is not reachable (" + why + "); trying again every "
                + DurationText.format(TickPolicy.UNREACHABLE_RETRY) + " for up to " + DurationText.format(AGENT_WAIT)
                + ". Meanwhile: " + (cp == null ? "nothing was changed yet" : cp.status()));
        if (next instanceof TickPolicy.Next.Arm) getContext().saveState();
    }

    /** A tick failed (AWS, credentials, the agent's side): {@link TickPolicy} says whether to try again or give up. */
    private void failedTick(String why, TickPolicy.Failure kind, TaskListener listener) {
        int failures;
        synchronized (this) {
            failures = ++failedTicks;
        }
        TickPolicy.Next next = TickPolicy.failed(checkpoint(), failures, why, kind);
        follow(next, listener, next instanceof TickPolicy.Next.Arm a
                ? "could not go on (" + why + "); trying again in " + DurationText.format(a.delay()) : null);
    }

    /** Carries out the policy's decision after a failed tick; {@code note} is for the build log when it retries. */
    private void follow(TickPolicy.Next next, TaskListener listener, String note) {
        if (next instanceof TickPolicy.Next.Finish f) {
            // Given up: the marks come off (best effort), so that a new run need not wait for them to expire.
            finish(released(checkpoint(), listener), f.outcome(), run(), listener);
        } else if (next instanceof TickPolicy.Next.Abort a) {
            command(EngineCommand.abort(a.reason()));
        } else if (next instanceof TickPolicy.Next.Arm a) {
            if (note != null) listener.getLogger().println(stepName + ": " + note);
            synchronized (this) {
                if (!done) arm(a.delay().toMillis());
            }
        }
    }

    /**
     * Takes the deployment's ownership marks off through the same agent call as a tick, as the command line does when
     * it gives up. Best effort: a mark left behind runs out with its lease, and the build log says so.
     */
    private Checkpoint released(Checkpoint cp, TaskListener listener) {
        if (cp == null || cp.claim() == null || !cp.claim().holds()) return cp;
        PrintStream log = listener.getLogger();
        try {
            AgentChannel.Target where = AgentChannel.target(getContext(), onAgent);
            TickReply reply = AgentChannel.run(new TickCallable(JsonCodec.write(cp), credentials().resolve(access, run(),
                    where.inController()), EngineCommand.release(), ZoneId.systemDefault()), where);
            if (reply.failure() != null) throw new IllegalStateException(reply.failure());
            reply.eventLines().forEach(log::println);
            Checkpoint after = JsonCodec.readCheckpoint(reply.checkpointJson());
            synchronized (this) {
                checkpoint = after;
                checkpointJson = reply.checkpointJson();
            }
            return after;
        } catch (AgentChannel.AgentUnavailable | AccessRefused | RuntimeException e) {
            log.println(stepName + ": could not take the ownership marks off (" + e.getMessage() + "); they hold until "
                    + cp.claim().until() + ", then anyone may take over");
            return cp;
        }
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

    private Checkpoint checkpoint() {
        Checkpoint cp = checkpoint;
        if (cp == null && checkpointJson != null) {
            cp = JsonCodec.readCheckpoint(checkpointJson);
            checkpoint = cp;
        }
        return cp;
    }

    /** The short-lived credentials this execution holds in memory; null for none (no credential, or none issued yet). */
    SessionCredentials sessionInMemory() {
        return credentials().session();
    }

    private synchronized TickCredentials credentials() {
        if (credentials == null) credentials = new TickCredentials();
        return credentials;
    }

    private Run<?, ?> run() {
        try {
            return getContext().get(Run.class);
        } catch (IOException | InterruptedException e) {
            LOGGER.log(Level.FINE, "no run for " + id, e);
            return null;
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
}
