package io.jenkins.plugins.awsdeploy.engine;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a deployment leaves behind, as rows a shell prints or returns (the Jenkins step's return value, a report):
 * where it stood, the weight on each target group and the revision of each service. Maps keep their order.
 *
 * @param fields    {@code split}, {@code from}, {@code to}, {@code fromRevision}: those the strategy knows
 * @param weights   percent of traffic by target group ARN
 * @param revisions task definition by service name
 */
public record Summary(Map<String, String> fields, Map<String, Integer> weights, Map<String, String> revisions)
        implements Serializable {

    public Summary {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        revisions = Collections.unmodifiableMap(new LinkedHashMap<>(revisions));
    }

    public static final Summary EMPTY = new Summary(Map.of(), Map.of(), Map.of());
}
