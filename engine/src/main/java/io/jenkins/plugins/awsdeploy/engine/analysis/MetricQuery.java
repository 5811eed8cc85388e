package io.jenkins.plugins.awsdeploy.engine.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One CloudWatch metric statistic the analysis reads per interval.
 *
 * @param id         the query's id in the GetMetricData call: lowercase letter first, letters, digits and _
 * @param dimensions the exact dimension set the metric is published with (CloudWatch matches it exactly)
 * @param stat       {@code Sum} or {@code Average}
 */
public record MetricQuery(String id, String namespace, String metric, Map<String, String> dimensions, String stat) {

    public static final String SUM = "Sum";
    public static final String AVERAGE = "Average";

    public MetricQuery {
        dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
    }
}
