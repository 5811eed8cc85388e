package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import io.jenkins.plugins.awsdeploy.engine.testing.Moto;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;

/**
 * Blue and green ECS services in moto, and the test's hand in what moto does not do by itself: moto
 * starts no tasks, registers no targets and never rolls a deployment out, so the test plays ECS.
 * The setup uses its own plain SDK client, not the engine's.
 */
public final class MotoEcs implements AutoCloseable {

    final EcsClient ecs;
    public final String cluster;
    private final ElasticLoadBalancingV2Client elb;

    MotoEcs(String cluster, ElasticLoadBalancingV2Client elb) {
        this(Moto.endpoint(), cluster, elb);
    }

    /** On the moto at {@code endpoint}, for code that runs outside the JUnit extension (the benchmarks). */
    public MotoEcs(URI endpoint, String cluster, ElasticLoadBalancingV2Client elb) {
        this.cluster = cluster;
        this.elb = elb;
        ecs = EcsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.builder().build()).build();
        ecs.createCluster(r -> r.clusterName(cluster));
    }

    /** Registers the next revision of {@code family}; moto needs a memory size on every container. */
    public String register(String family, Map<String, String> imageByContainer) {
        List<ContainerDefinition> containers = imageByContainer.entrySet().stream()
                .map(e -> ContainerDefinition.builder().name(e.getKey()).image(e.getValue()).memory(256).essential(true)
                        .portMappings(p -> p.containerPort(80)).build())
                .toList();
        return ecs.registerTaskDefinition(r -> r.family(family).containerDefinitions(containers)).taskDefinition()
                .taskDefinitionArn();
    }

    /**
     * A settled service: moto computes the rollout state once, at creation, from the running count it is
     * configured with (none), so the service is created empty, COMPLETED, and then given its tasks.
     */
    public void settled(String service, String taskDefinition, String targetGroup, int tasks) {
        ecs.createService(r -> r.cluster(cluster).serviceName(service).taskDefinition(taskDefinition).desiredCount(0)
                .loadBalancers(LoadBalancer.builder().targetGroupArn(targetGroup).containerName("app").containerPort(80).build()));
        if (tasks > 0) ecs.updateService(r -> r.cluster(cluster).service(service).desiredCount(tasks));
        targets(targetGroup, service, tasks);
    }

    /** What ECS does after UpdateService, done by hand: a completed deployment of the new revision, its targets healthy. */
    public void rollOut(String service, String targetGroup) {
        Service s = service(service);
        settled(service, s.taskDefinition(), targetGroup, s.desiredCount());
    }

    /** One registered (and in moto at once healthy) target per task, replacing whatever was there. */
    void targets(String targetGroup, String service, int tasks) {
        var old = elb.describeTargetHealth(r -> r.targetGroupArn(targetGroup)).targetHealthDescriptions();
        if (!old.isEmpty()) {
            elb.deregisterTargets(r -> r.targetGroupArn(targetGroup).targets(old.stream()
                    .map(d -> TargetDescription.builder().id(d.target().id()).port(d.target().port()).build()).toList()));
        }
        if (tasks == 0) return;
        elb.registerTargets(r -> r.targetGroupArn(targetGroup).targets(IntStream.rangeClosed(1, tasks)
                .mapToObj(i -> TargetDescription.builder().id(service + "-task-" + i).port(80).build()).toList()));
    }

    public Service service(String service) {
        return ecs.describeServices(r -> r.cluster(cluster).services(service).include(ServiceField.TAGS)).services().get(0);
    }

    Map<String, String> tags(String service) {
        return service(service).tags().stream().collect(Collectors.toMap(t -> t.key(), t -> t.value()));
    }

    TaskDefinition taskDefinition(String familyRevisionOrArn) {
        return ecs.describeTaskDefinition(r -> r.taskDefinition(familyRevisionOrArn)).taskDefinition();
    }

    List<String> revisions(String family) {
        return ecs.listTaskDefinitions(r -> r.familyPrefix(family)).taskDefinitionArns();
    }

    @Override
    public void close() {
        ecs.close();
    }
}
