package io.jenkins.plugins.awsdeploy.engine.aws;

import java.io.Serializable;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One revision of a task definition family, however it was spelled. AWS reports ARNs, moto echoes what
 * it was given ({@code web:1}), and people type either: comparing refs instead of strings makes both
 * spellings of one revision equal. The account and region of an ARN are left out on purpose: a service
 * can only run task definitions of its own account and region.
 */
public record TaskDefinitionRef(String family, int revision) implements Serializable {

    /** ECS allows up to 255 letters, digits, hyphens and underscores in a family name. */
    private static final String FAMILY = "([A-Za-z0-9_-]{1,255})";
    private static final Pattern SHORT = Pattern.compile(FAMILY + ":(\\d{1,9})");
    private static final Pattern ARN = Pattern.compile(
            "arn:aws[a-z-]*:ecs:[a-z0-9-]+:\\d{12}:task-definition/" + FAMILY + ":(\\d{1,9})");

    public TaskDefinitionRef {
        if (family == null || !family.matches(FAMILY) || revision < 1) {
            throw new IllegalArgumentException("not a task definition revision: " + family + ":" + revision);
        }
    }

    /** {@code family:revision} or a task definition ARN; empty for anything else, a bare family included. */
    public static Optional<TaskDefinitionRef> parse(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim();
        Matcher m = SHORT.matcher(t);
        if (!m.matches()) m = ARN.matcher(t);
        if (!m.matches()) return Optional.empty();
        int revision = Integer.parseInt(m.group(2));
        return revision < 1 ? Optional.empty() : Optional.of(new TaskDefinitionRef(m.group(1), revision));
    }

    /** Like {@link #parse} but for text AWS itself reported, where anything else is a bug worth failing on. */
    public static TaskDefinitionRef of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not a task definition revision: " + text));
    }

    /** {@code web:5} for an ARN or {@code family:revision}, however it was spelled; anything else as given. */
    public static String shortName(String text) {
        return parse(text).map(TaskDefinitionRef::toString).orElse(String.valueOf(text));
    }

    /** Whether {@code text} (ARN or {@code family:revision}) names this revision; false for null or a bare family. */
    public boolean sameAs(String text) {
        return parse(text).map(this::equals).orElse(false);
    }

    @Override
    public String toString() {
        return family + ":" + revision;
    }
}
