package io.jenkins.plugins.awsdeploy.engine.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where time and traffic land on the picture, and which time ticks to print.
 *
 * @param start the first event, drawn at the left edge of the plot
 * @param span  the time the plot's width stands for
 */
record PlotArea(Instant start, Duration span) {

    static final double LEFT = 60, RIGHT = 876, TOP = 96, BOTTOM = 290;

    /** Round steps in seconds a reader can add up in their head. */
    private static final long[] TICK_STEPS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400};
    private static final int MAX_TICKS = 8;

    /** A span too short to read (one event, or a burst within a second) is widened rather than stretched. */
    static PlotArea covering(Instant start, Instant end) {
        Duration span = Duration.between(start, end);
        return new PlotArea(start, span.compareTo(Duration.ofSeconds(10)) < 0 ? Duration.ofSeconds(10) : span);
    }

    double xOf(Instant at) {
        return LEFT + (RIGHT - LEFT) * Duration.between(start, at).toMillis() / span.toMillis();
    }

    static double yOf(double percent) {
        return BOTTOM - (BOTTOM - TOP) * percent / 100;
    }

    /** Tick positions as seconds since the start. */
    List<Long> tickSeconds() {
        long total = span.toSeconds();
        long step = TICK_STEPS[TICK_STEPS.length - 1];
        for (long candidate : TICK_STEPS) {
            if (total / candidate <= MAX_TICKS) {
                step = candidate;
                break;
            }
        }
        List<Long> ticks = new ArrayList<>();
        for (long t = 0; t <= total; t += step) {
            ticks.add(t);
        }
        return ticks;
    }

    /** Runs of an hour or more are read in hours and minutes; shorter ones in minutes and seconds. */
    boolean inHours() {
        return span.toSeconds() >= 3600;
    }

    String tickLabel(long seconds) {
        return inHours() ? String.format(Locale.ROOT, "%d:%02d", seconds / 3600, seconds / 60 % 60) : elapsed(seconds);
    }

    /** Elapsed time as m:ss, or h:mm:ss past the hour. */
    static String elapsed(long seconds) {
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
