package io.jenkins.plugins.awsdeploy.engine.testing;

import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.JsonCodec;
import io.jenkins.plugins.awsdeploy.engine.Tick;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Runs a deployment in virtual time, the way the shells do in real time: tick, store, jump the clock to
 * the wake-up time, tick again. Every checkpoint goes through JSON, as it does in a state file, so a
 * test can "kill" the run after any tick and resume from what was stored.
 */
public final class Ticker {

    private final Engine engine;
    private final VirtualClock clock;
    private final List<String> stored = new ArrayList<>();
    private final List<DeploymentEvent> events = new ArrayList<>();
    private Checkpoint checkpoint;
    private Instant wakeAt;

    public Ticker(Engine engine, VirtualClock clock, Checkpoint start) {
        this.engine = engine;
        this.clock = clock;
        this.checkpoint = start;
        this.wakeAt = clock.instant();
    }

    /** One tick at the wake-up time. Returns false once the deployment has finished. */
    public boolean step() {
        if (wakeAt == null) return false;
        clock.set(wakeAt);
        return apply(engine.advance(checkpoint, clock.instant()));
    }

    /** Ticks until the deployment finishes or {@code until} holds after a tick; at most {@code max} ticks. */
    public Ticker runUntil(Predicate<Ticker> until, int max) {
        for (int i = 0; i < max && step(); i++) {
            if (until.test(this)) return this;
        }
        return this;
    }

    public Ticker runToEnd() {
        return runUntil(t -> false, 100_000);
    }

    /** What a shell does after a restart: load the last stored checkpoint and resume. */
    public Ticker restartFromStore() {
        checkpoint = JsonCodec.readCheckpoint(stored.get(stored.size() - 1));
        apply(engine.resume(checkpoint, clock.instant()));
        return this;
    }

    public boolean apply(Tick tick) {
        String json = JsonCodec.write(tick.checkpoint());
        stored.add(json);
        checkpoint = JsonCodec.readCheckpoint(json);
        events.addAll(tick.events());
        wakeAt = tick.wakeAt();
        return wakeAt != null;
    }

    public Checkpoint checkpoint() {
        return checkpoint;
    }

    public Engine engine() {
        return engine;
    }

    public VirtualClock clock() {
        return clock;
    }

    public Instant wakeAt() {
        return wakeAt;
    }

    public List<DeploymentEvent> events() {
        return events;
    }

    public int storedCount() {
        return stored.size();
    }
}
