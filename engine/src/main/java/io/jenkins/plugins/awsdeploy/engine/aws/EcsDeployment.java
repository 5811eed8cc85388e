package io.jenkins.plugins.awsdeploy.engine.aws;

import java.time.Instant;

/**
 * One entry of a service's {@code deployments}.
 *
 * @param status       PRIMARY, ACTIVE or INACTIVE
 * @param rolloutState IN_PROGRESS, COMPLETED or FAILED; null where ECS does not report it
 */
public record EcsDeployment(String id, String status, String taskDefinition, int desiredCount, int runningCount,
                            int pendingCount, String rolloutState, String rolloutStateReason, Instant createdAt) {
}
