package io.jenkins.plugins.awsdeploy.engine.aws;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/** {@link EcsPort} on Amazon ECS. */
final class EcsServices implements EcsPort {

    private final EcsClient ecs;

    EcsServices(EcsClient ecs) {
        this.ecs = ecs;
    }

    @Override
    public boolean clusterExists(String cluster) {
        // A deleted cluster stays visible as INACTIVE for a while; for a deployment it is gone.
        return ecs.describeClusters(r -> r.clusters(cluster)).clusters().stream()
                .anyMatch(c -> !"INACTIVE".equals(c.status()));
    }

    @Override
    public Optional<EcsService> service(String cluster, String service) {
        DescribeServicesResponse answer;
        try {
            answer = ecs.describeServices(r -> r.cluster(cluster).services(service).include(ServiceField.TAGS));
        } catch (ClusterNotFoundException e) {
            return Optional.empty();
        }
        Optional<Service> found = answer.services().stream().filter(s -> !"INACTIVE".equals(s.status())).findFirst();
        return found.map(s -> asService(s, tagsOf(s)));
    }

    @Override
    public Optional<TaskDefinitionInfo> taskDefinition(String familyRevisionOrArn) {
        return describe(familyRevisionOrArn).map(d -> asInfo(d.taskDefinition()));
    }

    @Override
    public List<String> activeRevisions(String family) {
        List<String> arns = new ArrayList<>();
        // familyPrefix is a prefix: "web" also lists "web-worker", which is another family.
        ecs.listTaskDefinitionsPaginator(r -> r.familyPrefix(family).status(TaskDefinitionStatus.ACTIVE).sort(SortOrder.DESC))
                .taskDefinitionArns().forEach(arn -> TaskDefinitionRef.parse(arn)
                        .filter(ref -> ref.family().equals(family)).ifPresent(ref -> arns.add(arn)));
        // Sorted here as well: the order is part of this port's contract, whatever the endpoint did with sort.
        arns.sort(Comparator.comparingInt((String arn) -> TaskDefinitionRef.of(arn).revision()).reversed());
        return arns;
    }

    @Override
    public TaskDefinitionInfo registerCopy(String from, Map<String, String> imageByContainer) {
        DescribeTaskDefinitionResponse source = describe(from)
                .orElseThrow(() -> new IllegalArgumentException("no task definition " + from + " exists"));
        RegisterTaskDefinitionRequest request = copyRequest(source.taskDefinition(), source.tags(), imageByContainer);
        return asInfo(ecs.registerTaskDefinition(request).taskDefinition());
    }

    @Override
    public void updateService(String cluster, String service, String taskDefinition, Integer desiredCount) {
        ecs.updateService(r -> r.cluster(cluster).service(service).taskDefinition(taskDefinition)
                .desiredCount(desiredCount).forceNewDeployment(false));
    }

    @Override
    public void scale(String cluster, String service, int desiredCount) {
        ecs.updateService(r -> r.cluster(cluster).service(service).desiredCount(desiredCount));
    }

    @Override
    public void tag(String resourceArn, Map<String, String> tags) {
        List<Tag> list = new ArrayList<>();
        tags.forEach((k, v) -> list.add(Tag.builder().key(k).value(v).build()));
        ecs.tagResource(r -> r.resourceArn(resourceArn).tags(list));
    }

