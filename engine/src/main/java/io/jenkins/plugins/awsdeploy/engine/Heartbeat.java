package io.jenkins.plugins.awsdeploy.engine;

import io.jenkins.plugins.awsdeploy.engine.params.CommonParameters;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When a log that cannot redraw (a CI log, a pipe, a Jenkins build log) gets a line saying where the deployment is:
 * whenever {@code every} has passed without any line, so that a reader never sees a longer silence and can tell a
 * healthy wait from a hung one, while a busy stretch of events gets no extra lines. Both shells use it.
 *
 * <p>A shell asks {@link #due} while the deployment waits for its next tick, not when a tick is due at once: that tick
 * tells its own event. Not thread-safe: a shell calls it from the one thread that writes its log.
 */
public final class Heartbeat {

    /** What both shells use unless told otherwise. */
    public static final Duration DEFAULT = DurationText.parse("heartbeat", CommonParameters.HEARTBEAT.defaultValue());
    /** More often than this the heartbeats would drown the events they are meant to stand between. */
    static final Duration MIN = Duration.ofSeconds(1);
    /** Beyond this a "heartbeat" no longer tells a reader anything. */
    static final Duration MAX = Duration.ofDays(1);

    private final Duration every;
    private Instant lastLine;

    /**
     * @param every zero for no heartbeat at all
     * @param start when the log began: the first heartbeat comes {@code every} after it unless a line comes first
     */
    public Heartbeat(Duration every, Instant start) {
        this.every = every;
        this.lastLine = start;
    }

    /**
     * Parses the {@code heartbeat} parameter: a duration like {@code 1m} or {@code 30s}, or {@code 0} for none.
     *
     * @param text null or blank for {@link #DEFAULT}
     * @throws InvalidInputException naming {@code parameter}
     */
    public static Duration parse(String parameter, String text) {
        if (text == null || text.isBlank()) return DEFAULT;
        if (text.trim().equals("0")) return Duration.ZERO;
        Duration d;
        try {
            d = DurationText.parse(parameter, text);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new InvalidInputException(List.of(new Problem(parameter, "'" + text.trim() + "' is far too long; "
                    + "write it like 1m or 30s, or 0 for none")));
        }
        if (d.isZero()) return d;
        if (d.compareTo(MIN) < 0 || d.compareTo(MAX) > 0) {
            throw new InvalidInputException(List.of(new Problem(parameter, "'" + text.trim() + "' is outside "
                    + DurationText.format(MIN) + ".." + DurationText.format(MAX) + "; write it like 1m or 30s, or 0 for none")));
        }
        return d;
    }

    public boolean off() {
        return every.isZero();
    }

    public Duration every() {
        return every;
    }

    /** A line was written to the log at {@code at} (an event, a heartbeat, a note): the silence starts again. */
    public void wrote(Instant at) {
        if (at.isAfter(lastLine)) lastLine = at;
    }

    /** Whether a heartbeat is due at {@code now}. When it is, the caller writes it and calls {@link #wrote}. */
    public boolean due(Instant now) {
        return !off() && !now.isBefore(lastLine.plus(every));
    }

    /** When the next heartbeat is due if nothing is written before; null when there are none. */
    public Instant nextDue() {
        return off() ? null : lastLine.plus(every);
    }
}
