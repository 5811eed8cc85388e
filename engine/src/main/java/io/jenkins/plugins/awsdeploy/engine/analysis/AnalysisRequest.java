package io.jenkins.plugins.awsdeploy.engine.analysis;

import static io.jenkins.plugins.awsdeploy.engine.params.AnalysisParameters.COMPARE_ERROR_RATE;
import static io.jenkins.plugins.awsdeploy.engine.params.AnalysisParameters.COMPARE_LATENCY;
import static io.jenkins.plugins.awsdeploy.engine.params.AnalysisParameters.DELAY;
import static io.jenkins.plugins.awsdeploy.engine.params.AnalysisParameters.FAILURE_LIMIT;
import static io.jenkins.plugins.awsdeploy.engine.params.AnalysisParameters.INTERVAL;
import static io.jenkins.plugins.awsdeploy.engine.params.AnalysisParameters.MIN_REQUESTS;
import static io.jenkins.plugins.awsdeploy.engine.params.AnalysisParameters.TIMEOUT;

import io.jenkins.plugins.awsdeploy.engine.DurationText;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.params.AnalysisParameters;
import io.jenkins.plugins.awsdeploy.engine.params.Parameter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A canary analysis as a user gave it, each setting as text. {@link #toSpec} checks every setting and names the
 * parameter the user typed: the command line's option, or the key of a Pipeline step's {@code analysis} map.
 */
public final class AnalysisRequest {

    private String errorRate;
    private String latencyRatio;
    private String interval;
    private String delay;
    private String minRequests;
    private String failureLimit;
    private String timeout;
    private boolean allowInconclusive;
    private boolean fromStep;

    public AnalysisRequest errorRate(Object v) { errorRate = text(v); return this; }
    public AnalysisRequest latencyRatio(Object v) { latencyRatio = text(v); return this; }
    public AnalysisRequest interval(String v) { interval = v; return this; }
    public AnalysisRequest delay(String v) { delay = v; return this; }
    public AnalysisRequest minRequests(Object v) { minRequests = text(v); return this; }
    public AnalysisRequest failureLimit(Object v) { failureLimit = text(v); return this; }
    public AnalysisRequest timeout(String v) { timeout = v; return this; }
    public AnalysisRequest allowInconclusive(boolean v) { allowInconclusive = v; return this; }
    /** Problems name the keys of the step's {@code analysis} map ({@code analysis.errorRate}), not the options. */
    public AnalysisRequest fromStep() { fromStep = true; return this; }

    /** Whether anything was asked for at all; a request with nothing set is no analysis. */
    public boolean given() {
        return errorRate != null || latencyRatio != null || interval != null || delay != null || minRequests != null
                || failureLimit != null || timeout != null || allowInconclusive;
    }

    /** The analysis, or null when none was asked for; adds a problem for each setting that is wrong. */
    public AnalysisSpec toSpec(List<Problem> problems) {
        if (!given()) return null;
        List<Problem> found = new ArrayList<>();
        Double points = number(COMPARE_ERROR_RATE, errorRate, 0, 100, false, found);
        Double ratio = number(COMPARE_LATENCY, latencyRatio, 1, 1000, false, found);
        if (errorRate == null && latencyRatio == null) {
            found.add(new Problem(COMPARE_ERROR_RATE.name(), "an analysis needs something to compare: give "
                    + name(COMPARE_ERROR_RATE) + ", " + name(COMPARE_LATENCY) + " or both"));
        }
        Duration every = INTERVAL.duration(interval, found);
        if (every != null && every.toSeconds() % 60 != 0) {
            found.add(new Problem(INTERVAL.name(), DurationText.format(every) + " is not whole minutes: CloudWatch publishes"
                    + " load balancer and Lambda metrics per minute"));
            every = null;
        }
        Duration late = DELAY.duration(delay, found);
        Double least = number(MIN_REQUESTS, minRequests, 1, 1_000_000_000, true, found);
        Double limit = number(FAILURE_LIMIT, failureLimit, 1, 1000, true, found);
        Duration wait = TIMEOUT.duration(timeout, found);
        found.forEach(p -> problems.add(new Problem(fromStep ? "analysis." + key(p.parameter()) : p.parameter(), p.message())));
        if (!found.isEmpty()) return null;
        return new AnalysisSpec(points, ratio, every, late, least.longValue(), limit.intValue(), wait, allowInconclusive);
    }

    /** How a problem names a setting to the person who gave it. */
    public String name(Parameter p) {
        return fromStep ? "analysis." + AnalysisParameters.KEYS.get(p) : p.name();
    }

    private static String key(String parameter) {
        return AnalysisParameters.KEYS.entrySet().stream().filter(e -> e.getKey().name().equals(parameter))
                .map(java.util.Map.Entry::getValue).findFirst().orElse(parameter);
    }

    /** A number within bounds (the lower one included), its declared default when not given. */
    private static Double number(Parameter p, String text, double min, double max, boolean whole, List<Problem> problems) {
        String t = text != null ? text.trim() : p.defaultValue();
        if (t == null) return null;
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            problems.add(new Problem(p.name(), "'" + t + "' is not a number"));
            return null;
        }
        if (Double.isNaN(v) || v < min || v > max) {
            problems.add(new Problem(p.name(), "'" + t + "' is outside " + plain(min) + ".." + plain(max)));
            return null;
        }
        if (whole && v != Math.rint(v)) {
            problems.add(new Problem(p.name(), "'" + t + "' is not a whole number"));
            return null;
        }
        return v;
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static String text(Object v) {
        return v == null ? null : Objects.toString(v);
    }
}
