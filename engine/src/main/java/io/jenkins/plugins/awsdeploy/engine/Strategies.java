package io.jenkins.plugins.awsdeploy.engine;

import io.jenkins.plugins.awsdeploy.engine.aws.AwsPorts;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenStrategy;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryStrategy;
import io.jenkins.plugins.awsdeploy.engine.ecs.RollbackStrategy;
import io.jenkins.plugins.awsdeploy.engine.ownership.Ownership;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every strategy the engine knows, and the one place that finds a checkpoint's strategy. The engine, the JSON codec
 * and the shells ask here instead of testing a checkpoint's class, so adding a strategy is one line in {@link #ALL}.
 */
public final class Strategies {

    private static final List<Strategy<?>> ALL = List.of(new CanaryStrategy(), new BlueGreenStrategy(),
            new RollbackStrategy());

    private Strategies() {
    }

    public static List<Strategy<?>> all() {
        return ALL;
    }

    /** The strategy that owns {@code checkpoint}; a checkpoint of no known strategy is a programming error. */
    public static Strategy<?> of(Checkpoint checkpoint) {
        for (Strategy<?> s : ALL) {
            if (s.checkpointType() == checkpoint.getClass()) return s;
        }
        throw new IllegalArgumentException("no strategy handles " + checkpoint.getClass().getSimpleName());
    }

    /**
     * {@code checkpoint} as {@code type}, when that is the checkpoint type of its strategy: for the shell of one
     * strategy (ecs-rollback's time to restore), which may read its own checkpoint. Empty for null or another kind.
     */
    public static <C extends Checkpoint> Optional<C> as(Class<C> type, Checkpoint checkpoint) {
        if (checkpoint == null || of(checkpoint).checkpointType() != type) return Optional.empty();
        return Optional.of(type.cast(checkpoint));
    }

    public static boolean same(Checkpoint a, Checkpoint b) {
        return of(a) == of(b);
    }

    public static String type(Checkpoint checkpoint) {
        return of(checkpoint).type();
    }

    public static Progress progress(Checkpoint checkpoint, Instant now) {
        return progress(of(checkpoint), checkpoint, now);
    }

    public static String title(Checkpoint checkpoint) {
        return title(of(checkpoint), checkpoint);
    }

    public static Object identity(Checkpoint checkpoint) {
        return identity(of(checkpoint), checkpoint);
    }

    public static Optional<String> from(Checkpoint checkpoint) {
        return from(of(checkpoint), checkpoint);
    }

    public static Optional<String> to(Checkpoint checkpoint) {
        return to(of(checkpoint), checkpoint);
    }

    public static List<Resource> resources(Checkpoint checkpoint) {
        return resources(of(checkpoint), checkpoint);
    }

    public static Summary summary(Checkpoint checkpoint) {
        return summary(of(checkpoint), checkpoint);
    }

    /** The strategy's reconciler, taking any checkpoint of that strategy. */
    static <C extends Checkpoint> Reconciler<Checkpoint> reconciler(Strategy<C> s, AwsPorts ports, Ownership ownership,
                                                                    Clock clock) {
        Reconciler<C> r = s.reconciler(ports, ownership, clock);
        Class<C> type = s.checkpointType();
        return new Reconciler<>() {
            public Tick advance(Checkpoint c, Instant now) {
                return r.advance(type.cast(c), now);
            }

            public Tick resume(Checkpoint c, Instant now) {
                return r.resume(type.cast(c), now);
            }

            public Tick approve(Checkpoint c, String who, Instant now) {
                return r.approve(type.cast(c), who, now);
            }

            public Tick decline(Checkpoint c, String who, Instant now) {
                return r.decline(type.cast(c), who, now);
            }

            public Tick abort(Checkpoint c, String why, Instant now) {
                return r.abort(type.cast(c), why, now);
            }
        };
    }

    // Each helper below casts to the strategy's own checkpoint type once, where the strategy has been found by it.

    private static <C extends Checkpoint> Progress progress(Strategy<C> s, Checkpoint c, Instant now) {
        return s.progress(s.checkpointType().cast(c), now);
    }

    private static <C extends Checkpoint> String title(Strategy<C> s, Checkpoint c) {
        return s.title(s.checkpointType().cast(c));
    }

    private static <C extends Checkpoint> Object identity(Strategy<C> s, Checkpoint c) {
        return s.identity(s.checkpointType().cast(c));
    }

    private static <C extends Checkpoint> Optional<String> from(Strategy<C> s, Checkpoint c) {
        return s.from(s.checkpointType().cast(c));
    }

    private static <C extends Checkpoint> Optional<String> to(Strategy<C> s, Checkpoint c) {
        return s.to(s.checkpointType().cast(c));
    }

    private static <C extends Checkpoint> List<Resource> resources(Strategy<C> s, Checkpoint c) {
        return s.resources(s.checkpointType().cast(c));
    }

    private static <C extends Checkpoint> Summary summary(Strategy<C> s, Checkpoint c) {
        return s.summary(s.checkpointType().cast(c));
    }
}
