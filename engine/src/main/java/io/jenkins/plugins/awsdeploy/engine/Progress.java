package io.jenkins.plugins.awsdeploy.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Where a deployment stands at one instant, worked out from its checkpoint alone (no AWS call), so that a shell can
 * show it as often as it likes: the terminal's live line, a heartbeat in a log, the Jenkins build page and the step's
 * status all say the same, because none of them decides the words.
 *
 * @param at          the instant this describes
 * @param phase       what kind of thing is happening
 * @param doing       what is happening, in words: "baking step 2/3 at 50%"
 * @param waitStarted when the current wait began; null when nothing is being waited for
 * @param waitEnds    when the current wait ends by itself (the bake is over, the approval times out, the health wait
 *                    gives up); null when it has no end or nothing is being waited for
 * @param split       where production traffic is; null when the deployment moves no traffic or has not read it yet
 * @param sides       what the two numbers of the split are, e.g. {@code stable/new} or {@code blue/green}
 * @param alarms      each alarm's state at the last poll; empty when none are watched
 * @param next        what happens when the current phase is over, in words; empty when nothing follows
 */
public record Progress(Instant at, Phase phase, String doing, Instant waitStarted, Instant waitEnds, Split split,
                       String sides, Map<String, AlarmState> alarms, String next) {

    /** The kinds of moment a person may want to tell apart at a glance. */
    public enum Phase {
        /** Reading AWS before any change. */
        CHECKING,
        /** Making one change (traffic, a service, a tag), or about to. */
        CHANGING,
        /** Watching alarms for a set time with traffic where it is. */
        BAKING,
        WAITING_FOR_APPROVAL,
        /** Waiting for ECS to run a revision stably with healthy targets. */
        WAITING_FOR_SERVICE,
        ROLLING_BACK,
        FINISHED;

        /** The phase as a person reads it on a status line: {@code waiting for approval}. */
        public String words() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    private static final DateTimeFormatter CLOCK = ClockText.UTC;

    public Progress {
        alarms = alarms == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(alarms));
        next = next == null ? "" : next;
        sides = sides == null ? "stable/new" : sides;
    }

    /** Where {@code checkpoint} stands at {@code now}. */
    public static Progress of(Checkpoint checkpoint, Instant now) {
        try {
            return Strategies.progress(checkpoint, now);
        } catch (RuntimeException e) {
            // A checkpoint this cannot describe (a step beyond its plan) must not break a status page or a log:
            // the engine itself will say what is wrong with it at the next tick.
        }
        // A strategy that has not said how to describe itself still says where it is, as far as it can.
        String where;
        try {
            where = checkpoint.status();
        } catch (RuntimeException e) {
            where = "in a state that cannot be described (" + e.getMessage() + ")";
        }
        return new Progress(now, checkpoint.finished() ? Phase.FINISHED : Phase.CHANGING, where, null, null, null, null,
                Map.of(), "");
    }

    /** The same state at another instant: only the time left changes between two ticks. */
    public Progress at(Instant instant) {
        return new Progress(instant, phase, doing, waitStarted, waitEnds, split, sides, alarms, next);
    }

    /** The time until the current wait ends by itself, never negative; null when it has no end. */
    public Duration left() {
        if (waitEnds == null) return null;
        Duration d = Duration.between(at, waitEnds);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** {@link #left()} in whole seconds, rounded up as the words say it; null when the wait has no end. */
    public Long secondsLeft() {
        return waitEnds == null ? null : roundUp(left()).toSeconds();
    }

    /** How long the current wait has lasted so far; null when nothing is being waited for. */
    public Duration waited() {
        if (waitStarted == null) return null;
        Duration d = Duration.between(waitStarted, at);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** The share of the current wait that is behind, from 0 to 1; empty when the wait has no known start and end. */
    public OptionalDouble done() {
        if (waitStarted == null || waitEnds == null) return OptionalDouble.empty();
        long total = Duration.between(waitStarted, waitEnds).toMillis();
        if (total <= 0) return OptionalDouble.of(1);
        double share = (double) Duration.between(waitStarted, at).toMillis() / total;
        return OptionalDouble.of(Math.max(0, Math.min(1, share)));
    }

    /**
     * The time part alone: {@code 3m12s of 5m left}, {@code waiting 12m, no time limit}, or empty when nothing is
     * waited for.
     */
    public String timeWords() {
        if (waitEnds != null) {
            String left = DurationText.format(roundUp(left()));
            return waitStarted == null ? left + " left (until " + CLOCK.format(waitEnds) + ")"
                    : left + " of " + DurationText.format(roundUp(Duration.between(waitStarted, waitEnds))) + " left";
        }
        if (waitStarted != null) return "waiting " + DurationText.format(roundDown(waited())) + ", no time limit";
        return "";
    }

    /** The split as the log lines show it: {@code 50/50 (stable/new)}; empty when traffic is not involved. */
    public String splitWords() {
        return split == null ? "" : split + " (" + sides + ")";
    }

    /** {@code all 2 OK}, or each alarm that is not OK; empty when no alarm is watched. */
    public String alarmWords() {
        return alarms.isEmpty() ? "" : EventLine.alarms(alarms);
    }

    /**
     * Everything in one line, the way a log line reads:
     * {@code baking step 2/3 at 50%, 3m12s of 5m left | traffic 50/50 (stable/new) | alarms: all 2 OK | next: shift to 100%}.
     * The Jenkins step's status and the heartbeat lines are this sentence.
     */
    public String sentence() {
        StringBuilder b = new StringBuilder(doing);
        String time = timeWords();
        if (!time.isEmpty()) b.append(", ").append(time);
        if (split != null) b.append(" | traffic ").append(splitWords());
        if (!alarms.isEmpty()) b.append(" | alarms: ").append(alarmWords());
        if (!next.isEmpty()) b.append(" | next: ").append(next);
        return b.toString();
    }

    /** A wait of 4m59.2s reads "5m left": it is not over until it is. */
    private static Duration roundUp(Duration d) {
        long ms = d.toMillis();
        return Duration.ofSeconds((ms + 999) / 1000);
    }

    private static Duration roundDown(Duration d) {
        return Duration.ofSeconds(d.toSeconds());
    }

    /** {@code 14:05:00Z}: the moment a wait ends, for the "next" words. */
    public static String clock(Instant at) {
        return CLOCK.format(at);
    }
}
