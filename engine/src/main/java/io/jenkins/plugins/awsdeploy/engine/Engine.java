package io.jenkins.plugins.awsdeploy.engine;

import io.jenkins.plugins.awsdeploy.engine.aws.AwsPorts;
import io.jenkins.plugins.awsdeploy.engine.aws.FailFast;
import io.jenkins.plugins.awsdeploy.engine.ownership.Ownership;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

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
     * Reads the world, decides one step, acts, and says when to come back. Before every call the
     * deployment's ownership marks are checked when they could have lapsed (someone else's: it ends before the
     * strategy acts); after it they are renewed when due, and taken off once it has ended. A call that gets no
     * answer may cut the tick's later calls short only before anything was changed ({@link FailFast}).
     */
    public Tick advance(Checkpoint checkpoint, Instant now) {
        return around(checkpoint, now, false, (r, c) -> r.advance(c, now));
    }

    /** The first call after the process that ran the deployment was restarted: it also takes its marks again. */
    public Tick resume(Checkpoint checkpoint, Instant now) {
        return around(checkpoint, now, true, (r, c) -> r.resume(c, now));
    }

    public Tick approve(Checkpoint checkpoint, String who, Instant now) {
        return around(checkpoint, now, false, (r, c) -> r.approve(c, who, now));
    }

    public Tick decline(Checkpoint checkpoint, String who, Instant now) {
        return around(checkpoint, now, false, (r, c) -> r.decline(c, who, now));
    }

    /** Stops at any moment: rolls back if anything was changed, and ends Stopped. */
    public Tick abort(Checkpoint checkpoint, String why, Instant now) {
        return around(checkpoint, now, false, (r, c) -> r.abort(c, why, now));
    }

    /**
     * Takes the deployment's ownership marks off (best effort), for a shell that ends a deployment outside the
     * engine: it gave up after failed calls, or a stop dropped what a preflight had marked.
     */
    public Checkpoint release(Checkpoint checkpoint, Instant now) {
        return ownership.release(new Tick(checkpoint, List.of(), null), now).checkpoint();
    }

    /**
     * Every call: its marks checked (and a lapsed lease renewed) before the strategy acts on the checkpoint that
     * holds them, and kept after; fail-fast only while untouched.
     */
    private Tick around(Checkpoint checkpoint, Instant now, boolean resuming,
                        BiFunction<Reconciler<Checkpoint>, Checkpoint, Tick> call) {
        return FailFast.whileUntouched(checkpoint.beforeAnyChange(), () -> {
            Tick checked = ownership.before(checkpoint, now, resuming);
            Checkpoint cp = checked.checkpoint();
            if (cp.finished() && !checkpoint.finished()) return checked;
            return ownership.keep(call.apply(of(cp), cp), now, resuming);
        });
    }

    private Reconciler<Checkpoint> of(Checkpoint checkpoint) {
        return reconcilers.get(Strategies.of(checkpoint));
    }
}
