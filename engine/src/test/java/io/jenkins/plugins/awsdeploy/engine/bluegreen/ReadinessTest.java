package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.aws.EcsDeployment;
import io.jenkins.plugins.awsdeploy.engine.aws.EcsEvent;
import io.jenkins.plugins.awsdeploy.engine.aws.EcsService;
import io.jenkins.plugins.awsdeploy.engine.aws.TargetHealthSummary;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.Readiness.State;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the wait for the idle side reports, word for word: the log shows it on every change. */
class ReadinessTest {

    static final String ARN_5 = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:5";
    static final TargetHealthSummary ALL_HEALTHY = new TargetHealthSummary(Map.of("healthy", 3));

    static EcsDeployment deployment(String status, String taskDefinition, String rollout) {
        return new EcsDeployment("ecs-svc/" + status, status, taskDefinition, 3, 3, 0, rollout, "FAILED".equals(rollout)
                ? "tasks failed to start" : null, Instant.EPOCH);
    }

    static EcsService service(String taskDefinition, int desired, int running, int pending, EcsDeployment... deployments) {
        return new EcsService("arn:aws:ecs:us-east-1:123456789012:service/prod/web-green", "web-green", "ACTIVE",
                taskDefinition, desired, running, pending, "ECS", List.of(deployments),
                List.of(new EcsEvent(Instant.EPOCH, "(service web-green) has started 1 tasks")), List.of(), Map.of());
    }

    static Readiness of(EcsService service, String revision, TargetHealthSummary targets) {
        return Readiness.of(service, revision, targets, Instant.EPOCH);
    }

    @Test
    void stableWithEveryTargetHealthyIsReady() {
        assertThat(of(service(ARN_5, 3, 3, 0, deployment("PRIMARY", ARN_5, "COMPLETED")), "web:5", ALL_HEALTHY))
                .isEqualTo(new Readiness(State.READY, "3/3 running, 3 healthy targets for 3 tasks"));
        assertThat(of(service("web:5", 3, 3, 0, deployment("PRIMARY", "web:5", null)), ARN_5, ALL_HEALTHY))
                .isEqualTo(new Readiness(State.READY, "3/3 running, 3 healthy targets for 3 tasks"));
    }

    @Test
    void waitingSaysEverythingStillMissing() {
        assertThat(of(service(ARN_5, 3, 1, 2, deployment("PRIMARY", ARN_5, "IN_PROGRESS"),
                deployment("ACTIVE", "web:4", "COMPLETED")), "web:5", new TargetHealthSummary(Map.of("healthy", 1))))
                .isEqualTo(new Readiness(State.WAITING, "1/3 running, 2 pending, rollout IN_PROGRESS, 2 deployments, "
                        + "1 healthy target for 3 tasks"));
        assertThat(of(service(ARN_5, 3, 3, 0, deployment("PRIMARY", "web:4", "COMPLETED")), "web:5", ALL_HEALTHY))
                .isEqualTo(new Readiness(State.WAITING, "its primary deployment runs web:4"));
        assertThat(of(service(ARN_5, 3, 3, 0, deployment("ACTIVE", ARN_5, "IN_PROGRESS")), "web:5", ALL_HEALTHY))
                .isEqualTo(new Readiness(State.WAITING, "rollout IN_PROGRESS"));
        assertThat(of(service(ARN_5, 3, 3, 0), "web:5", ALL_HEALTHY))
                .isEqualTo(new Readiness(State.WAITING, "ECS reports no deployment"));
        assertThat(of(service(ARN_5, 3, 3, 0, deployment("PRIMARY", ARN_5, "COMPLETED")), "web:5",
                new TargetHealthSummary(Map.of("healthy", 2))))
                .isEqualTo(new Readiness(State.WAITING, "2 healthy targets for 3 tasks"));
    }

    @Test
    void aServiceThatWantsNoTasksIsNeverReady() {
        assertThat(of(service(ARN_5, 0, 0, 0, deployment("PRIMARY", ARN_5, "COMPLETED")), "web:5",
                new TargetHealthSummary(Map.of())))
                .isEqualTo(new Readiness(State.WAITING, "0/0 running, 0 healthy targets for 0 tasks"));
        assertThat(of(service(ARN_5, 0, 1, 0, deployment("PRIMARY", ARN_5, "COMPLETED")), "web:5", ALL_HEALTHY))
                .isEqualTo(new Readiness(State.WAITING, "1/0 running"));
    }

    @Test
    void anotherRevisionWithoutARollbackInEcsEventsWasSomeoneElse() {
        assertThat(of(service("web:4", 3, 3, 0, deployment("PRIMARY", "web:4", "COMPLETED")), "web:5", ALL_HEALTHY))
                .isEqualTo(new Readiness(State.CHANGED, "web-green runs web:4 instead of web:5, and ECS's events tell of "
                        + "no rollback"));
    }

    @Test
    void healthTellsHealthyTargetsAgainstDesiredTasks() {
        assertThat(of(service(ARN_5, 2, 2, 0, deployment("PRIMARY", ARN_5, "COMPLETED")), "web:5",
                new TargetHealthSummary(Map.of("healthy", 1, "unhealthy", 1))))
                .isEqualTo(new Readiness(State.WAITING, "1 healthy target for 2 tasks (1 unhealthy)"));
    }

    @Test
    void anotherRevisionOrAFailedRolloutIsARollbackNotAWait() {
        EcsService rolledBack = new EcsService("arn:aws:ecs:us-east-1:123456789012:service/prod/web-green", "web-green",
                "ACTIVE", "web:4", 3, 3, 0, "ECS", List.of(deployment("PRIMARY", "web:4", "COMPLETED")),
                List.of(new EcsEvent(Instant.EPOCH, "(service web-green) rolling back to deployment ecs-svc/1.")), List.of(),
                Map.of());
        assertThat(of(rolledBack, "web:5", ALL_HEALTHY))
                .isEqualTo(new Readiness(State.ROLLED_BACK, "web-green runs web:4 instead of web:5; latest ECS event: "
                        + "(service web-green) rolling back to deployment ecs-svc/1."));
        assertThat(of(service(ARN_5, 3, 1, 0, deployment("PRIMARY", ARN_5, "FAILED")), "web:5", ALL_HEALTHY))
                .isEqualTo(new Readiness(State.ROLLED_BACK, "the deployment of web:5 to web-green FAILED (tasks failed to "
                        + "start); latest ECS event: (service web-green) has started 1 tasks"));
    }
}
