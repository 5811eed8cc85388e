package io.jenkins.plugins.awsdeploy;

import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import io.jenkins.plugins.awsdeploy.engine.analysis.AnalysisRequest;
import java.io.Serializable;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The {@code analysis} parameter of {@code canaryShift} and {@code blueGreenDeploy}: {@code analysis: [errorRate: 1.0,
 * latencyRatio: 1.5, interval: '1m', delay: '2m', minRequests: 50, failureLimit: 1]}. A Pipeline map given for it
 * becomes this object (structs turns a map into the parameter's concrete type through its data-bound setters), so each
 * key is a setter here. The engine checks the values and names a wrong one {@code analysis.KEY}.
 */
public final class CanaryAnalysis extends AbstractDescribableImpl<CanaryAnalysis> implements Serializable {

    private static final long serialVersionUID = 1L;

    private Double errorRate;
    private Double latencyRatio;
    private String interval;
    private String delay;
    private Integer minRequests;
    private Integer failureLimit;
    private String timeout;
    private boolean allowInconclusive;

    @DataBoundConstructor
    public CanaryAnalysis() {
    }

    public Double getErrorRate() {
        return errorRate;
    }

    /** Percentage points the new side's error rate may exceed the stable side's. */
    @DataBoundSetter
    public void setErrorRate(Double errorRate) {
        this.errorRate = errorRate;
    }

    public Double getLatencyRatio() {
        return latencyRatio;
    }

    @DataBoundSetter
    public void setLatencyRatio(Double latencyRatio) {
        this.latencyRatio = latencyRatio;
    }

    public String getInterval() {
        return interval;
    }

    @DataBoundSetter
    public void setInterval(String interval) {
        this.interval = blankToNull(interval);
    }

    public String getDelay() {
        return delay;
    }

    @DataBoundSetter
    public void setDelay(String delay) {
        this.delay = blankToNull(delay);
    }

    public Integer getMinRequests() {
        return minRequests;
    }

    @DataBoundSetter
    public void setMinRequests(Integer minRequests) {
        this.minRequests = minRequests;
    }

    public Integer getFailureLimit() {
        return failureLimit;
    }

    @DataBoundSetter
    public void setFailureLimit(Integer failureLimit) {
        this.failureLimit = failureLimit;
    }

    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = blankToNull(timeout);
    }

    public boolean isAllowInconclusive() {
        return allowInconclusive;
    }

    @DataBoundSetter
    public void setAllowInconclusive(boolean allowInconclusive) {
        this.allowInconclusive = allowInconclusive;
    }

    /** The settings as the engine takes them; problems name {@code analysis.errorRate} and so on. */
    AnalysisRequest request() {
        return new AnalysisRequest().fromStep().errorRate(errorRate).latencyRatio(latencyRatio).interval(interval)
                .delay(delay).minRequests(minRequests).failureLimit(failureLimit).timeout(timeout)
                .allowInconclusive(allowInconclusive);
    }

    /** {@code analysis: [:]} asks for nothing: no analysis. */
    static AnalysisRequest requestOf(CanaryAnalysis analysis) {
        return analysis == null ? null : analysis.request();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<CanaryAnalysis> {
        @Override
        public String getDisplayName() {
            return "Canary analysis";
        }
    }
}
