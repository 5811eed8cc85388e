package io.jenkins.plugins.awsdeploy.engine.analysis;

import io.jenkins.plugins.awsdeploy.engine.Cause;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsFailure;
import io.jenkins.plugins.awsdeploy.engine.routing.RouterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The canary analysis at one poll: judges every interval that has become old enough since the last poll, with one
 * GetMetricData call each, and says whether the failures in a row reached the limit. Metrics that cannot be read fail
 * their interval, as an alarm that cannot be read does.
 */
public final class Analysis {

    /** Intervals judged in one poll at most; after a long outage the rest follow at the next polls. */
    static final int MOST_PER_POLL = 10;

    private final MetricPort metrics;

    public Analysis(MetricPort metrics) {
        this.metrics = metrics;
    }

    /**
     * What one poll found.
     *
     * @param state   the analysis state to keep
     * @param judged  the intervals judged in this poll, oldest first
     * @param failing why the deployment must roll back, when the failures in a row reached the limit
     */
    public record Round(AnalysisState state, List<Judgement> judged, Optional<Cause.AnalysisFailed> failing) {
    }

    public Round poll(AnalysisSpec spec, RouterSpec router, AnalysisState state, Instant now) {
        MetricSource source = MetricSources.of(router)
                .orElseThrow(() -> new IllegalStateException("no metrics are known for a " + router.describe()));
        Judge judge = new Judge(spec, source.errorName());
        List<Judgement> judged = new ArrayList<>();
        AnalysisState s = state;
        while (judged.size() < MOST_PER_POLL && s.due(now, spec)) {
            Instant start = s.next(), end = start.plus(spec.interval());
            Judgement j;
            try {
                Map<String, Double> values = metrics.read(source.queries(), start, end);
                j = judge.judge(start, end, source.measure(values), s.judgements());
            } catch (RuntimeException e) {
                j = new Judgement(start, end, SideFigures.NONE, SideFigures.NONE, Verdict.FAIL,
                        "the metrics over " + Judgement.span(start, end) + " could not be read: " + AwsFailure.describe(e));
            }
            s = s.judged(j, spec.interval());
            judged.add(j);
            if (s.failuresInARow() >= spec.failureLimit()) {
                String row = spec.failureLimit() > 1 ? " (" + spec.failureLimit() + " failed intervals in a row)" : "";
                String metric = j.reason().startsWith(source.errorName()) ? source.errorName()
                        : j.reason().startsWith("latency") ? "latency" : "metrics";
                return new Round(s, judged, Optional.of(new Cause.AnalysisFailed(metric,
                        "canary analysis failed: " + j.reason() + row)));
            }
        }
        return new Round(s, judged, Optional.empty());
    }
}
