package io.jenkins.plugins.awsdeploy.engine;

import io.jenkins.plugins.awsdeploy.engine.aws.AwsFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiFunction;

/**
 * Drives one deployment in a JVM: runs a tick, stores the checkpoint, shows the events, and arms a
 * timer for the next tick. Nothing waits on a thread in between, so a small scheduler pool carries
 * thousands of deployments. Commands (approve, decline, abort) are serialised with the ticks. What happens after
 * a call (come back later, end, stop) is {@link TickPolicy}'s decision, the same as in the Jenkins step.
 */
public final class DeploymentLoop {

    /** Where the loop reports to: the shell prints events and stores each checkpoint before acting on it. */
    public interface Listener {
        void event(DeploymentEvent event);

        void save(Checkpoint checkpoint);
    }

    private final Engine engine;
    private final TickTimer timer;
    private final Clock clock;
    private final Listener listener;
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    private Checkpoint checkpoint;
    /** Cancels the armed call; null while none is armed. */
    private Runnable next;
    private int failedTicks;
    /** Set once a checkpoint could not be stored: the deployment is then being stopped, not stopped again. */
    private boolean stopping;
    /**
     * The checkpoint the running call started from; null between calls. Guarded by {@link #gate}, not by the
     * loop's lock, which the running call holds: a stop must be able to look while a call hangs.
     */
    private Checkpoint inCall;
    private final Object gate = new Object();

    public DeploymentLoop(Engine engine, ScheduledExecutorService timer, Clock clock, Listener listener) {
        this(engine, TickTimer.of(timer), clock, listener);
    }

    public DeploymentLoop(Engine engine, TickTimer timer, Clock clock, Listener listener) {
        this.engine = engine;
        this.timer = timer;
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * Starts a new deployment, or continues a stored one ({@code resumed}) after reading AWS first. A new one is
     * stored before its first call, which marks the resources as its own: a process killed before the next store
     * then leaves a checkpoint that resumes as the same deployment, instead of marks that lock every rerun out until
     * their lease runs out.
     */
    public CompletableFuture<Outcome> start(Checkpoint initial, boolean resumed) {
        synchronized (this) {
            checkpoint = initial;
        }
        if (!resumed) {
            try {
                listener.save(initial);
            } catch (RuntimeException e) {
                outcome.complete(new Outcome.Failed("could not store the checkpoint before starting: "
                        + AwsFailure.describe(e) + "; nothing was changed in AWS"));
                return outcome;
            }
        }
        submit(resumed ? engine::resume : engine::advance);
        return outcome;
    }

    public void approve(String who) {
        submit((c, now) -> engine.approve(c, who, now));
    }

    public void decline(String who) {
        submit((c, now) -> engine.decline(c, who, now));
    }

    /**
     * Stops the deployment. While it only checks, nothing needs undoing, so the stop ends it at once even if the
     * running call is stuck on an endpoint that does not answer; what that call finds is dropped. Once anything
     * may have changed, the stop waits its turn like every command, and the engine puts traffic back.
     */
    public void abort(String why) {
        Outcome stopped = new Outcome.Stopped(new Cause.Aborted(why), new Restored.Untouched());
        boolean stoppedNow;
        synchronized (gate) {
            stoppedNow = inCall != null && inCall.beforeAnyChange() && outcome.complete(stopped);
        }
        if (stoppedNow) {
            tell(new DeploymentEvent(clock.instant(), EventKind.ABORT_REQUESTED, stopped.message(), null, Map.of(), ""));
            return;
        }
        submit((c, now) -> engine.abort(c, why, now));
    }

    public synchronized Checkpoint checkpoint() {
        return checkpoint;
    }

    public CompletableFuture<Outcome> outcome() {
        return outcome;
    }

    private void submit(BiFunction<Checkpoint, Instant, Tick> step) {
        timer.after(Duration.ZERO, () -> run(step));
    }

    private synchronized void run(BiFunction<Checkpoint, Instant, Tick> step) {
        synchronized (gate) {
            if (outcome.isDone()) return;
            inCall = checkpoint;
        }
        Tick tick;
        try {
            tick = step.apply(checkpoint, clock.instant());
            failedTicks = 0;
        } catch (RuntimeException e) {
            if (!endCall()) return;
            TickPolicy.Next decision = TickPolicy.failed(checkpoint, ++failedTicks, AwsFailure.describe(e),
                    TickPolicy.Failure.PASSING);
            // Given up: the marks come off (best effort), so that a new run need not wait for them to expire.
            if (decision instanceof TickPolicy.Next.Finish) checkpoint = engine.release(checkpoint, clock.instant());
            act(decision, step);
            return;
        }
        // Stopped while only checking: nothing was changed, and nothing this call decided may be acted on,
        // except the marks a preflight took, which come off again.
        if (!endCall()) {
            engine.release(tick.checkpoint(), clock.instant());
            return;
        }
        checkpoint = tick.checkpoint();
        Duration untilNext = tick.wakeAt() == null ? null : Duration.between(clock.instant(), tick.wakeAt());
        TickPolicy.Next decision;
        try {
            listener.save(checkpoint);
            decision = TickPolicy.ran(checkpoint, untilNext);
        } catch (RuntimeException e) {
            decision = TickPolicy.notStored(checkpoint, untilNext, stopping);
            tell(new DeploymentEvent(clock.instant(), EventKind.INFO, "could not store the checkpoint: " + AwsFailure.describe(e),
                    null, null, decision instanceof TickPolicy.Next.Abort ? "stop and put traffic back" : ""));
        }
        tick.events().forEach(this::tell);
        act(decision, engine::advance);
    }

    /** Carries out the policy's decision; {@code retry} is the call to make again after a failure. */
    private void act(TickPolicy.Next decision, BiFunction<Checkpoint, Instant, Tick> retry) {
        if (decision instanceof TickPolicy.Next.Finish f) {
            cancelArmed();
            outcome.complete(f.outcome());
        } else if (decision instanceof TickPolicy.Next.Abort a) {
            stopping = true;
            arm((c, now) -> engine.abort(c, a.reason(), now), Duration.ZERO);
        } else if (decision instanceof TickPolicy.Next.Arm a && a.problem() != null) {
            tell(new DeploymentEvent(clock.instant(), EventKind.INFO, "could not go on: " + a.problem(),
                    null, null, "try again in " + DurationText.format(a.delay())));
            arm(retry, a.delay());
        } else if (decision instanceof TickPolicy.Next.Arm a) {
            arm(engine::advance, a.delay());
        }
    }

    /** Marks the call as over; false if the deployment was stopped meanwhile. */
    private boolean endCall() {
        synchronized (gate) {
            inCall = null;
            return !outcome.isDone();
        }
    }

    /** A printer that fails must not stop a deployment, least of all a rollback. */
    private void tell(DeploymentEvent event) {
        try {
            listener.event(event);
        } catch (RuntimeException ignored) {
            // the event is in the checkpoint's history all the same
        }
    }

    private void arm(BiFunction<Checkpoint, Instant, Tick> step, Duration delay) {
        cancelArmed();
        next = timer.after(delay, () -> run(step));
    }

    private void cancelArmed() {
        if (next != null) next.run();
        next = null;
    }
}
