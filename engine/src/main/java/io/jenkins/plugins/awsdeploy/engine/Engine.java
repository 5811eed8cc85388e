package io.jenkins.plugins.awsdeploy.engine;

import io.jenkins.plugins.awsdeploy.engine.aws.AwsPorts;
import io.jenkins.plugins.awsdeploy.engine.aws.FailFast;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenDeployment;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryDeployment;
import io.jenkins.plugins.awsdeploy.engine.ecs.EcsRollback;
import io.jenkins.plugins.awsdeploy.engine.ecs.RollbackCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.ownership.Ownership;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one entry point the shells use: whatever the strategy, a checkpoint goes in and a {@link Tick}
 * comes out. Stateless apart from the ports, so one engine can drive any number of deployments.
 */
public final class Engine {

    private final CanaryDeployment canary;
    private final BlueGreenDeployment blueGreen;
    private final EcsRollback rollback;
    private final Ownership ownership;

    /** Events are timed by the system clock: when each happened, not when its call began. */
    public Engine(AwsPorts ports) {
        this(ports, Clock.systemUTC());
    }

    /** @param clock the clock the shell drives the deployment by (a virtual one in tests), to time each event */
    public Engine(AwsPorts ports, Clock clock) {
        this.ownership = new Ownership(ports.leases());
        this.canary = new CanaryDeployment(ports.traffic(), ports.alarms(), ownership, clock);
        this.blueGreen = new BlueGreenDeployment(ports.ecs(), ports.traffic(), ports.alarms(), ownership, clock);
        this.rollback = new EcsRollback(ports.ecs(), ownership, clock);
    }

    /**
     * Reads the world, decides one step, acts, and says when to come back. Before every call the
     * deployment's ownership marks are checked when they could have lapsed (someone else's: it ends before the
     * strategy acts); after it they are renewed when due, and taken off once it has ended. A call that gets no
     * answer may cut the tick's later calls short only before anything was changed ({@link FailFast}).
     */
    public Tick advance(Checkpoint checkpoint, Instant now) {
        return around(checkpoint, now, false, () -> advanceStrategy(checkpoint, now));
    }

    /** The first call after the process that ran the deployment was restarted: it also takes its marks again. */
    public Tick resume(Checkpoint checkpoint, Instant now) {
        return around(checkpoint, now, true, () -> resumeStrategy(checkpoint, now));
    }

    public Tick approve(Checkpoint checkpoint, String who, Instant now) {
        return around(checkpoint, now, false, () -> approveStrategy(checkpoint, who, now));
    }

    public Tick decline(Checkpoint checkpoint, String who, Instant now) {
        return around(checkpoint, now, false, () -> declineStrategy(checkpoint, who, now));
    }

    /** Stops at any moment: rolls back if anything was changed, and ends Stopped. */
    public Tick abort(Checkpoint checkpoint, String why, Instant now) {
        return around(checkpoint, now, false, () -> abortStrategy(checkpoint, why, now));
    }

    /**
     * Takes the deployment's ownership marks off (best effort), for a shell that ends a deployment outside the
     * engine: it gave up after failed calls, or a stop dropped what a preflight had marked.
     */
    public Checkpoint release(Checkpoint checkpoint, Instant now) {
        return ownership.release(new Tick(checkpoint, List.of(), null), now).checkpoint();
    }

    /** Every call: its marks checked before the strategy acts and kept after; fail-fast only while untouched. */
    private Tick around(Checkpoint checkpoint, Instant now, boolean resuming, Supplier<Tick> strategy) {
        return FailFast.whileUntouched(checkpoint.beforeAnyChange(), () -> ownership.before(checkpoint, now, resuming)
                .orElseGet(() -> ownership.keep(strategy.get(), now, resuming)));
    }

    private Tick advanceStrategy(Checkpoint checkpoint, Instant now) {
        if (checkpoint instanceof BlueGreenCheckpoint b) return blueGreen.advance(b, now);
        if (checkpoint instanceof RollbackCheckpoint r) return rollback.advance(r, now);
        return canary.advance(canary(checkpoint), now);
    }

    private Tick resumeStrategy(Checkpoint checkpoint, Instant now) {
        if (checkpoint instanceof BlueGreenCheckpoint b) return blueGreen.resume(b, now);
        if (checkpoint instanceof RollbackCheckpoint r) return rollback.resume(r, now);
        return canary.resume(canary(checkpoint), now);
    }

    private Tick approveStrategy(Checkpoint checkpoint, String who, Instant now) {
        if (checkpoint instanceof BlueGreenCheckpoint b) return blueGreen.approve(b, who, now);
        if (checkpoint instanceof RollbackCheckpoint r) return rollback.approve(r, who, now);
        return canary.approve(canary(checkpoint), who, now);
    }

    private Tick declineStrategy(Checkpoint checkpoint, String who, Instant now) {
        if (checkpoint instanceof BlueGreenCheckpoint b) return blueGreen.decline(b, who, now);
        if (checkpoint instanceof RollbackCheckpoint r) return rollback.decline(r, who, now);
        return canary.decline(canary(checkpoint), who, now);
    }

    private Tick abortStrategy(Checkpoint checkpoint, String why, Instant now) {
        if (checkpoint instanceof BlueGreenCheckpoint b) return blueGreen.abort(b, why, now);
        if (checkpoint instanceof RollbackCheckpoint r) return rollback.abort(r, why, now);
        return canary.abort(canary(checkpoint), why, now);
    }

    private static CanaryCheckpoint canary(Checkpoint checkpoint) {
        if (checkpoint instanceof CanaryCheckpoint c) return c;
        throw new IllegalArgumentException("no strategy handles " + checkpoint.getClass().getSimpleName());
    }
}