    /**
     * The request that registers {@code source} again with some images replaced. Every field that
     * RegisterTaskDefinition accepts and DescribeTaskDefinition returns is copied by name, so a field AWS
     * adds later (as it did with ephemeralStorage, runtimePlatform, enableFaultInjection) is carried over
     * by an SDK upgrade instead of being dropped silently from every copy.
     */
    static RegisterTaskDefinitionRequest copyRequest(TaskDefinition source, List<Tag> tags,
                                                     Map<String, String> imageByContainer) {
        Set<String> names = new TreeSet<>();
        source.containerDefinitions().forEach(c -> names.add(c.name()));
        Set<String> unknown = new TreeSet<>(imageByContainer.keySet());
        unknown.removeAll(names);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("task definition " + source.family() + ":" + source.revision()
                    + " has no container named " + String.join(", ", unknown) + "; its containers are " + names);
        }
        RegisterTaskDefinitionRequest.Builder copy = RegisterTaskDefinitionRequest.builder();
        Map<String, SdkField<?>> described = fieldsByName(source.sdkFields());
        for (SdkField<?> field : copy.sdkFields()) {
            SdkField<?> from = described.get(field.memberName());
            if (from != null && from.marshallingType().equals(field.marshallingType())) {
                field.set(copy, from.getValueOrDefault(source));
            }
        }
        List<ContainerDefinition> containers = source.containerDefinitions().stream()
                .map(c -> imageByContainer.containsKey(c.name()) ? c.toBuilder().image(imageByContainer.get(c.name())).build() : c)
                .toList();
        copy.containerDefinitions(containers);
        // Tags are not part of the definition; DescribeTaskDefinition returns them beside it when asked.
        if (tags != null && !tags.isEmpty()) copy.tags(tags);
        return copy.build();
    }

    /** The names of RegisterTaskDefinition's fields that {@link #copyRequest} fills from the described definition. */
    static Set<String> copiedFields() {
        Set<String> copied = new TreeSet<>();
        Map<String, SdkField<?>> described = fieldsByName(TaskDefinition.builder().sdkFields());
        for (SdkField<?> field : RegisterTaskDefinitionRequest.builder().sdkFields()) {
            SdkField<?> from = described.get(field.memberName());
            if (from != null && from.marshallingType().equals(field.marshallingType())) copied.add(field.memberName());
        }
        return copied;
    }

    private static Map<String, SdkField<?>> fieldsByName(List<SdkField<?>> fields) {
        Map<String, SdkField<?>> byName = new TreeMap<>();
        fields.forEach(f -> byName.put(f.memberName(), f));
        return byName;
    }

    private Optional<DescribeTaskDefinitionResponse> describe(String familyRevisionOrArn) {
        try {
            return Optional.of(ecs.describeTaskDefinition(r -> r.taskDefinition(familyRevisionOrArn)
                    .include(TaskDefinitionField.TAGS)));
        } catch (ClientException e) {
            // ECS answers "Unable to describe task definition." for a revision or family that does not exist.
            return Optional.empty();
        }
    }

    private Map<String, String> tagsOf(Service s) {
        List<Tag> tags = s.hasTags() ? s.tags()
                // An endpoint that ignored include=TAGS leaves the list out entirely (an empty list is still sent).
                : ecs.listTagsForResource(r -> r.resourceArn(s.serviceArn())).tags();
        Map<String, String> byKey = new TreeMap<>();
        tags.forEach(t -> byKey.put(t.key(), t.value()));
        return byKey;
    }

    private static EcsService asService(Service s, Map<String, String> tags) {
        List<EcsDeployment> deployments = new ArrayList<>();
        for (Deployment d : s.deployments()) {
            EcsDeployment one = new EcsDeployment(d.id(), d.status(), d.taskDefinition(), count(d.desiredCount()),
                    count(d.runningCount()), count(d.pendingCount()), d.rolloutStateAsString(), d.rolloutStateReason(),
                    d.createdAt());
            // The port promises PRIMARY first, whatever order the endpoint used.
            if ("PRIMARY".equals(d.status())) deployments.add(0, one);
            else deployments.add(one);
        }
        List<EcsEvent> events = s.events().stream().map(e -> new EcsEvent(e.createdAt(), e.message()))
                .sorted(Comparator.comparing(EcsEvent::at, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
        List<String> targetGroups = s.loadBalancers().stream().map(LoadBalancer::targetGroupArn)
                .filter(arn -> arn != null).toList();
        String controller = s.deploymentController() == null ? "ECS" : s.deploymentController().typeAsString();
        return new EcsService(s.serviceArn(), s.serviceName(), s.status(), s.taskDefinition(), count(s.desiredCount()),
                count(s.runningCount()), count(s.pendingCount()), controller, deployments, events, targetGroups, tags);
    }

    private static TaskDefinitionInfo asInfo(TaskDefinition d) {
        Map<String, String> images = new LinkedHashMap<>();
        d.containerDefinitions().forEach(c -> images.put(c.name(), c.image()));
        return new TaskDefinitionInfo(d.taskDefinitionArn(), d.family(), d.revision() == null ? 0 : d.revision(),
                d.statusAsString(), images);
    }

    private static int count(Integer n) {
        return n == null ? 0 : n;
    }
}
