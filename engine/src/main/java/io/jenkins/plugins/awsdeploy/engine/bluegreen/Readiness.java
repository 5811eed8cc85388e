package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import static io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef.shortName;

import io.jenkins.plugins.awsdeploy.engine.aws.EcsDeployment;
import io.jenkins.plugins.awsdeploy.engine.aws.EcsService;
import io.jenkins.plugins.awsdeploy.engine.aws.TargetHealthSummary;
import io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the idle service, just updated, may take production traffic: what ECS reports about it and
 * what the load balancer reports about its targets, judged together. ECS's part is the stability that
 * ecs-rollback waits for ({@link EcsService#stableOn}), so that both mean the same by a stable service.
 *
 * @param detail what is still missing (WAITING), what went wrong (ROLLED_BACK, CHANGED), or what was seen (READY)
 */
record Readiness(State state, String detail) {

    /** ROLLED_BACK: ECS gave up on the revision; CHANGED: the service was pointed elsewhere, and ECS says it did not. */
    enum State { READY, WAITING, ROLLED_BACK, CHANGED }

    /** @param since when the service was updated: only ECS events from then on tell about this deployment */
    static Readiness of(EcsService service, String revision, TargetHealthSummary targets, Instant since) {
        String wanted = shortName(revision);
        TaskDefinitionRef target = TaskDefinitionRef.of(revision);
        // The circuit breaker rolls back by making the previous revision the service's again; fabfuel/ecs-deploy#185
        // reported success right then, so a service on any other revision is never a wait. Whether ECS did it or a
        // person (or another run) did is told by ECS's own record: a FAILED deployment of ours or its events.
        if (!BlueGreenCheckpoint.sameRevision(revision, service.taskDefinition())) {
            String runs = service.name() + " runs " + shortName(service.taskDefinition()) + " instead of " + wanted;
            if (service.failedDeploymentOf(target).isPresent() || ecsRolledBack(service, since)) {
                return new Readiness(State.ROLLED_BACK, runs + lastEvent(service));
            }
            return new Readiness(State.CHANGED, runs + ", and ECS's events tell of no rollback");
        }
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
        String health = SideState.healthOf(targets, service.desiredCount());
        if (!targets.allHealthy() || targets.healthy() < service.desiredCount()) {
            missing.add(health);
        }
        if (missing.isEmpty()) {
            return new Readiness(State.READY, running + ", " + health);
        }
        return new Readiness(State.WAITING, String.join(", ", missing));
    }

    /** Whether ECS's events since {@code since} tell of its circuit breaker failing the deployment or rolling back. */
    private static boolean ecsRolledBack(EcsService service, Instant since) {
        return service.events().stream().filter(e -> since == null || !e.at().isBefore(since))
                .map(e -> e.message().toLowerCase(Locale.ROOT))
                .anyMatch(m -> m.contains("rolling back") || m.contains("circuit breaker") || m.contains("deployment failed"));
    }

    private static String reason(String why) {
        return why == null || why.isBlank() ? "" : " (" + why + ")";
    }

    private static String lastEvent(EcsService service) {
        return service.events().isEmpty() ? "" : "; latest ECS event: " + service.events().get(0).message();
    }
}
