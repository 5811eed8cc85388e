package io.jenkins.plugins.awsdeploy.engine.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each condition of "stable on the target" on its own: ecs-rollback waits for it, blue/green builds on it. */
class StableTest {

    static final TaskDefinitionRef WEB_5 = new TaskDefinitionRef("web", 5);
    static final String ARN_5 = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:5";
    static final String ARN_7 = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:7";

    static EcsDeployment deployment(String status, String taskDefinition, int running, String rollout) {
        return new EcsDeployment("ecs-svc/" + status + taskDefinition.length(), status, taskDefinition, 3, running, 0, rollout,
                null, Instant.EPOCH);
    }

    static EcsService service(String taskDefinition, int running, EcsDeployment... deployments) {
        return new EcsService("arn:aws:ecs:us-east-1:123456789012:service/prod/web", "web", "ACTIVE", taskDefinition, 3,
                running, 0, "ECS", List.of(deployments), List.of(), List.of(), Map.of());
    }

    @Test
    void oneCompletedDeploymentOfTheTargetWithAllTasksRunningIsStable() {
        assertThat(service(ARN_5, 3, deployment("PRIMARY", ARN_5, 3, "COMPLETED")).stableOn(WEB_5)).isTrue();
        assertThat(service("web:5", 3, deployment("PRIMARY", "web:5", 3, null)).stableOn(WEB_5)).isTrue();
    }

    @Test
    void anythingLessIsNot() {
        // another task definition
        assertThat(service(ARN_7, 3, deployment("PRIMARY", ARN_7, 3, "COMPLETED")).stableOn(WEB_5)).isFalse();
        // the service points at the target but its only deployment is of another revision (what moto shows)
        assertThat(service(ARN_5, 3, deployment("PRIMARY", ARN_7, 3, "COMPLETED")).stableOn(WEB_5)).isFalse();
        // two deployments
        assertThat(service(ARN_5, 3, deployment("PRIMARY", ARN_5, 2, "IN_PROGRESS"),
                deployment("ACTIVE", ARN_7, 1, "COMPLETED")).stableOn(WEB_5)).isFalse();
        // not all tasks running
        assertThat(service(ARN_5, 2, deployment("PRIMARY", ARN_5, 2, "COMPLETED")).stableOn(WEB_5)).isFalse();
        // the rollout is not COMPLETED
        assertThat(service(ARN_5, 3, deployment("PRIMARY", ARN_5, 3, "IN_PROGRESS")).stableOn(WEB_5)).isFalse();
        assertThat(service(ARN_5, 3, deployment("PRIMARY", ARN_5, 3, "FAILED")).stableOn(WEB_5)).isFalse();
        // no deployment at all
        assertThat(service(ARN_5, 3).stableOn(WEB_5)).isFalse();
    }

    @Test
    void aServiceScaledToZeroIsStableOnWhatItPointsAt() {
        EcsService zero = new EcsService("arn:aws:ecs:us-east-1:123456789012:service/prod/web", "web", "ACTIVE", ARN_5, 0, 0, 0,
                "ECS", List.of(deployment("PRIMARY", ARN_5, 0, "COMPLETED")), List.of(), List.of(), Map.of());
        assertThat(zero.stableOn(WEB_5)).isTrue();
        assertThat(zero.whyNotStableOn(WEB_5)).isEmpty();
    }
}
