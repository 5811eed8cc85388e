package io.jenkins.plugins.awsdeploy.cli;

import io.jenkins.plugins.awsdeploy.engine.analysis.AnalysisRequest;
import picocli.CommandLine.Option;

/**
 * The canary analysis options, shared by every command that bakes with traffic on both sides ({@code canary},
 * {@code blue-green} switching in steps). The engine checks them; they stay text here so that it can name a wrong one.
 */
final class AnalysisOptions {

    @Option(names = "--compare-error-rate", order = 113, paramLabel = "POINTS",
            description = "Canary analysis: roll back (exit code 3) when the new side's error rate (ALB: target 5xx per "
                    + "request) is more than POINTS percentage points above the stable side's in an interval, and a "
                    + "one-sided two-proportion test at 95%% says the difference is no luck.")
    String compareErrorRate;

    @Option(names = "--compare-latency", order = 114, paramLabel = "RATIO",
            description = "Canary analysis: roll back when the new side's mean latency is more than RATIO times the "
                    + "stable side's (once five intervals are judged, a Mann-Whitney U test over them must agree).")
    String compareLatency;

    @Option(names = "--analysis-interval", order = 115, paramLabel = "DURATION",
            description = "The length of one judged interval, whole minutes. Default: 1m.")
    String analysisInterval;

    @Option(names = "--analysis-delay", order = 116, paramLabel = "DURATION",
            description = "Judge an interval only once its end is this old: CloudWatch metrics arrive late. Default: 2m.")
    String analysisDelay;

    @Option(names = "--min-requests", order = 117, paramLabel = "N",
            description = "An interval with fewer requests than this on either side is inconclusive. Default: 50.")
    String minRequests;

    @Option(names = "--analysis-failure-limit", order = 118, paramLabel = "N",
            description = "Failed intervals in a row that roll back. Default: 1.")
    String analysisFailureLimit;

    @Option(names = "--analysis-timeout", order = 119, paramLabel = "DURATION",
            description = "How long a step may wait past its bake for an interval that passes; then it rolls back as "
                    + "inconclusive. Default: 10m.")
    String analysisTimeout;

    @Option(names = "--allow-inconclusive", order = 120,
            description = "Let a step whose intervals were all inconclusive go on at the analysis timeout, with a warning.")
    boolean allowInconclusive;

    AnalysisRequest request() {
        return new AnalysisRequest().errorRate(compareErrorRate).latencyRatio(compareLatency).interval(analysisInterval)
                .delay(analysisDelay).minRequests(minRequests).failureLimit(analysisFailureLimit).timeout(analysisTimeout)
                .allowInconclusive(allowInconclusive);
    }
}
