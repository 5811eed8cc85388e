package io.jenkins.plugins.awsdeploy.engine.params;

import io.jenkins.plugins.awsdeploy.engine.DurationText;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import java.time.Duration;
import java.util.List;

/**
 * One parameter of a deployment as a user gives it, declared once for both shells: its name (the engine's and the
 * Jenkins step's, camelCase), its type, what applies when it is not given, its limits and a line of help. The CLI's
 * options, the steps' setters, their forms and help files and docs/cli.md are checked against these declarations
 * by tests, so a parameter cannot drift between the shells.
 *
 * @param name         the engine's name, also the step's field: {@code approvalTimeout}
 * @param type         what kind of value it takes
 * @param option       its spelling on the command line ({@code --alarm} for {@code alarms}); null when the CLI has
 *                     no such option
 * @param step         whether the Jenkins steps take it
 * @param defaultValue what applies when it is not given, as a user would write it; null when nothing does
 * @param limits       the bounds beyond the type's own
 * @param help         one line saying what it is for
 */
public record Parameter(String name, Type type, String option, boolean step, String defaultValue, Limits limits,
                        String help) {

    /** What kind of value a parameter takes. */
    public enum Type {
        TEXT, ARN, DURATION, PERCENTS, NAMES, FLAG,
        /** A decimal or whole number. */
        NUMBER,
        /** Named settings that belong together: a map on the command line's side, a nested object in a Pipeline. */
        SETTINGS
    }

    /**
     * Bounds of a parameter beyond its type's.
     *
     * @param min      the shortest duration, null for none beyond zero
     * @param above    whether {@code min} itself is too short ("longer than 0s") rather than allowed ("at least 1s")
     * @param why      what a person is told after the bound, null for nothing
     * @param maxItems the most entries a list may have, 0 for no bound
     */
    public record Limits(Duration min, boolean above, String why, int maxItems) {
        public static final Limits NONE = new Limits(null, false, null, 0);

        public static Limits atLeast(Duration min) {
            return new Limits(min, false, null, 0);
        }

        public static Limits longerThan(Duration min, String why) {
            return new Limits(min, true, why, 0);
        }

        public static Limits items(int max) {
            return new Limits(null, false, null, max);
        }

        /** The problem with {@code d}, or null when it is within bounds. */
        String check(Duration d) {
            if (min == null) return null;
            boolean tooShort = above ? d.compareTo(min) <= 0 : d.compareTo(min) < 0;
            if (!tooShort) return null;
            return "must be " + (above ? "longer than " : "at least ") + DurationText.format(min)
                    + (why == null ? "" : ": " + why);
        }
    }

    static Parameter of(String name, Type type, String option, String defaultValue, Limits limits, String help) {
        return new Parameter(name, type, option, true, defaultValue, limits, help);
    }

    /** The same parameter as another strategy has it, with its own help line. */
    Parameter withHelp(String otherHelp) {
        return new Parameter(name, type, option, step, defaultValue, limits, otherHelp);
    }

    /** Whether the command line takes it. */
    public boolean cli() {
        return option != null;
    }

    /**
     * A duration parameter's value: {@code text}, else the declared default; checked against the limits. Adds a
     * problem naming the parameter and gives null when it is no duration or out of bounds; null without a problem
     * when it is not given and has no default.
     */
    public Duration duration(String text, List<Problem> problems) {
        String t = text != null ? text : defaultValue;
        if (t == null) return null;
        Duration d = DurationText.parse(name, t, problems);
        String wrong = d == null ? null : limits.check(d);
        if (wrong != null) {
            problems.add(new Problem(name, wrong));
            return null;
        }
        return d;
    }
}
