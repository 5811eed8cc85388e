package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import static io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef.shortName;

import io.jenkins.plugins.awsdeploy.engine.aws.EcsDeployment;
import io.jenkins.plugins.awsdeploy.engine.aws.EcsService;
import io.jenkins.plugins.awsdeploy.engine.aws.TargetHealthSummary;
import io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether the idle service, just updated, may take production traffic: what ECS reports about it and
 * what the load balancer reports about its targets, judged together. ECS's part is the stability that
 * ecs-rollback waits for ({@link EcsService#stableOn}), so that both mean the same by a stable service.
 *
 * @param detail what is still missing (WAITING), what went wrong (ROLLED_BACK), or what was seen (READY)
 */
record Readiness(State state, String detail) {

    enum State { READY, WAITING, ROLLED_BACK }

    static Readiness of(EcsService service, String revision, TargetHealthSummary targets) {
        String wanted = shortName(revision);
        // The circuit breaker rolls back by making the previous revision the service's again; fabfuel/ecs-deploy#185
        // reported success right then, so a service on any other revision is a failure, never a wait.
        if (!BlueGreenCheckpoint.sameRevision(revision, service.taskDefinition())) {
            return new Readiness(State.ROLLED_BACK, service.name() + " runs " + shortName(service.taskDefinition())
                    + " instead of " + wanted + lastEvent(service));
        }
        TaskDefinitionRef target = TaskDefinitionRef.of(revision);
        Optional<EcsDeployment> failed = service.failedDeploymentOf(target);
        if (failed.isPresent()) {
            return new Readiness(State.ROLLED_BACK, "the deployment of " + wanted + " to " + service.name() + " FAILED"
                    + reason(failed.get().rolloutStateReason()) + lastEvent(service));
        }
        List<String> missing = new ArrayList<>(service.whyNotStableOn(target));
        String running = service.taskCounts();
        // Stable with no tasks is the end of a rollback, but nothing to send production traffic to.
        if (service.desiredCount() == 0 && !missing.contains(running)) {
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
