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
import io.jenkins.plugins.awsdeploy.engine.routing.AlbForward;
import io.jenkins.plugins.awsdeploy.engine.routing.LambdaAlias;
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

/** The canary: shifts traffic from the stable side to the new one step by step (on any router), guarded by alarms. */
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
        return checkpoint.spec().asRequested();
    }

    public Optional<String> from(CanaryCheckpoint checkpoint) {
        return Optional.ofNullable(route(checkpoint.spec()).stable());
    }

    public Optional<String> to(CanaryCheckpoint checkpoint) {
        return Optional.ofNullable(route(checkpoint.spec()).canary());
    }

    public List<Resource> resources(CanaryCheckpoint checkpoint) {
        List<Resource> all = new ArrayList<>(route(checkpoint.spec()).resources());
        all.addAll(Resource.alarms(checkpoint.spec().alarms()));
        return all;
    }

    public Summary summary(CanaryCheckpoint checkpoint) {
        Route route = route(checkpoint.spec());
        Map<String, Integer> weights = new LinkedHashMap<>();
        if (route.stable() != null) weights.put(route.stableId(), checkpoint.live().stable());
        weights.put(route.canaryId(), checkpoint.live().canary());
        return new Summary(Map.of("split", checkpoint.live().toString()), weights, Map.of());
    }

    /** Where the canary's traffic goes, read from the spec in this one place only. */
    private static Route route(CanarySpec spec) {
        if (spec.router() instanceof Route53Records records) {
            return new Route(List.of(Resource.of(Resource.Kind.HOSTED_ZONE, "hosted zone of the weighted records "
                    + records.resource(), records.hostedZoneId())), records.stableSide(), records.canarySide(),
                    records.stableSide(), records.canarySide());
        }
        if (spec.router() instanceof LambdaAlias alias) {
            // Versions read as Lambda's qualified names (api:41); the stable one is known once the preflight passed.
            String stable = alias.stableVersion() == null ? null : alias.functionName() + ":" + alias.stableVersion();
            String canary = alias.functionName() + ":" + alias.canaryVersion();
            return new Route(List.of(Resource.of(Resource.Kind.LAMBDA_ALIAS, "alias", alias.resource())), stable, canary,
                    stable, canary);
        }
        AlbForward forward = (AlbForward) spec.router();
        return new Route(List.of(Resource.traffic("", forward.target()),
                Resource.of(Resource.Kind.TARGET_GROUP, "stable target group", forward.stableTargetGroup()),
                Resource.of(Resource.Kind.TARGET_GROUP, "canary target group", forward.canaryTargetGroup())),
                ForwardWeights.shortName(forward.stableTargetGroup()), ForwardWeights.shortName(forward.canaryTargetGroup()),
                forward.stableTargetGroup(), forward.canaryTargetGroup());
    }

    /**
     * @param stable   the stable side in a few words; null while unknown
     * @param stableId the stable side as the summary keys its weight: a target group's ARN, a qualified version
     */
    private record Route(List<Resource> resources, String stable, String canary, String stableId, String canaryId) {
    }
}
