package io.jenkins.plugins.awsdeploy.engine.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /**
     * Whether the service runs {@code target} stably: it points at it, it has a single deployment and that one is
     * of the target, all desired tasks run, and the rollout is COMPLETED where ECS reports a rollout state. A
     * service scaled to 0 can be stable: whether no tasks are enough is the caller's to judge.
     */
    public boolean stableOn(TaskDefinitionRef target) {
        return whyNotStableOn(target).isEmpty();
    }

    /** What keeps the service from running {@code target} stably, in words for a log; empty once it does. */
    public List<String> whyNotStableOn(TaskDefinitionRef target) {
        List<String> missing = new ArrayList<>();
        if (runningCount != desiredCount) missing.add(taskCounts());
        if (!target.sameAs(taskDefinition)) missing.add("it points at " + TaskDefinitionRef.shortName(taskDefinition));
        // A lone deployment is the one that counts, whatever ECS calls it.
        Optional<EcsDeployment> primary = primary().or(() -> deployments.stream().findFirst());
        if (primary.isEmpty()) {
            missing.add("ECS reports no deployment");
        } else {
            EcsDeployment p = primary.get();
            if (!target.sameAs(p.taskDefinition())) {
                missing.add("its primary deployment runs " + TaskDefinitionRef.shortName(p.taskDefinition()));
            }
            if (p.rolloutState() != null && !"COMPLETED".equals(p.rolloutState())) {
                missing.add("rollout " + p.rolloutState());
            }
        }
        if (deployments.size() > 1) missing.add(deployments.size() + " deployments");
        return missing;
    }

    /** The deployment ECS is rolling out, or has rolled out. */
    public Optional<EcsDeployment> primary() {
        return deployments.stream().filter(d -> "PRIMARY".equals(d.status())).findFirst();
    }

    /** A deployment of {@code target} whose rollout FAILED: ECS gave up on it, whatever the service points at now. */
    public Optional<EcsDeployment> failedDeploymentOf(TaskDefinitionRef target) {
        return deployments.stream().filter(d -> "FAILED".equals(d.rolloutState()) && target.sameAs(d.taskDefinition()))
                .findFirst();
    }

    /** {@code 1/3 running, 2 pending}. */
    public String taskCounts() {
        return runningCount + "/" + desiredCount + " running" + (pendingCount > 0 ? ", " + pendingCount + " pending" : "");
    }
}
