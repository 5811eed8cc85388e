package io.jenkins.plugins.awsdeploy.engine.analysis;

import io.jenkins.plugins.awsdeploy.engine.DurationText;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A validated canary analysis: what is compared between the two sides and how strictly. Build one from user input
 * with {@link AnalysisRequest}.
 *
 * @param errorPoints       how many percentage points the new side's error rate may exceed the stable side's; null
 *                          when error rates are not compared
 * @param latencyRatio      how many times the stable side's latency the new side's may be; null when latency is not
 *                          compared
 * @param interval          the length of one judged interval, whole minutes
 * @param delay             how old an interval's end must be before it is judged: load balancer metrics arrive late
 * @param minRequests       fewer requests than this on either side make an interval inconclusive
 * @param failureLimit      failed intervals in a row that roll back
 * @param timeout           how long a step may wait past its bake for an interval that passes
 * @param allowInconclusive whether a step whose intervals were all inconclusive goes on (with a warning) at the timeout
 */
public record AnalysisSpec(Double errorPoints, Double latencyRatio, Duration interval, Duration delay, long minRequests,
                           int failureLimit, Duration timeout, boolean allowInconclusive) implements Serializable {

    /** {@code 5xx rate +1.0 points, latency ×1.5, per 1m, 2m late, min 50 requests} */
    public String describe(String errorName) {
        List<String> what = new ArrayList<>();
        if (errorPoints != null) what.add(String.format(Locale.ROOT, "%s at most %.1f points above the stable side's", errorName, errorPoints));
        if (latencyRatio != null) what.add(String.format(Locale.ROOT, "latency at most %.2fx the stable side's", latencyRatio));
        return String.join(" and ", what) + ", judged per " + DurationText.format(interval) + " once "
                + DurationText.format(delay) + " old, each side needing " + minRequests + " requests";
    }
}
