package io.jenkins.plugins.awsdeploy.engine.analysis;

import io.jenkins.plugins.awsdeploy.engine.routing.AlbForward;
import io.jenkins.plugins.awsdeploy.engine.routing.LambdaAlias;
import io.jenkins.plugins.awsdeploy.engine.routing.RouterSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which metrics compare the two sides of each kind of router. A router without an entry (Route 53 records: DNS has no
 * metrics per record) cannot be analysed, and a request for analysis on it is refused before anything changes. Adding a router's metrics is one registration here.
 */
public final class MetricSources {

    private static final Map<Class<? extends RouterSpec>, Function<RouterSpec, MetricSource>> BY_KIND = new LinkedHashMap<>();

    static {
        register(AlbForward.class, alb -> AlbTargetGroups.of(alb.resource(), alb.stableTargetGroup(), alb.canaryTargetGroup()));
        // The stable version is the one the preflight found under the alias; the analysis starts after it.
        register(LambdaAlias.class, a -> new LambdaVersions(a.functionName(), a.alias(), a.stableVersion(), a.canaryVersion()));
    }

    private MetricSources() {
    }

    private static <S extends RouterSpec> void register(Class<S> kind, Function<S, MetricSource> source) {
        BY_KIND.put(kind, spec -> source.apply(kind.cast(spec)));
    }

    /** The metrics of {@code router}'s two sides; empty for a router whose metrics are not known. */
    public static Optional<MetricSource> of(RouterSpec router) {
        return BY_KIND.entrySet().stream().filter(e -> e.getKey().isInstance(router)).findFirst()
                .map(e -> e.getValue().apply(router));
    }
}
