package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import io.jenkins.plugins.awsdeploy.engine.aws.EcsDeployment;
import io.jenkins.plugins.awsdeploy.engine.aws.EcsService;
import io.jenkins.plugins.awsdeploy.engine.aws.TargetHealthSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether the idle service, just updated, may take production traffic: what ECS reports about it and
 * what the load balancer reports about its targets, judged together.
 *
 * @param detail what is still missing (WAITING), what went wrong (ROLLED_BACK), or what was seen (READY)
 */
record Readiness(State state, String detail) {

    enum State { READY, WAITING, ROLLED_BACK }

    static Readiness of(EcsService service, String revision, TargetHealthSummary targets) {
        String wanted = BlueGreenCheckpoint.shortName(revision);
        // The circuit breaker rolls back by making the previous revision the service's again; fabfuel/ecs-deploy#185
        // reported success right then, so a service on any other revision is a failure, never a wait.
        if (!BlueGreenCheckpoint.sameRevision(revision, service.taskDefinition())) {
            return new Readiness(State.ROLLED_BACK, service.name() + " runs " + BlueGreenCheckpoint.shortName(service.taskDefinition())
                    + " instead of " + wanted + lastEvent(service));
        }
        Optional<EcsDeployment> failed = service.deployments().stream()
                .filter(d -> "FAILED".equals(d.rolloutState()) && BlueGreenCheckpoint.sameRevision(revision, d.taskDefinition())).findFirst();
        if (failed.isPresent()) {
            return new Readiness(State.ROLLED_BACK, "the deployment of " + wanted + " to " + service.name() + " FAILED"
                    + reason(failed.get().rolloutStateReason()) + lastEvent(service));
        }
        List<String> missing = new ArrayList<>();
        Optional<EcsDeployment> primary = service.deployments().stream().filter(d -> "PRIMARY".equals(d.status())).findFirst()
                .or(() -> service.deployments().stream().findFirst());
        if (primary.isEmpty()) {
            missing.add("ECS reports no deployment");
        } else {
            EcsDeployment p = primary.get();
            if (!BlueGreenCheckpoint.sameRevision(revision, p.taskDefinition())) {
                missing.add("its primary deployment runs " + BlueGreenCheckpoint.shortName(p.taskDefinition()));
            }
            if (p.rolloutState() != null && !"COMPLETED".equals(p.rolloutState())) {
                missing.add("rollout " + p.rolloutState());
            }
        }
        if (service.deployments().size() > 1) {
            missing.add(service.deployments().size() + " deployments");
        }
        String running = service.runningCount() + "/" + service.desiredCount() + " running"
                + (service.pendingCount() > 0 ? ", " + service.pendingCount() + " pending" : "");
        if (service.desiredCount() == 0 || service.runningCount() != service.desiredCount()) {
            missing.add(0, running);
        }
        // One target per task: fewer healthy targets than tasks means some task is not serving yet.
        String health = "targets " + targets;
        if (!targets.allHealthy() || targets.healthy() < service.desiredCount()) {
            missing.add(health);
        }
        if (missing.isEmpty()) {
            return new Readiness(State.READY, running + ", " + health);
        }
        return new Readiness(State.WAITING, String.join(", ", missing));
    }

    private static String reason(String why) {
        return why == null || why.isBlank() ? "" : " (" + why + ")";
    }

    private static String lastEvent(EcsService service) {
        return service.events().isEmpty() ? "" : "; latest ECS event: " + service.events().get(0).message();
    }
}
