package io.jenkins.plugins.awsdeploy.engine.canary;

import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Progress;
import io.jenkins.plugins.awsdeploy.engine.Reconciler;
import io.jenkins.plugins.awsdeploy.engine.Resource;
import io.jenkins.plugins.awsdeploy.engine.Strategy;
import io.jenkins.plugins.awsdeploy.engine.Summary;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsArn;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsPorts;
import io.jenkins.plugins.awsdeploy.engine.routing.RouterSpec;
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
        return Optional.ofNullable(checkpoint.spec().router().stableName());
    }

    public Optional<String> to(CanaryCheckpoint checkpoint) {
        return Optional.ofNullable(checkpoint.spec().router().canaryName());
    }

    /** The router's own resources (each router says what it routes through) and the alarms watched. */
    public List<Resource> resources(CanaryCheckpoint checkpoint) {
        List<Resource> all = new ArrayList<>(checkpoint.spec().router().resources());
        all.addAll(Resource.alarms(checkpoint.spec().alarms()));
        return all;
    }

    public Summary summary(CanaryCheckpoint checkpoint) {
        RouterSpec router = checkpoint.spec().router();
        Map<String, Integer> weights = new LinkedHashMap<>();
        if (router.stableName() != null) weights.put(router.stableKey(), checkpoint.live().stable());
        weights.put(router.canaryKey(), checkpoint.live().canary());
        return new Summary(Map.of("split", checkpoint.live().toString()), weights, Map.of());
    }
}
