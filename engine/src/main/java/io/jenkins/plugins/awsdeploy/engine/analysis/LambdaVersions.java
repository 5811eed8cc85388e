package io.jenkins.plugins.awsdeploy.engine.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two versions of a function behind one weighted alias, as {@code AWS/Lambda} publishes them: per function, alias
 * ({@code Resource} = {@code function:alias}) and the version that ran ({@code ExecutedVersion}), {@code Invocations}
 * and {@code Errors} (sums) and {@code Duration} (milliseconds; its Average over the whole interval is the mean per
 * invocation).
 */
public record LambdaVersions(String function, String alias, String stableVersion, String canaryVersion)
        implements MetricSource {

    @Override
    public String namespace() {
        return "AWS/Lambda";
    }

    @Override
    public List<String> metrics() {
        return List.of("Invocations", "Errors", "Duration");
    }

    @Override
    public Map<String, String> dimensions(boolean canary) {
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put("FunctionName", function);
        dims.put("Resource", function + ":" + alias);
        dims.put("ExecutedVersion", canary ? canaryVersion : stableVersion);
        return dims;
    }

    @Override
    public double millisPerUnit() {
        return 1;
    }

    @Override
    public String errorName() {
        return "error rate";
    }
}
