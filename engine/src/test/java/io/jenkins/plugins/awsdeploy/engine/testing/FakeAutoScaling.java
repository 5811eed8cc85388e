package io.jenkins.plugins.awsdeploy.engine.testing;

import io.jenkins.plugins.awsdeploy.engine.aws.AutoScalingGroup;
import io.jenkins.plugins.awsdeploy.engine.aws.AutoScalingPort;
import io.jenkins.plugins.awsdeploy.engine.aws.Capacity;
import io.jenkins.plugins.awsdeploy.engine.aws.GroupInstance;
import io.jenkins.plugins.awsdeploy.engine.aws.TemplateVersion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Auto Scaling groups in memory and in virtual time, as AWS runs them and moto does not: a new instance is Pending
 * for {@link #inServiceAfter} before it is InService, becomes a target of its group's target groups then, is
 * {@code initial} for {@link #healthyAfter} before it is {@code healthy}, and on scale-in is deregistered and
 * {@code draining} for a while. An instance reports the launch template version it was launched from. Tests can make
 * a group's targets unhealthy, keep its instances from ever starting, and fail calls.
 */
public final class FakeAutoScaling implements AutoScalingPort {

    public static final String TEMPLATE = "lt-0123456789abcdef0";

    private final Clock clock;
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<Long, String> versions = new TreeMap<>();
    private final Set<String> images = new HashSet<>(Set.of("ami-0aaaaaaaaaaaaaaa1", "ami-0bbbbbbbbbbbbbbb2"));
    private final Map<String, Long> tokens = new HashMap<>();
    private final Map<String, Instant> draining = new HashMap<>();
    private final Map<String, String> forcedTargetState = new HashMap<>();
    private final Set<String> neverStarting = new HashSet<>();
    private final Map<String, Map<String, String>> registeredByHand = new HashMap<>();
    private final Map<String, Integer> calls = new TreeMap<>();
    private Duration inServiceAfter = Duration.ofSeconds(60);
    private Duration healthyAfter = Duration.ofSeconds(30);
    private int failNext;
    private int instanceCounter;

    private static final class Group {
        String name;
        Capacity capacity;
        String version;
        List<String> targetGroups;
        final List<Instance> instances = new ArrayList<>();
        final Map<String, String> tags = new HashMap<>();
    }

    private record Instance(String id, String version, Instant launched) {
    }

    public FakeAutoScaling(Clock clock) {
        this.clock = clock;
        versions.put(1L, "ami-0aaaaaaaaaaaaaaa1");
    }

    /** A group on version {@code version} whose instances have been in service, healthy, for a long time. */
    public synchronized FakeAutoScaling group(String name, long version, String targetGroup, Capacity capacity) {
        Group g = new Group();
        g.name = name;
        g.capacity = capacity;
        g.version = Long.toString(version);
        g.targetGroups = List.of(targetGroup);
        groups.put(name, g);
        Instant longAgo = clock.instant().minus(Duration.ofDays(1));
        for (int i = 0; i < capacity.desired(); i++) g.instances.add(new Instance(nextId(), g.version, longAgo));
        return this;
    }

    public synchronized FakeAutoScaling pace(Duration inService, Duration healthy) {
        inServiceAfter = inService;
        healthyAfter = healthy;
        return this;
    }

    /** From now on every target of the group in {@code targetGroup} reports this state (e.g. {@code unhealthy}); null undoes it. */
    public synchronized void targetState(String targetGroup, String state) {
        if (state == null) forcedTargetState.remove(targetGroup); else forcedTargetState.put(targetGroup, state);
    }

    /** The group's new instances stay Pending for ever (a bad AMI, no capacity in the zone). */
    public synchronized void neverStarting(String group) {
        neverStarting.add(group);
    }

    /** Someone registers an instance of no group in the target group by hand, in {@code state} (e.g. {@code healthy}). */
    public synchronized void registerByHand(String targetGroup, String instanceId, String state) {
        registeredByHand.computeIfAbsent(targetGroup, k -> new LinkedHashMap<>()).put(instanceId, state);
    }

    public synchronized void failNextCalls(int n) {
        failNext = n;
    }

    public synchronized int calls(String operation) {
        return calls.getOrDefault(operation, 0);
    }

    public synchronized Map<Long, String> versions() {
        return new TreeMap<>(versions);
    }

    public synchronized Capacity capacity(String group) {
        return groups.get(group).capacity;
    }

    public synchronized String version(String group) {
        return groups.get(group).version;
    }

    public synchronized Map<String, String> tags(String group) {
        return new TreeMap<>(groups.get(group).tags);
    }

    /** Someone else points the group elsewhere, or resizes it. */
    public synchronized void change(String group, long version, Capacity capacity) {
        update(group, TEMPLATE, version, capacity);
    }

    @Override
    public synchronized Optional<AutoScalingGroup> group(String name) {
        call("DescribeAutoScalingGroups");
        Group g = groups.get(name);
        if (g == null) return Optional.empty();
        Instant now = clock.instant();
        List<GroupInstance> instances = g.instances.stream().map(i -> new GroupInstance(i.id(),
                inService(g, i, now) ? "InService" : "Pending", "Healthy", i.version())).toList();
        return Optional.of(new AutoScalingGroup(g.name, "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:"
                + "6d7a6d4e-0000-0000-0000-000000000000:autoScalingGroupName/" + g.name, g.capacity, TEMPLATE, "web",
                g.version, g.targetGroups, instances, g.tags));
    }

    @Override
    public synchronized Optional<TemplateVersion> templateVersion(String templateId, String version) {
        call("DescribeLaunchTemplateVersions");
        if (!TEMPLATE.equals(templateId)) return Optional.empty();
        long v = switch (version) {
            case "$Latest" -> versions.keySet().stream().mapToLong(Long::longValue).max().orElse(1);
            case "$Default" -> 1;
            default -> Long.parseLong(version);
        };
        return Optional.ofNullable(versions.get(v)).map(ami -> new TemplateVersion(TEMPLATE, "web", v, ami));
    }

    @Override
    public synchronized boolean imageExists(String imageId) {
        call("DescribeImages");
        return images.contains(imageId);
    }

    @Override
    public synchronized TemplateVersion createVersion(String templateId, long sourceVersion, String imageId, String clientToken) {
        call("CreateLaunchTemplateVersion");
        Long again = tokens.get(clientToken);
        if (again != null) return new TemplateVersion(TEMPLATE, "web", again, versions.get(again));
        long next = versions.keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
        versions.put(next, imageId);
        tokens.put(clientToken, next);
        return new TemplateVersion(TEMPLATE, "web", next, imageId);
    }

    @Override
    public synchronized void update(String group, String templateId, long version, Capacity capacity) {
        call("UpdateAutoScalingGroup");
        Group g = groups.get(group);
        g.version = Long.toString(version);
        resized(g, capacity);
    }

    @Override
    public synchronized void resize(String group, Capacity capacity) {
        call("UpdateAutoScalingGroup");
        resized(groups.get(group), capacity);
    }

    @Override
    public synchronized void tag(String group, Map<String, String> tags) {
        call("CreateOrUpdateTags");
        groups.get(group).tags.putAll(tags);
    }

    @Override
    public synchronized Map<String, String> targets(String targetGroupArn) {
        call("DescribeTargetHealth");
        Instant now = clock.instant();
        Map<String, String> states = new LinkedHashMap<>();
        for (Group g : groups.values()) {
            if (!g.targetGroups.contains(targetGroupArn)) continue;
            for (Instance i : g.instances) {
                if (!inService(g, i, now)) continue;
                boolean checked = !now.isBefore(i.launched().plus(inServiceAfter).plus(healthyAfter));
                states.put(i.id(), forcedTargetState.getOrDefault(targetGroupArn, checked ? "healthy" : "initial"));
            }
        }
        draining.entrySet().removeIf(e -> !now.isBefore(e.getValue().plus(Duration.ofMinutes(5))));
        draining.keySet().forEach(id -> states.putIfAbsent(id, "draining"));
        registeredByHand.getOrDefault(targetGroupArn, Map.of()).forEach(states::putIfAbsent);
        return states;
    }

    private void resized(Group g, Capacity capacity) {
        g.capacity = capacity;
        Instant now = clock.instant();
        while (g.instances.size() > capacity.desired()) {
            // Like the default termination policy: instances of the oldest launch template version go first.
            Instance out = g.instances.stream().min((a, b) -> a.version().compareTo(b.version())).orElseThrow();
            g.instances.remove(out);
            draining.put(out.id(), now);
        }
        while (g.instances.size() < capacity.desired()) g.instances.add(new Instance(nextId(), g.version, now));
    }

    private boolean inService(Group g, Instance i, Instant now) {
        if (neverStarting.contains(g.name) && i.launched().isAfter(now.minus(Duration.ofDays(1)))) return false;
        return !now.isBefore(i.launched().plus(inServiceAfter));
    }

    private String nextId() {
        return String.format("i-%017x", ++instanceCounter);
    }

    private void call(String operation) {
        calls.merge(operation, 1, Integer::sum);
        if (failNext > 0) {
            failNext--;
            throw new IllegalStateException(operation + " failed: Rate exceeded (injected)");
        }
    }
}
