package io.jenkins.plugins.awsdeploy.engine.analysis;

import java.io.Serializable;
import java.util.Locale;

/**
 * What one side served in one interval.
 *
 * @param requests  requests (ALB) or invocations (Lambda)
 * @param errors    5xx answers of the targets (ALB) or errors (Lambda)
 * @param latencyMs mean response time in milliseconds, weighted by request; null when CloudWatch had none
 */
public record SideFigures(long requests, long errors, Double latencyMs) implements Serializable {

    public static final SideFigures NONE = new SideFigures(0, 0, null);

    /** Errors per request, 0 without requests. */
    public double errorRate() {
        return requests == 0 ? 0 : (double) errors / requests;
    }

    /** {@code 15.0% (30 of 200)} */
    public String rateText() {
        return String.format(Locale.ROOT, "%.1f%% (%d of %d)", errorRate() * 100, errors, requests);
    }

    /** {@code 120 ms}, or {@code no data}. */
    public String latencyText() {
        return latencyMs == null ? "no data" : String.format(Locale.ROOT, "%.0f ms", latencyMs);
    }
}
