package io.jenkins.plugins.awsdeploy.engine.canary;

import io.jenkins.plugins.awsdeploy.engine.DurationText;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.analysis.AnalysisRequest;
import io.jenkins.plugins.awsdeploy.engine.analysis.AnalysisSpec;
import io.jenkins.plugins.awsdeploy.engine.analysis.MetricSources;
import io.jenkins.plugins.awsdeploy.engine.params.AnalysisParameters;
import io.jenkins.plugins.awsdeploy.engine.routing.RouterSpec;
import java.time.Duration;
import java.util.List;

/** Whether an analysis can judge a plan at all: it needs a step where both sides serve, and time to judge one. */
public final class AnalysisFit {

    private AnalysisFit() {
    }

    /** @param router what carries the traffic; null when it could not be built from the input */
    public static void check(AnalysisRequest asked, AnalysisSpec spec, RouterSpec router, CanaryPlan plan,
                             List<Problem> problems) {
        if (router != null && MetricSources.of(router).isEmpty()) {
            problems.add(new Problem(asked.name(AnalysisParameters.COMPARE_ERROR_RATE), "the canary analysis compares the"
                    + " two sides' own metrics (load balancer target groups, Lambda versions); the " + router.describe()
                    + " has none per side, so it cannot be analysed"));
        }
        if (plan.size() > 0 && plan.steps().stream().allMatch(s -> s.percent() >= 100)) {
            problems.add(new Problem(asked.name(AnalysisParameters.COMPARE_ERROR_RATE), "the analysis compares the two sides"
                    + " while both serve, but every step sends all traffic to the new side; add a step below 100%"));
        }
        Duration needed = spec.interval().plus(spec.delay());
        if (spec.timeout().compareTo(needed) < 0) {
            problems.add(new Problem(asked.name(AnalysisParameters.TIMEOUT), "must be at least the interval plus the delay ("
                    + DurationText.format(needed) + "): an interval takes that long to be judged"));
        }
    }
}
