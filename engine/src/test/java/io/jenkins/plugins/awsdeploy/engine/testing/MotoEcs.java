package io.jenkins.plugins.awsdeploy.engine.testing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;

/**
 * ECS in the test's moto, and the test's hand in what moto's ECS never does by itself: it starts no tasks,
 * registers no targets and never rolls a deployment out. Where ECS would finish a deployment, the test calls
 * {@link #rollOut}. A plain SDK client of its own, not the engine's. The engine's, the CLI's and the plugin's tests
 * all build their ECS scenes with it.
 */
public final class MotoEcs implements AutoCloseable {

    private final EcsClient ecs;
    private final ElasticLoadBalancingV2Client elb;
    private final int tasksAtCreation;

    /** @param tasksAtCreation the running count moto gives every service it creates ({@code MOTO_ECS_SERVICE_RUNNING}) */
    public MotoEcs(URI endpoint, ElasticLoadBalancingV2Client elb, int tasksAtCreation) {
        this.elb = elb;
        this.tasksAtCreation = tasksAtCreation;
        // No retries: a retried create would leave a second resource behind.
        ecs = EcsClient.builder().endpointOverride(endpoint).region(Region.of(Moto.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    public void cluster(String name) {
        ecs.createCluster(r -> r.clusterName(name));
    }

    /** The next revision of {@code family} with one container per entry; returns its ARN. moto needs a memory size. */
    public String register(String family, Map<String, String> imageByContainer) {
        List<ContainerDefinition> containers = imageByContainer.entrySet().stream()
                .map(e -> ContainerDefinition.builder().name(e.getKey()).image(e.getValue()).memory(256).essential(true)
                        .portMappings(p -> p.containerPort(80)).build())
                .toList();
        return ecs.registerTaskDefinition(r -> r.family(family).containerDefinitions(containers)).taskDefinition()
                .taskDefinitionArn();
    }

    public void deregister(String taskDefinition) {
        ecs.deregisterTaskDefinition(r -> r.taskDefinition(taskDefinition));
    }

    /**
     * A service whose only deployment runs {@code taskDefinition} with {@code tasks} tasks, COMPLETED, and (with a
     * target group) one healthy target per task. moto fixes the running count and the rollout state once, at
     * creation, from how many tasks it is configured to start: a service of that size is created settled in one
     * call; any other is created empty (COMPLETED) and then given its tasks, which a poll in between sees as 0/0.
     * Creating a service that exists replaces it, which is how a deployment is finished by hand.
     */
    public void settled(String cluster, String service, String taskDefinition, String targetGroup, int tasks) {
        boolean atOnce = tasks == tasksAtCreation;
        ecs.createService(r -> {
            r.cluster(cluster).serviceName(service).taskDefinition(taskDefinition).desiredCount(atOnce ? tasks : 0);
            if (targetGroup != null) {
                r.loadBalancers(LoadBalancer.builder().targetGroupArn(targetGroup).containerName("app").containerPort(80).build());
            }
        });
        if (!atOnce && tasks > 0) ecs.updateService(r -> r.cluster(cluster).service(service).desiredCount(tasks));
        if (targetGroup != null) targets(targetGroup, service, tasks);
    }

    /** A service at 0 tasks whose load balancers use every one of these target groups, replacing the service if it exists. */
    public void crossed(String cluster, String service, String taskDefinition, List<String> targetGroups) {
        ecs.createService(r -> r.cluster(cluster).serviceName(service).taskDefinition(taskDefinition).desiredCount(0)
                .loadBalancers(targetGroups.stream().map(tg -> LoadBalancer.builder().targetGroupArn(tg).containerName("app")
                        .containerPort(80).build()).toList()));
    }

    /** As if a person changed the desired count; moto's running count follows at once. */
    public void scale(String cluster, String service, int tasks) {
        ecs.updateService(r -> r.cluster(cluster).service(service).desiredCount(tasks));
    }

    /** A service that CodeDeploy or another tool deploys: UpdateService cannot change its task definition. */
    public void controlledBy(String cluster, String service, String taskDefinition, DeploymentControllerType controller) {
        ecs.createService(r -> r.cluster(cluster).serviceName(service).taskDefinition(taskDefinition).desiredCount(2)
                .deploymentController(c -> c.type(controller)));
    }

    /** What ECS does after UpdateService, by hand: the service's revision completely deployed, its targets healthy. */
    public void rollOut(String cluster, String service, String targetGroup) {
        Service s = service(cluster, service);
        Map<String, String> tags = tags(cluster, service);
        settled(cluster, service, s.taskDefinition(), targetGroup, s.desiredCount());
        if (!tags.isEmpty()) tag(cluster, service, tags);
    }

    /** One target per task, at once healthy in moto, replacing whatever was registered. */
    public void targets(String targetGroup, String service, int tasks) {
        var old = elb.describeTargetHealth(r -> r.targetGroupArn(targetGroup)).targetHealthDescriptions();
        if (!old.isEmpty()) {
            elb.deregisterTargets(r -> r.targetGroupArn(targetGroup).targets(old.stream()
                    .map(d -> TargetDescription.builder().id(d.target().id()).port(d.target().port()).build()).toList()));
        }
        if (tasks == 0) return;
        elb.registerTargets(r -> r.targetGroupArn(targetGroup).targets(IntStream.rangeClosed(1, tasks)
                .mapToObj(i -> TargetDescription.builder().id(service + "-task-" + i).port(80).build()).toList()));
    }

    public void tag(String cluster, String service, Map<String, String> tags) {
        String arn = service(cluster, service).serviceArn();
        ecs.tagResource(r -> r.resourceArn(arn).tags(tags.entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()));
    }

    public Service service(String cluster, String service) {
        return ecs.describeServices(r -> r.cluster(cluster).services(service).include(ServiceField.TAGS)).services().get(0);
    }

    public Map<String, String> tags(String cluster, String service) {
        return service(cluster, service).tags().stream().collect(Collectors.toMap(Tag::key, Tag::value));
    }

    /** The image of each container of a revision. */
    public Map<String, String> images(String taskDefinition) {
        return ecs.describeTaskDefinition(r -> r.taskDefinition(taskDefinition)).taskDefinition().containerDefinitions()
                .stream().collect(Collectors.toMap(ContainerDefinition::name, ContainerDefinition::image));
    }

    public TaskDefinition taskDefinition(String familyRevisionOrArn) {
        return ecs.describeTaskDefinition(r -> r.taskDefinition(familyRevisionOrArn)).taskDefinition();
    }

    /** The revisions of the family as ListTaskDefinitions gives them. */
    public List<String> revisions(String family) {
        return ecs.listTaskDefinitions(r -> r.familyPrefix(family)).taskDefinitionArns();
    }

    @Override
    public void close() {
        ecs.close();
    }
}
