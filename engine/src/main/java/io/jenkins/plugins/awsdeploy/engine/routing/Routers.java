package io.jenkins.plugins.awsdeploy.engine.routing;

import io.jenkins.plugins.awsdeploy.engine.aws.AwsPorts;
import io.jenkins.plugins.awsdeploy.engine.aws.LambdaPort;
import io.jenkins.plugins.awsdeploy.engine.aws.TrafficPort;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The router registry: which {@link TrafficRouter} drives each kind of {@link RouterSpec}, over the AWS ports
 * the routers need. Adding a router is one registration here.
 */
public final class Routers {

    private final Map<Class<? extends RouterSpec>, Function<RouterSpec, TrafficRouter>> byKind = new HashMap<>();

    public Routers(TrafficPort elb) {
        this(elb, null);
    }

    /** @param lambda null where no Lambda is reached: a Lambda alias's router then fails as it opens */
    public Routers(TrafficPort elb, LambdaPort lambda) {
        register(AlbListener.class, spec -> new ListenerRouter(elb, spec));
        register(AlbRule.class, spec -> new RuleRouter(elb, spec));
        register(LambdaAlias.class, spec -> new AliasRouter(lambda, spec));
    }

    /** Every router, over the session's ports. */
    public Routers(AwsPorts ports) {
        this(ports.traffic(), ports.lambda());
        register(Route53Records.class, spec -> new WeightedRecordsRouter(ports.records(), spec));
    }

    private <S extends RouterSpec> void register(Class<S> kind, Function<S, TrafficRouter> open) {
        byKind.put(kind, spec -> open.apply(kind.cast(spec)));
    }

    /** The router that drives {@code spec}; routers are cheap and hold no state, so open one per call. */
    public TrafficRouter open(RouterSpec spec) {
        Function<RouterSpec, TrafficRouter> open = byKind.get(spec.getClass());
        if (open == null) throw new IllegalArgumentException("no router is registered for " + spec.getClass().getSimpleName());
        return open.apply(spec);
    }
}
