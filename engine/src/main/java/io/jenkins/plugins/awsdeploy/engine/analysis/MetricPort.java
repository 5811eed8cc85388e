package io.jenkins.plugins.awsdeploy.engine.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** CloudWatch metrics, read for one analysis interval at a time. */
public interface MetricPort {

    /**
     * Reads every query over {@code [start, end)} with one GetMetricData call (more only if CloudWatch pages the
     * answer), at a period of the whole interval. A query whose metric has no data point in the interval is absent
     * from the answer: CloudWatch returns only buckets that hold data. Throws if the metrics cannot be read after the
     * client's retries, or CloudWatch reports a query as failed.
     */
    Map<String, Double> read(List<MetricQuery> queries, Instant start, Instant end);

    /** For ports built before the analysis existed: any read fails, as an unreadable metric must. */
    MetricPort NONE = (queries, start, end) -> {
        throw new IllegalStateException("no CloudWatch metrics client is configured");
    };

    /** The period an interval of this length is read at: the whole interval, in seconds. */
    static int period(Duration interval) {
        return Math.toIntExact(interval.toSeconds());
    }
}
