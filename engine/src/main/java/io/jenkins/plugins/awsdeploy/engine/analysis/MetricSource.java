package io.jenkins.plugins.awsdeploy.engine.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the metrics of a router's two sides are published: three metrics per side (requests and errors as sums, the
 * latency as an average), told apart by their dimensions. Its queries read both sides in one call.
 * {@link MetricSources} gives each kind of router its source.
 */
public interface MetricSource {

    String namespace();

    /** The metric names of requests, errors and latency, in that order. */
    List<String> metrics();

    /** The exact dimension set of one side's metrics. */
    Map<String, String> dimensions(boolean canary);

    /** What the latency metric's unit is in milliseconds: 1000 for seconds. */
    double millisPerUnit();

    /** What an error is called here, in a sentence: {@code 5xx rate}, {@code error rate}. */
    String errorName();

    /** Every query for both sides: {@code s_req, s_err, s_lat, c_req, c_err, c_lat}. */
    default List<MetricQuery> queries() {
        List<MetricQuery> all = new ArrayList<>();
        for (boolean canary : new boolean[] {false, true}) {
            String side = canary ? "c_" : "s_";
            all.add(new MetricQuery(side + "req", namespace(), metrics().get(0), dimensions(canary), MetricQuery.SUM));
            all.add(new MetricQuery(side + "err", namespace(), metrics().get(1), dimensions(canary), MetricQuery.SUM));
            all.add(new MetricQuery(side + "lat", namespace(), metrics().get(2), dimensions(canary), MetricQuery.AVERAGE));
        }
        return all;
    }

    /** The figures of both sides from an answer by query id; a missing id means no data point in the interval. */
    default Measurement measure(Map<String, Double> values) {
        return new Measurement(side(values, "s_"), side(values, "c_"));
    }

    private SideFigures side(Map<String, Double> values, String prefix) {
        Double latency = values.get(prefix + "lat");
        return new SideFigures(count(values.get(prefix + "req")), count(values.get(prefix + "err")),
                latency == null ? null : latency * millisPerUnit());
    }

    private static long count(Double v) {
        return v == null ? 0 : Math.round(v);
    }
}
