package io.jenkins.plugins.awsdeploy.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * What a shell does after each engine call: come back later, end, or ask the engine to stop. The command line's
 * {@link DeploymentLoop} and the Jenkins step decide the same way, so a deployment whose calls keep failing ends with
 * the same outcome wherever it runs; the shells only keep the count of failures, the timer and the storage.
 *
 * <p>Giving up is {@link Outcome.Failed} while the deployment has not changed anything ({@link
 * Checkpoint#beforeAnyChange()}), and {@link Outcome.Unsafe} once it may have: traffic then stays where the last
 * successful call left it, and only a person can tell whether that is where it should be.
 */
public final class TickPolicy {

    /** Consecutive failed calls (AWS unreachable, credentials not resolvable) before the deployment gives up. */
    public static final int MAX_FAILED_TICKS = 8;

    /** The longest wait between two attempts; the wait doubles from 2 s up to this. */
    static final Duration LONGEST_BACKOFF = Duration.ofSeconds(30);

    /** How often to look again while the machine that makes the calls (a Jenkins agent) cannot be reached. */
    public static final Duration UNREACHABLE_RETRY = Duration.ofSeconds(15);

    /** What to do next. */
    public sealed interface Next {
        /**
         * Call the engine again after {@code delay}.
         *
         * @param problem why the last call did not get through; null after one that did
         */
        record Arm(Duration delay, String problem) implements Next {
        }

        /** The deployment ended with {@code outcome}. */
        record Finish(Outcome outcome) implements Next {
        }

        /** Ask the engine to stop the deployment and put traffic back, for {@code reason}. */
        record Abort(String reason) implements Next {
        }
    }

    /** Whether waiting can make a failed call go through. */
    public enum Failure {
        /** AWS or the network failed, or an answer was lost: the next attempt may well work. */
        PASSING,
        /** Waiting alone will not help (a credential that does not exist); while nothing changed, end at once. */
        LASTING
    }

    private TickPolicy() {
    }

    /**
     * After a call that ran and whose checkpoint was stored.
     *
     * @param untilNext how long until the engine wants to be called again; null once it has finished
     */
    public static Next ran(Checkpoint checkpoint, Duration untilNext) {
        if (untilNext == null) {
            return new Next.Finish(checkpoint.outcome().orElseGet(() -> new Outcome.Failed("the engine ended without an outcome")));
        }
        return new Next.Arm(untilNext.isNegative() ? Duration.ZERO : untilNext, null);
    }

    /** {@link #ran(Checkpoint, Duration)} for a tick run in this JVM at {@code now}. */
    public static Next ran(Tick tick, Instant now) {
        return ran(tick.checkpoint(), tick.wakeAt() == null ? null : Duration.between(now, tick.wakeAt()));
    }

    /**
     * After a call that ran but whose checkpoint could not be stored. Going on would let a later resume start from an
     * older checkpoint, so the deployment is stopped and traffic put back; that is asked for once ({@code stopping}),
     * and the rollback then runs its course even if the store stays broken.
     */
    public static Next notStored(Checkpoint checkpoint, Duration untilNext, boolean stopping) {
        if (stopping || checkpoint.finished()) return ran(checkpoint, untilNext);
        return new Next.Abort("the checkpoint could not be stored");
    }

    /**
     * After a call that failed; the checkpoint is the one that call started from.
     *
     * @param failures failed calls in a row, this one included
     */
    public static Next failed(Checkpoint checkpoint, int failures, String why, Failure kind) {
        if (kind == Failure.LASTING && untouched(checkpoint)) return new Next.Finish(gaveUp(checkpoint, why));
        if (failures >= MAX_FAILED_TICKS) {
            return new Next.Finish(gaveUp(checkpoint, "gave up after " + failures + " failed attempts in a row (" + why + ")"));
        }
        return new Next.Arm(backoff(failures), why);
    }

    /**
     * While the machine that makes the calls cannot be reached: look again every {@link #UNREACHABLE_RETRY} until it
     * has been away for {@code patience}. Nothing is counted as a failed attempt meanwhile.
     */
    public static Next unreachable(Checkpoint checkpoint, Duration awayFor, Duration patience, String why) {
        if (awayFor.compareTo(patience) >= 0) {
            return new Next.Finish(gaveUp(checkpoint, "the agent did not come back within " + DurationText.format(patience)
                    + " (" + why + ")"));
        }
        return new Next.Arm(UNREACHABLE_RETRY, why);
    }

    /** The wait after {@code failures} failed attempts in a row: 2 s, 4 s, 8 s, ... up to {@link #LONGEST_BACKOFF}. */
    public static Duration backoff(int failures) {
        if (failures >= 5) return LONGEST_BACKOFF;
        return Duration.ofSeconds(Math.min(LONGEST_BACKOFF.toSeconds(), 1L << Math.max(1, failures)));
    }

    private static Outcome gaveUp(Checkpoint checkpoint, String why) {
        if (untouched(checkpoint)) return new Outcome.Failed(why + "; nothing was changed in AWS");
        return new Outcome.Unsafe(why + "; the deployment stopped where it was: " + checkpoint.status(), "");
    }

    private static boolean untouched(Checkpoint checkpoint) {
        return checkpoint == null || checkpoint.beforeAnyChange();
    }
}
