package io.jenkins.plugins.awsdeploy.engine.aws;

import io.jenkins.plugins.awsdeploy.engine.analysis.MetricPort;
import io.jenkins.plugins.awsdeploy.engine.analysis.MetricQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * {@link MetricPort} on CloudWatch: one GetMetricData call for all queries of an interval, at a period of the whole
 * interval, so each query answers with at most one value. No metric math: the engine computes rates and ratios from
 * the raw statistics itself.
 */
final class CloudWatchMetrics implements MetricPort {

    private final CloudWatchClient cloudWatch;

    CloudWatchMetrics(CloudWatchClient cloudWatch) {
        this.cloudWatch = cloudWatch;
    }

    @Override
    public Map<String, Double> read(List<MetricQuery> queries, Instant start, Instant end) {
        int period = MetricPort.period(Duration.between(start, end));
        List<MetricDataQuery> asked = queries.stream().map(q -> MetricDataQuery.builder().id(q.id()).returnData(true)
                .metricStat(s -> s.period(period).stat(q.stat()).metric(m -> m.namespace(q.namespace()).metricName(q.metric())
                        .dimensions(q.dimensions().entrySet().stream()
                                .map(d -> Dimension.builder().name(d.getKey()).value(d.getValue()).build()).toList())))
                .build()).toList();
        Map<String, String> stats = new HashMap<>();
        queries.forEach(q -> stats.put(q.id(), q.stat()));
        Map<String, Double> values = new HashMap<>();
        Map<String, Integer> buckets = new HashMap<>();
        String token = null;
        do {
            String page = token;
            GetMetricDataResponse answer = cloudWatch.getMetricData(r -> r.metricDataQueries(asked).startTime(start)
                    .endTime(end).scanBy(ScanBy.TIMESTAMP_ASCENDING).nextToken(page));
            for (MetricDataResult result : answer.metricDataResults()) {
                if (result.statusCode() == StatusCode.INTERNAL_ERROR || result.statusCode() == StatusCode.FORBIDDEN) {
                    throw new IllegalStateException("CloudWatch could not answer the query for " + result.label() + ": "
                            + result.statusCode() + " " + result.messages());
                }
                for (Double v : result.values()) {
                    values.merge(result.id(), v, Double::sum);
                    buckets.merge(result.id(), 1, Integer::sum);
                }
            }
            token = answer.nextToken();
        } while (token != null && !token.isEmpty());
        // With the period spanning the interval there is one bucket; should CloudWatch still split it, a sum adds up
        // and an average is taken over the buckets.
        buckets.forEach((id, n) -> {
            if (n > 1 && MetricQuery.AVERAGE.equals(stats.get(id))) values.put(id, values.get(id) / n);
        });
        return values;
    }
}
