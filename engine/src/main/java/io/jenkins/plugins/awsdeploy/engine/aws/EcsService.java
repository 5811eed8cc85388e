package io.jenkins.plugins.awsdeploy.engine.aws;

import java.util.List;
import java.util.Map;

/**
 * A service as DescribeServices reports it.
 *
 * @param taskDefinition       the service's task definition as ECS reports it (an ARN on AWS)
 * @param deploymentController ECS, CODE_DEPLOY or EXTERNAL
 * @param deployments          PRIMARY first
 * @param events               newest first, at most a few dozen
 * @param targetGroups         the target group ARNs of its load balancer entries
 */
public record EcsService(String arn, String name, String status, String taskDefinition, int desiredCount,
                         int runningCount, int pendingCount, String deploymentController,
                         List<EcsDeployment> deployments, List<EcsEvent> events, List<String> targetGroups,
                         Map<String, String> tags) {

    public EcsService {
        deployments = List.copyOf(deployments);
        events = List.copyOf(events);
        targetGroups = List.copyOf(targetGroups);
        tags = Map.copyOf(tags);
    }
}
