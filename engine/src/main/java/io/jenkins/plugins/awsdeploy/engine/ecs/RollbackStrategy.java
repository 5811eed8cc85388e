package io.jenkins.plugins.awsdeploy.engine.ecs;

import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Progress;
import io.jenkins.plugins.awsdeploy.engine.Reconciler;
import io.jenkins.plugins.awsdeploy.engine.Resource;
import io.jenkins.plugins.awsdeploy.engine.Strategy;
import io.jenkins.plugins.awsdeploy.engine.Summary;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsPorts;
import io.jenkins.plugins.awsdeploy.engine.ownership.Ownership;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An ECS service put back on an earlier task definition revision, in one update. */
public final class RollbackStrategy implements Strategy<RollbackCheckpoint> {

    public String type() {
        return "ecs-rollback";
    }

    public Class<RollbackCheckpoint> checkpointType() {
        return RollbackCheckpoint.class;
    }

    public Set<EventKind> events() {
        return EnumSet.of(EventKind.PREFLIGHT_PASSED, EventKind.RESUMED, EventKind.ABORT_REQUESTED,
                EventKind.SERVICE_UPDATED, EventKind.SERVICE_STABLE, EventKind.ROLLED_BACK, EventKind.INFO,
                EventKind.SUCCEEDED, EventKind.FAILED);
    }

    public Reconciler<RollbackCheckpoint> reconciler(AwsPorts ports, Ownership ownership, Clock clock) {
        return new EcsRollback(ports.ecs(), ownership, clock);
    }

    public Progress progress(RollbackCheckpoint checkpoint, Instant now) {
        return RollbackProgress.of(checkpoint, now);
    }

    public String title(RollbackCheckpoint r) {
        String to = r.choice() == null ? "" : " from " + r.choice().from() + " to " + r.choice().target();
        return "ECS rollback of " + r.spec().service() + " in " + r.spec().cluster() + to;
    }

    public Object identity(RollbackCheckpoint checkpoint) {
        return checkpoint.spec();
    }

    public Optional<String> from(RollbackCheckpoint r) {
        return Optional.ofNullable(r.choice()).map(c -> c.from().toString());
    }

    public Optional<String> to(RollbackCheckpoint r) {
        return Optional.ofNullable(r.choice()).map(c -> c.target().toString());
    }

    public List<Resource> resources(RollbackCheckpoint r) {
        return List.of(new Resource(Resource.Kind.ECS_SERVICE, "ECS service", r.spec().service(), r.spec().cluster()));
    }

    public Summary summary(RollbackCheckpoint r) {
        if (r.choice() == null) return Summary.EMPTY;
        return new Summary(Map.of("fromRevision", r.choice().from().toString()), Map.of(),
                Map.of(r.spec().service(), r.choice().target().toString()));
    }
}
