package io.jenkins.plugins.awsdeploy.engine.canary;

import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Progress;
import io.jenkins.plugins.awsdeploy.engine.Reconciler;
import io.jenkins.plugins.awsdeploy.engine.Resource;
import io.jenkins.plugins.awsdeploy.engine.Strategy;
import io.jenkins.plugins.awsdeploy.engine.Summary;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsArn;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsPorts;
import io.jenkins.plugins.awsdeploy.engine.aws.ForwardWeights;
import io.jenkins.plugins.awsdeploy.engine.aws.TrafficTarget;
import io.jenkins.plugins.awsdeploy.engine.routing.AlbForward;
import io.jenkins.plugins.awsdeploy.engine.routing.Route53Records;
import io.jenkins.plugins.awsdeploy.engine.routing.Routers;
import io.jenkins.plugins.awsdeploy.engine.ownership.Ownership;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The canary: shifts traffic between two target groups step by step, guarded by alarms. */
public final class CanaryStrategy implements Strategy<CanaryCheckpoint> {

    public String type() {
        return "canary";
    }

    public Class<CanaryCheckpoint> checkpointType() {
        return CanaryCheckpoint.class;
    }

    public Set<EventKind> events() {
        return EnumSet.of(EventKind.PREFLIGHT_PASSED, EventKind.RESUMED, EventKind.SHIFTED, EventKind.BAKING,
                EventKind.ALARM_CHANGED, EventKind.APPROVAL_REQUESTED, EventKind.APPROVED, EventKind.DECLINED,
                EventKind.ABORT_REQUESTED, EventKind.ROLLBACK_STARTED, EventKind.ROLLED_BACK, EventKind.INFO, EventKind.ANALYSED,
                EventKind.SUCCEEDED, EventKind.FAILED, EventKind.INSYNC);
    }

    public Reconciler<CanaryCheckpoint> reconciler(AwsPorts ports, Ownership ownership, Clock clock) {
        return new CanaryDeployment(new Routers(ports), ports.alarms(), ports.metrics(), ownership, clock);
    }

    public Progress progress(CanaryCheckpoint checkpoint, Instant now) {
        return CanaryProgress.of(checkpoint, now);
    }

    public String title(CanaryCheckpoint checkpoint) {
        String arn = checkpoint.spec().router().resource();
        String where = AwsArn.parse(arn).map(AwsArn::resource).orElse(arn);
        return "Canary " + checkpoint.spec().plan().describe() + " on " + where;
    }

    public Object identity(CanaryCheckpoint checkpoint) {
        return checkpoint.spec();
    }

    public Optional<String> from(CanaryCheckpoint checkpoint) {
        return Optional.of(ForwardWeights.shortName(route(checkpoint.spec()).stable()));
    }

    public Optional<String> to(CanaryCheckpoint checkpoint) {
        return Optional.of(ForwardWeights.shortName(route(checkpoint.spec()).canary()));
    }

    public List<Resource> resources(CanaryCheckpoint checkpoint) {
        Route route = route(checkpoint.spec());
        List<Resource> all = new ArrayList<>();
        if (checkpoint.spec().router() instanceof Route53Records records) {
            all.add(Resource.of(Resource.Kind.HOSTED_ZONE, "hosted zone of the weighted records " + records.resource(),
                    records.hostedZoneId()));
            all.addAll(Resource.alarms(checkpoint.spec().alarms()));
            return all;
        }
        if (route.target() != null) all.add(Resource.traffic("", route.target()));
        all.add(Resource.of(Resource.Kind.TARGET_GROUP, "stable target group", route.stable()));
        all.add(Resource.of(Resource.Kind.TARGET_GROUP, "canary target group", route.canary()));
        all.addAll(Resource.alarms(checkpoint.spec().alarms()));
        return all;
    }

    public Summary summary(CanaryCheckpoint checkpoint) {
        Route route = route(checkpoint.spec());
        Map<String, Integer> weights = new LinkedHashMap<>();
        weights.put(route.stable(), checkpoint.live().stable());
        weights.put(route.canary(), checkpoint.live().canary());
        return new Summary(Map.of("split", checkpoint.live().toString()), weights, Map.of());
    }

    /** Where the canary's traffic goes, read from the spec in this one place only. */
    private static Route route(CanarySpec spec) {
        TrafficTarget alb = spec.router() instanceof AlbForward forward ? forward.target() : null;
        return new Route(alb, spec.router().stableSide(), spec.router().canarySide());
    }

    private record Route(TrafficTarget target, String stable, String canary) {
    }
}
