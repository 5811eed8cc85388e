package io.jenkins.plugins.awsdeploy.engine.aws;

import java.util.Map;

/** How many targets of a group are in each state ({@code healthy}, {@code unhealthy}, {@code initial}, ...). */
public record TargetHealthSummary(Map<String, Integer> byState) {

    public TargetHealthSummary {
        byState = Map.copyOf(byState);
    }

    public int total() {
        return byState.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int healthy() {
        return byState.getOrDefault("healthy", 0);
    }

    /** At least one target, and all of them healthy. */
    public boolean allHealthy() {
        return total() > 0 && healthy() == total();
    }

    @Override
    public String toString() {
        return healthy() + "/" + total() + " healthy" + (allHealthy() || total() == 0 ? "" : " " + byState);
    }
}
