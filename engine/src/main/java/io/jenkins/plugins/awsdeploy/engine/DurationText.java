package io.jenkins.plugins.awsdeploy.engine;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in Jenkinsfiles and on command lines: {@code 30s}, {@code 5m}, {@code 1h}, {@code 1h30m}. */
public final class DurationText {

    private static final Pattern FORM = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    /**
     * The longest duration any parameter takes. A bake, poll or timeout beyond a week is a typo (an extra zero),
     * and far beyond it the arithmetic of deadlines overflows.
     */
    public static final Duration MAX = Duration.ofDays(7);

    private DurationText() {
    }

    /** Parses {@code text}, naming {@code parameter} in the error. */
    public static Duration parse(String parameter, String text) {
        String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        Matcher m = FORM.matcher(t);
        if (t.isEmpty() || !m.matches()) {
            throw new InvalidInputException(List.of(new Problem(parameter,
                    "'" + text + "' is not a duration; write it like 30s, 5m, 1h or 1h30m")));
        }
        Duration d;
        try {
            d = Duration.ZERO;
            if (m.group(1) != null) d = d.plusHours(Long.parseLong(m.group(1)));
            if (m.group(2) != null) d = d.plusMinutes(Long.parseLong(m.group(2)));
            if (m.group(3) != null) d = d.plusSeconds(Long.parseLong(m.group(3)));
        } catch (NumberFormatException | ArithmeticException tooManyDigits) {
            d = null;
        }
        if (d == null || d.compareTo(MAX) > 0) {
            throw new InvalidInputException(List.of(new Problem(parameter,
                    "'" + text + "' is longer than " + MAX.toDays() + " days (" + format(MAX) + "), the most any duration may be")));
        }
        return d;
    }

    /**
     * Like {@link #parse(String, String)}, but a text that is no duration adds its problem and gives null, so that a
     * request can check all its parameters before it reports.
     */
    public static Duration parse(String parameter, String text, List<Problem> problems) {
        try {
            return parse(parameter, text);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    /** The inverse of {@link #parse(String, String)}: {@code 1h30m}, {@code 45s}, {@code 0s}. */
    public static String format(Duration d) {
        long s = d.toSeconds();
        if (s == 0) return d.isZero() ? "0s" : d.toMillis() + "ms";
        StringBuilder b = new StringBuilder();
        if (s >= 3600) b.append(s / 3600).append('h');
        if (s % 3600 >= 60) b.append(s % 3600 / 60).append('m');
        if (s % 60 > 0) b.append(s % 60).append('s');
        return b.toString();
    }
}
