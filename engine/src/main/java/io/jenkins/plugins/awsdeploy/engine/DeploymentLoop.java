package io.jenkins.plugins.awsdeploy.engine;

import io.jenkins.plugins.awsdeploy.engine.aws.AwsFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Drives one deployment in a JVM: runs a tick, stores the checkpoint, shows the events, and arms a
 * timer for the next tick. Nothing waits on a thread in between, so a small scheduler pool carries
 * thousands of deployments. Commands (approve, decline, abort) are serialised with the ticks.
 */
public final class DeploymentLoop {

    /** Where the loop reports to: the shell prints events and stores each checkpoint before acting on it. */
    public interface Listener {
        void event(DeploymentEvent event);

        void save(Checkpoint checkpoint);
    }

    /** Consecutive ticks that may fail (e.g. AWS unreachable right after a restart) before giving up. */
    static final int MAX_FAILED_TICKS = 8;

    private final Engine engine;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final Listener listener;
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    private Checkpoint checkpoint;
    private ScheduledFuture<?> next;
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
        this.engine = engine;
        this.timer = timer;
        this.clock = clock;
        this.listener = listener;
    }

    /** Starts a new deployment, or continues a stored one ({@code resumed}) after reading AWS first. */
    public CompletableFuture<Outcome> start(Checkpoint initial, boolean resumed) {
        synchronized (this) {
            checkpoint = initial;
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
        String message = why + " before any change; nothing was changed in AWS";
        boolean stoppedNow;
        synchronized (gate) {
            stoppedNow = inCall != null && inCall.beforeAnyChange() && outcome.complete(new Outcome.Stopped(message));
        }
        if (stoppedNow) {
            tell(new DeploymentEvent(clock.instant(), EventKind.ABORT_REQUESTED, message, null, Map.of(), ""));
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
        timer.execute(() -> run(step));
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
            failedTicks++;
            if (failedTicks >= MAX_FAILED_TICKS) {
                Outcome gaveUp = gaveUp(AwsFailure.describe(e));
                checkpoint = engine.release(checkpoint, clock.instant());
                outcome.complete(gaveUp);
                return;
            }
            Duration backoff = Duration.ofSeconds(Math.min(30, 1L << failedTicks));
            tell(new DeploymentEvent(clock.instant(), EventKind.INFO, "could not go on: " + AwsFailure.describe(e),
                    null, null, "try again in " + DurationText.format(backoff)));
            arm(step, backoff.toMillis());
            return;
        }
        // Stopped while only checking: nothing was changed, and nothing this call decided may be acted on,
        // except the marks a preflight took, which come off again.
        if (!endCall()) {
            engine.release(tick.checkpoint(), clock.instant());
            return;
        }
        checkpoint = tick.checkpoint();
        boolean stored = true;
        try {
            listener.save(checkpoint);
        } catch (RuntimeException e) {
            stored = false;
            tell(new DeploymentEvent(clock.instant(), EventKind.INFO, "could not store the checkpoint: "
                    + AwsFailure.describe(e), null, null, stopping ? "" : "stop and put traffic back"));
        }
        tick.events().forEach(this::tell);
        if (!stored && !stopping && !checkpoint.finished()) {
            // Going on without a stored checkpoint would let a later resume start from an older one. Stopping
            // is asked for once; the rollback then runs its course even if the store stays broken.
            stopping = true;
            arm((c, now) -> engine.abort(c, "the checkpoint could not be stored", now), 0);
            return;
        }
        if (tick.wakeAt() == null) {
            outcome.complete(checkpoint.outcome().orElseThrow());
            return;
        }
        arm(engine::advance, Math.max(0, Duration.between(clock.instant(), tick.wakeAt()).toMillis()));
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

    /** Once anything may have changed in AWS, giving up is unsafe, and the message says where things stand. */
    private Outcome gaveUp(String why) {
        String message = "gave up after " + failedTicks + " failed attempts in a row (" + why + "); the deployment was "
                + checkpoint.status();
        boolean changedAnything = checkpoint.history().stream().anyMatch(e -> e.kind() == EventKind.SHIFTED
                || e.kind() == EventKind.SERVICE_UPDATED || e.kind() == EventKind.ROLLBACK_STARTED);
        return changedAnything ? new Outcome.Unsafe(message) : new Outcome.Failed(message);
    }

    private void arm(BiFunction<Checkpoint, Instant, Tick> step, long delayMillis) {
        if (next != null) next.cancel(false);
        next = timer.schedule(() -> run(step), delayMillis, TimeUnit.MILLISECONDS);
    }
}
