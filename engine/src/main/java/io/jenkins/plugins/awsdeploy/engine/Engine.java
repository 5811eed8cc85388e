package io.jenkins.plugins.awsdeploy.engine;

import io.jenkins.plugins.awsdeploy.engine.aws.AwsPorts;
import io.jenkins.plugins.awsdeploy.engine.ownership.Ownership;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one entry point the shells use: whatever the strategy, a checkpoint goes in and a {@link Tick}
 * comes out. Stateless apart from the ports, so one engine can drive any number of deployments.
 * Each checkpoint goes to the reconciler of the strategy that owns it ({@link Strategies}).
 */
public final class Engine {

    private final Map<Strategy<?>, Reconciler<Checkpoint>> reconcilers = new LinkedHashMap<>();
    private final Ownership ownership;

    /** Events are timed by the system clock: when each happened, not when its call began. */
    public Engine(AwsPorts ports) {
        this(ports, Clock.systemUTC());
    }

    /** @param clock the clock the shell drives the deployment by (a virtual one in tests), to time each event */
    public Engine(AwsPorts ports, Clock clock) {
        this.ownership = new Ownership(ports.leases());
        for (Strategy<?> s : Strategies.all()) {
            reconcilers.put(s, Strategies.reconciler(s, ports, ownership, clock));
        }
    }

    /**
     * Reads the world, decides one step, acts, and says when to come back. Around every call the
     * deployment's ownership marks are renewed when due, and taken off once it has ended.
     */
    public Tick advance(Checkpoint checkpoint, Instant now) {
        return ownership.keep(of(checkpoint).advance(checkpoint, now), now, false);
    }

    /** The first call after the process that ran the deployment was restarted: it also takes its marks again. */
    public Tick resume(Checkpoint checkpoint, Instant now) {
        return ownership.keep(of(checkpoint).resume(checkpoint, now), now, true);
    }

    public Tick approve(Checkpoint checkpoint, String who, Instant now) {
        return ownership.keep(of(checkpoint).approve(checkpoint, who, now), now, false);
    }

    public Tick decline(Checkpoint checkpoint, String who, Instant now) {
        return ownership.keep(of(checkpoint).decline(checkpoint, who, now), now, false);
    }

    /** Stops at any moment: rolls back if anything was changed, and ends Stopped. */
    public Tick abort(Checkpoint checkpoint, String why, Instant now) {
        return ownership.keep(of(checkpoint).abort(checkpoint, why, now), now, false);
    }

    private Reconciler<Checkpoint> of(Checkpoint checkpoint) {
        return reconcilers.get(Strategies.of(checkpoint));
    }
}
