package io.jenkins.plugins.awsdeploy.engine.params;

import static io.jenkins.plugins.awsdeploy.engine.params.Parameter.Type.DURATION;
import static io.jenkins.plugins.awsdeploy.engine.params.Parameter.Type.FLAG;
import static io.jenkins.plugins.awsdeploy.engine.params.Parameter.Type.NUMBER;
import static io.jenkins.plugins.awsdeploy.engine.params.Parameter.Type.SETTINGS;

import io.jenkins.plugins.awsdeploy.engine.params.Parameter.Limits;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The canary analysis, for every strategy that bakes with traffic on both sides. The command line takes each setting
 * as an option of its own; a Pipeline step takes them together as one {@code analysis} parameter whose keys are
 * {@link #KEYS}.
 */
public final class AnalysisParameters {

    public static final Parameter COMPARE_ERROR_RATE = cli("compareErrorRate", NUMBER, "--compare-error-rate", null,
            Limits.NONE, "roll back when the new side's error rate is this many percentage points above the stable side's"
                    + " and the difference is significant");
    public static final Parameter COMPARE_LATENCY = cli("compareLatency", NUMBER, "--compare-latency", null, Limits.NONE,
            "roll back when the new side's latency is more than this many times the stable side's");
    public static final Parameter INTERVAL = cli("analysisInterval", DURATION, "--analysis-interval", "1m",
            Limits.atLeast(Duration.ofMinutes(1)), "the length of one judged interval, whole minutes");
    public static final Parameter DELAY = cli("analysisDelay", DURATION, "--analysis-delay", "2m", Limits.NONE,
            "judge an interval only once its end is this old: metrics arrive late");
    public static final Parameter MIN_REQUESTS = cli("minRequests", NUMBER, "--min-requests", "50", Limits.NONE,
            "fewer requests than this on either side make an interval inconclusive");
    public static final Parameter FAILURE_LIMIT = cli("analysisFailureLimit", NUMBER, "--analysis-failure-limit", "1",
            Limits.NONE, "failed intervals in a row that roll back");
    public static final Parameter TIMEOUT = cli("analysisTimeout", DURATION, "--analysis-timeout", "10m",
            Limits.longerThan(Duration.ZERO, null), "how long a step may wait past its bake for an interval that passes");
    public static final Parameter ALLOW_INCONCLUSIVE = cli("allowInconclusive", FLAG, "--allow-inconclusive", "false",
            Limits.NONE, "let a step whose intervals were all inconclusive go on, with a warning");
    /** The Pipeline steps' form of all of the above. */
    public static final Parameter ANALYSIS = new Parameter("analysis", SETTINGS, null, true, null, Limits.NONE,
            "compare the new side with the stable one from CloudWatch metrics while baking");

    /** The key of each setting in a Pipeline step's {@code analysis} map. */
    public static final Map<Parameter, String> KEYS;

    static {
        Map<Parameter, String> keys = new LinkedHashMap<>();
        keys.put(COMPARE_ERROR_RATE, "errorRate");
        keys.put(COMPARE_LATENCY, "latencyRatio");
        keys.put(INTERVAL, "interval");
        keys.put(DELAY, "delay");
        keys.put(MIN_REQUESTS, "minRequests");
        keys.put(FAILURE_LIMIT, "failureLimit");
        keys.put(TIMEOUT, "timeout");
        keys.put(ALLOW_INCONCLUSIVE, "allowInconclusive");
        KEYS = java.util.Collections.unmodifiableMap(keys);
    }

    private AnalysisParameters() {
    }

    private static Parameter cli(String name, Parameter.Type type, String option, String defaultValue, Limits limits,
                                 String help) {
        return new Parameter(name, type, option, false, defaultValue, limits, help);
    }

    /** The command line's settings and the steps' one parameter. */
    public static List<Parameter> all() {
        return List.of(COMPARE_ERROR_RATE, COMPARE_LATENCY, INTERVAL, DELAY, MIN_REQUESTS, FAILURE_LIMIT, TIMEOUT,
                ALLOW_INCONCLUSIVE, ANALYSIS);
    }
}
