package io.jenkins.plugins.awsdeploy.engine.canary;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * CodeDeploy's traffic-shifting configurations, by the names users already know. Canary: 10% first, the
 * rest after the interval. Linear: 10 more percent every interval.
 */
public enum Preset {
    CANARY_10_PERCENT_5_MINUTES("Canary10Percent5Minutes", List.of(10, 100), Duration.ofMinutes(5)),
    CANARY_10_PERCENT_15_MINUTES("Canary10Percent15Minutes", List.of(10, 100), Duration.ofMinutes(15)),
    LINEAR_10_PERCENT_EVERY_1_MINUTES("Linear10PercentEvery1Minutes", tens(), Duration.ofMinutes(1)),
    LINEAR_10_PERCENT_EVERY_3_MINUTES("Linear10PercentEvery3Minutes", tens(), Duration.ofMinutes(3)),
    ALL_AT_ONCE("AllAtOnce", List.of(100), Duration.ZERO);

    private final String name;
    private final List<Integer> steps;
    private final Duration interval;

    Preset(String name, List<Integer> steps, Duration interval) {
        this.name = name;
        this.steps = steps;
        this.interval = interval;
    }

    private static List<Integer> tens() {
        return IntStream.rangeClosed(1, 10).map(i -> i * 10).boxed().toList();
    }

    public String displayName() {
        return name;
    }

    public List<Integer> steps() {
        return steps;
    }

    /** The bake after each step unless the user gives one. */
    public Duration interval() {
        return interval;
    }

    /**
     * Accepts {@code Canary10Percent5Minutes}, {@code CodeDeployDefault.ECSCanary10Percent5Minutes},
     * {@code CodeDeployDefault.LambdaCanary10Percent5Minutes} and the like.
     */
    public static Optional<Preset> named(String text) {
        String bare = text.trim();
        if (bare.startsWith("CodeDeployDefault.")) bare = bare.substring("CodeDeployDefault.".length());
        if (bare.startsWith("ECS")) bare = bare.substring(3);
        if (bare.startsWith("Lambda")) bare = bare.substring("Lambda".length());
        String wanted = bare.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.name.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(Preset::displayName).collect(Collectors.joining(", "));
    }
}
