package io.jenkins.plugins.awsdeploy.engine.testing;

import io.jenkins.plugins.awsdeploy.engine.analysis.MetricPort;
import io.jenkins.plugins.awsdeploy.engine.analysis.MetricQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory CloudWatch for metrics, answering as GetMetricData does: per exact dimension set, only data points in
 * [start, end), nothing for a metric without data. Each data point is a statistic set (sum and sample count), as
 * load balancers publish them. It counts its calls and can fail them.
 */
public final class FakeMetrics implements MetricPort {

    private record Key(String namespace, String metric, Map<String, String> dimensions) {
    }

    private record Point(Instant at, double sum, double count) {
    }

    private final Map<Key, List<Point>> points = new HashMap<>();
    private final List<List<MetricQuery>> calls = new ArrayList<>();
    private int failing;

    public synchronized void put(String namespace, String metric, Map<String, String> dimensions, Instant at, double sum,
                                 double count) {
        points.computeIfAbsent(new Key(namespace, metric, Map.copyOf(dimensions)), k -> new ArrayList<>())
                .add(new Point(at, sum, count));
    }

    /**
     * One minute of an ALB target group: {@code requests} requests, {@code errors} of them 5xx, answered in
     * {@code latencyMs} on average. Zero 5xx publishes no 5xx data point, as on AWS.
     */
    public synchronized void albMinute(String loadBalancer, String targetGroup, Instant minute, long requests, long errors,
                                       double latencyMs) {
        Map<String, String> dims = Map.of("LoadBalancer", loadBalancer, "TargetGroup", targetGroup);
        if (requests > 0) {
            put("AWS/ApplicationELB", "RequestCount", dims, minute, requests, 1);
            put("AWS/ApplicationELB", "TargetResponseTime", dims, minute, latencyMs / 1000 * requests, requests);
        }
        if (errors > 0) put("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", dims, minute, errors, 1);
    }

    public synchronized void failNextReads(int n) {
        failing = n;
    }

    public synchronized int calls() {
        return calls.size();
    }

    public synchronized List<MetricQuery> lastCall() {
        return calls.get(calls.size() - 1);
    }

    @Override
    public synchronized Map<String, Double> read(List<MetricQuery> queries, Instant start, Instant end) {
        calls.add(queries);
        if (failing > 0) {
            failing--;
            throw new IllegalStateException("Rate exceeded (simulated)");
        }
        Map<String, Double> values = new HashMap<>();
        for (MetricQuery q : queries) {
            double sum = 0, count = 0;
            for (Point p : points.getOrDefault(new Key(q.namespace(), q.metric(), Map.copyOf(q.dimensions())), List.of())) {
                if (p.at().isBefore(start) || !p.at().isBefore(end)) continue;
                sum += p.sum();
                count += p.count();
            }
            if (count == 0) continue;
            values.put(q.id(), MetricQuery.SUM.equals(q.stat()) ? sum : sum / count);
        }
        return values;
    }
}
