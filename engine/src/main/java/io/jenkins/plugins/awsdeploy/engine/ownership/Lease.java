package io.jenkins.plugins.awsdeploy.engine.ownership;

import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The ownership marker stored with a resource a deployment drives (tags on a listener, a rule, an ECS
 * service): which deployment, who runs it, and until when it holds the resource unless renewed.
 */
public record Lease(String deploymentId, String owner, Instant until) implements Serializable {

    public static final String DEPLOYMENT_KEY = "aws-deploy:deployment";
    public static final String OWNER_KEY = "aws-deploy:owner";
    public static final String UNTIL_KEY = "aws-deploy:lease-until";

    /** Tag values allow letters, digits, spaces and {@code _ . : / = + - @}; anything else becomes '_'. */
    private static final int MAX_VALUE = 256;

    public boolean expiredAt(Instant now) {
        return !now.isBefore(until);
    }

    /** {@code deployment 3f2a... of jenkins.example.com build 42, lease until 2026-12-03T14:30:00Z}. */
    public String describe() {
        return "deployment " + deploymentId + " of " + owner + " (lease until " + until + ")";
    }

    public Map<String, String> toTags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(DEPLOYMENT_KEY, tagValue(deploymentId));
        tags.put(OWNER_KEY, tagValue(owner));
        tags.put(UNTIL_KEY, until.toString());
        return tags;
    }

    /**
     * The marker in a resource's tags, if it carries one. A marker whose time cannot be read counts as
     * expired at once: it still names its deployment, but holds nothing.
     */
    public static Optional<Lease> fromTags(Map<String, String> tags) {
        String id = tags.get(DEPLOYMENT_KEY);
        if (id == null || id.isBlank()) return Optional.empty();
        Instant until;
        try {
            until = Instant.parse(tags.getOrDefault(UNTIL_KEY, ""));
        } catch (DateTimeParseException e) {
            until = Instant.EPOCH;
        }
        return Optional.of(new Lease(id, tags.getOrDefault(OWNER_KEY, "an unknown owner"), until));
    }

    /** What the resource's tags can hold of a value: the allowed characters, at most 256 of them. */
    static String tagValue(String text) {
        String clean = text.replaceAll("[^\\p{L}\\p{N} _.:/=+\\-@]", "_");
        return clean.length() <= MAX_VALUE ? clean : clean.substring(0, MAX_VALUE);
    }
}
