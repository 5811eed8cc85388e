package io.jenkins.plugins.awsdeploy.engine.aws;

import io.jenkins.plugins.awsdeploy.engine.Split;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The target groups of a forward action and their raw ALB weights, as AWS reports them.
 * A plain {@code TargetGroupArn} forward reads as that one group at weight 1.
 */
public record ForwardWeights(Map<String, Integer> weights) {

    public ForwardWeights {
        weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    public int weightOf(String targetGroupArn) {
        return weights.getOrDefault(targetGroupArn, 0);
    }

    /**
     * The split between the two groups in percent, if these weights are exactly a split between them:
     * no other group carries traffic and the weights normalise to whole percentages.
     */
    public Optional<Split> asSplit(String stable, String canary) {
        int s = weightOf(stable);
        int c = weightOf(canary);
        int total = s + c;
        boolean others = weights.entrySet().stream()
                .anyMatch(e -> e.getValue() > 0 && !e.getKey().equals(stable) && !e.getKey().equals(canary));
        if (others || total == 0 || (c * 100) % total != 0) {
            return Optional.empty();
        }
        return Optional.of(Split.canaryAt(c * 100 / total));
    }

    /**
     * These weights with the two groups set to {@code split}, every other group kept exactly as it was (a
     * leftover at weight 0 belongs to someone else, and dropping it would be a change nobody asked for).
     */
    public ForwardWeights withSplit(String stable, String canary, Split split) {
        Map<String, Integer> next = new LinkedHashMap<>(weights);
        next.put(stable, split.stable());
        next.put(canary, split.canary());
        return new ForwardWeights(next);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        weights.forEach((tg, w) -> b.append(b.length() == 0 ? "" : ", ").append(shortName(tg)).append('=').append(w));
        return b.length() == 0 ? "(no target groups)" : b.toString();
    }

    /** {@code arn:...:targetgroup/web-green/73e2d6bc24d8a067} reads as {@code web-green}. */
    public static String shortName(String targetGroupArn) {
        return AwsArn.shortName(targetGroupArn);
    }
}
