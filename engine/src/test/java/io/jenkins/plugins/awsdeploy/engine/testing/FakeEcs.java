package io.jenkins.plugins.awsdeploy.engine.testing;

import io.jenkins.plugins.awsdeploy.engine.aws.EcsDeployment;
import io.jenkins.plugins.awsdeploy.engine.aws.EcsEvent;
import io.jenkins.plugins.awsdeploy.engine.aws.EcsPort;
import io.jenkins.plugins.awsdeploy.engine.aws.EcsService;
import io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionInfo;
import io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An in-memory Amazon ECS for behaviour over time that moto cannot show: rolling deployments that take
 * their time, deployments that fail, ECS's circuit breaker rolling a service back on its own, service
 * events. Where moto differs from AWS it behaves like AWS: UpdateService with another task definition
 * starts a new PRIMARY deployment, and services report their task definition as an ARN. It counts every call.
 *
 * <p>Deployments move only when a test moves them ({@link #counts}, {@link #completeRollout},
 * {@link #failRollout}), or on their own at one task per {@link #rolloutPace} of the fake's clock.
 */
public final class FakeEcs implements EcsPort {

    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "123456789012";

    private final Set<String> clusters = new LinkedHashSet<>();
    private final Map<String, TreeMap<Integer, Revision>> families = new TreeMap<>();
    private final Map<String, Svc> services = new LinkedHashMap<>();
    private final Map<String, Integer> calls = new HashMap<>();
    private final Map<String, Integer> failing = new HashMap<>();
    private Clock clock = Clock.systemUTC();
    private Duration pace;
    private boolean rolloutStates = true;
    private int deploymentIds;

    // ---- test controls

    /** The clock that stamps deployments and events and drives {@link #rolloutPace}; share the test's virtual clock. */
    public synchronized FakeEcs clock(Clock c) {
        clock = c;
        return this;
    }

    /** Deployments start one task per {@code perTask} and complete by themselves; null stops that. */
    public synchronized FakeEcs rolloutPace(Duration perTask) {
        pace = perTask;
        return this;
    }

    /** ECS leaves {@code rolloutState} out for some services (e.g. older ones); false plays that. */
    public synchronized FakeEcs reportRolloutState(boolean report) {
        rolloutStates = report;
        return this;
    }

    public synchronized FakeEcs cluster(String name) {
        clusters.add(name);
        return this;
    }

    /** Registers the next revision of {@code family} with these containers (name to image), ACTIVE. */
    public synchronized TaskDefinitionInfo register(String family, Map<String, String> imageByContainer) {
        TreeMap<Integer, Revision> revisions = families.computeIfAbsent(family, f -> new TreeMap<>());
        Revision r = new Revision(family, revisions.isEmpty() ? 1 : revisions.lastKey() + 1,
                new LinkedHashMap<>(imageByContainer));
        revisions.put(r.revision, r);
        return r.info();
    }

    /** Marks a revision INACTIVE, as DeregisterTaskDefinition does; it stays describable. */
    public synchronized void deregister(String familyRevisionOrArn) {
        revision(familyRevisionOrArn).orElseThrow(() -> new IllegalArgumentException("no " + familyRevisionOrArn))
                .status = "INACTIVE";
    }

    /** A service that runs {@code taskDefinition} with {@code desiredCount} tasks, stable (one COMPLETED deployment). */
    public synchronized EcsService createService(String cluster, String name, String taskDefinition, int desiredCount) {
        if (!clusters.contains(cluster)) throw new IllegalArgumentException("no cluster " + cluster);
        Revision r = revision(taskDefinition).orElseThrow(() -> new IllegalArgumentException("no " + taskDefinition));
        Svc s = new Svc(cluster, name);
        s.taskDefinition = r.arn();
        s.desired = desiredCount;
        Dep d = newDeployment(r.arn(), desiredCount);
        d.running = desiredCount;
        d.rolloutState = "COMPLETED";
        d.reason = "ECS deployment " + d.id + " completed.";
        s.deployments.add(d);
        s.lastCompleted = r.arn();
        services.put(key(cluster, name), s);
        return s.snapshot(rolloutStates);
    }

    /** ECS, CODE_DEPLOY or EXTERNAL. */
    public synchronized void deploymentController(String cluster, String service, String type) {
        svc(cluster, service).controller = type;
    }

    /** ACTIVE, DRAINING or INACTIVE (deleted: the port no longer sees it). */
    public synchronized void status(String cluster, String service, String status) {
        svc(cluster, service).status = status;
    }

    public synchronized void targetGroups(String cluster, String service, List<String> targetGroupArns) {
        svc(cluster, service).targetGroups = List.copyOf(targetGroupArns);
    }

    /** Sets tags on the service without counting a TagResource call. */
    public synchronized void tags(String cluster, String service, Map<String, String> tags) {
        svc(cluster, service).tags.putAll(tags);
    }

    /** As if someone else called UpdateService: a new PRIMARY deployment of {@code taskDefinition}. */
    public synchronized void startDeployment(String cluster, String service, String taskDefinition) {
        Svc s = svc(cluster, service);
        deploy(s, revision(taskDefinition).orElseThrow(() -> new IllegalArgumentException("no " + taskDefinition)).arn(),
                s.desired);
    }

    /** Sets the running and pending tasks of the PRIMARY deployment; the older ones keep theirs. */
    public synchronized void counts(String cluster, String service, int running, int pending) {
        Dep primary = svc(cluster, service).primary();
        primary.running = running;
        primary.pending = pending;
    }

    /** Sets the running tasks of the older (non-PRIMARY) deployments, e.g. to show old tasks still up. */
    public synchronized void oldRunning(String cluster, String service, int running) {
        svc(cluster, service).deployments.stream().filter(d -> !"PRIMARY".equals(d.status)).forEach(d -> d.running = running);
    }

    /** The PRIMARY deployment reaches its desired count and COMPLETED; the older ones are gone. */
    public synchronized void completeRollout(String cluster, String service) {
        complete(svc(cluster, service));
    }

    /**
     * The PRIMARY deployment FAILED, as the deployment circuit breaker decides it. With {@code rollBack}, ECS
     * starts a new PRIMARY deployment of the last completed task definition, as the breaker's rollback
     * option does; without, the service stays on the failed revision.
     */
    public synchronized void failRollout(String cluster, String service, String reason, boolean rollBack) {
        Svc s = svc(cluster, service);
        Dep failed = s.primary();
        failed.rolloutState = "FAILED";
        failed.reason = "ECS deployment circuit breaker: " + reason;
        s.event("(service " + s.name + ") (deployment " + failed.id + ") deployment failed: " + reason, clock.instant());
        if (!rollBack) return;
        int stillUp = s.deployments.stream().filter(d -> d != failed).mapToInt(d -> d.running).sum();
        s.deployments.removeIf(d -> d != failed);
        failed.status = "ACTIVE";
        failed.running = 0;
        failed.pending = 0;
        Dep back = newDeployment(s.lastCompleted, s.desired);
        back.running = Math.min(stillUp, s.desired);
        s.deployments.add(0, back);
        s.taskDefinition = s.lastCompleted;
        s.event("(service " + s.name + ") rolling back to deployment " + back.id + ".", clock.instant());
    }

    /** A service event, stamped now. */
    public synchronized void event(String cluster, String service, String message) {
        svc(cluster, service).event(message, clock.instant());
    }

    /** The next {@code n} calls of {@code operation} (e.g. "UpdateService") fail as a dropped connection would. */
    public synchronized void failNext(String operation, int n) {
        failing.put(operation, n);
    }

    public synchronized int calls(String operation) {
        return calls.getOrDefault(operation, 0);
    }

    /** All calls that change something in ECS. */
    public synchronized int writes() {
        return calls("RegisterTaskDefinition") + calls("UpdateService") + calls("TagResource");
    }

    public synchronized void resetCalls() {
        calls.clear();
    }

    /** The service as DescribeServices would show it now, without counting a call. */
    public synchronized EcsService peek(String cluster, String service) {
        Svc s = svc(cluster, service);
        progress(s);
        return s.snapshot(rolloutStates);
    }

    /** Every revision of a family, ACTIVE or not, oldest first. */
    public synchronized List<TaskDefinitionInfo> revisions(String family) {
        return families.getOrDefault(family, new TreeMap<>()).values().stream().map(Revision::info).toList();
    }

    public static String taskDefinitionArn(String familyRevision) {
        return "arn:aws:ecs:" + REGION + ":" + ACCOUNT + ":task-definition/" + familyRevision;
    }

    public static String serviceArn(String cluster, String service) {
        return "arn:aws:ecs:" + REGION + ":" + ACCOUNT + ":service/" + cluster + "/" + service;
    }

    // ---- EcsPort

    @Override
    public synchronized boolean clusterExists(String cluster) {
        call("DescribeClusters");
        return clusters.contains(lastSegment(cluster));
    }

    @Override
    public synchronized Optional<EcsService> service(String cluster, String service) {
        call("DescribeServices");
        Svc s = services.get(key(cluster, service));
        if (s == null || "INACTIVE".equals(s.status)) return Optional.empty();
        progress(s);
        return Optional.of(s.snapshot(rolloutStates));
    }

    @Override
    public synchronized Optional<TaskDefinitionInfo> taskDefinition(String familyRevisionOrArn) {
        call("DescribeTaskDefinition");
        return revision(familyRevisionOrArn).map(Revision::info);
    }

    @Override
    public synchronized List<String> activeRevisions(String family) {
        call("ListTaskDefinitions");
        return families.getOrDefault(family, new TreeMap<>()).descendingMap().values().stream()
                .filter(r -> "ACTIVE".equals(r.status)).map(Revision::arn).toList();
    }

    @Override
    public synchronized TaskDefinitionInfo registerCopy(String from, Map<String, String> imageByContainer) {
        call("DescribeTaskDefinition");
        Revision source = revision(from).orElseThrow(() -> new IllegalArgumentException("no task definition " + from + " exists"));
        Set<String> unknown = new TreeSet<>(imageByContainer.keySet());
        unknown.removeAll(source.images.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("task definition " + source.ref() + " has no container named "
                    + String.join(", ", unknown) + "; its containers are " + new TreeSet<>(source.images.keySet()));
        }
        call("RegisterTaskDefinition");
        Map<String, String> images = new LinkedHashMap<>(source.images);
        images.putAll(imageByContainer);
        TaskDefinitionInfo copy = register(source.family, images);
        revision(copy.arn()).orElseThrow().tags.putAll(source.tags);
        return copy;
    }

    @Override
    public synchronized void updateService(String cluster, String service, String taskDefinition, Integer desiredCount) {
        call("UpdateService");
        Svc s = services.get(key(cluster, service));
        if (s == null || !"ACTIVE".equals(s.status)) {
            throw new IllegalStateException("ServiceNotActiveException: Service was not ACTIVE. (simulated)");
        }
        if (taskDefinition != null && !"ECS".equals(s.controller)) {
            throw new IllegalArgumentException("InvalidParameterException: Cannot update a service with a "
                    + s.controller + " deployment controller (simulated)");
        }
        progress(s);
        if (desiredCount != null) {
            s.desired = desiredCount;
            s.primary().desired = desiredCount;
        }
        if (taskDefinition == null) return;
        Revision r = revision(taskDefinition).orElseThrow(() ->
                new IllegalArgumentException("ClientException: Unable to describe task definition. (simulated)"));
        if (!"ACTIVE".equals(r.status)) {
            throw new IllegalArgumentException("ClientException: TaskDefinition is inactive (simulated)");
        }
        // The same task definition without forceNewDeployment starts no deployment, as on AWS.
        if (!r.arn().equals(s.taskDefinition)) deploy(s, r.arn(), s.desired);
    }

    @Override
    public synchronized void scale(String cluster, String service, int desiredCount) {
        updateService(cluster, service, null, desiredCount);
    }

    @Override
    public synchronized void tag(String resourceArn, Map<String, String> tags) {
        call("TagResource");
        for (Svc s : services.values()) {
            if (s.arn().equals(resourceArn)) {
                s.tags.putAll(tags);
                return;
            }
        }
        Optional<Revision> r = TaskDefinitionRef.parse(resourceArn).flatMap(ref -> revision(ref.toString()));
        if (r.isEmpty()) throw new IllegalArgumentException("InvalidParameterException: no resource " + resourceArn + " (simulated)");
        r.get().tags.putAll(tags);
    }

    // ---- behaviour

    private void call(String operation) {
        calls.merge(operation, 1, Integer::sum);
        Integer left = failing.get(operation);
        if (left != null && left > 0) {
            failing.put(operation, left - 1);
            throw new IllegalStateException("Unable to execute HTTP request: Connection reset (simulated " + operation + ")");
        }
    }

    private void deploy(Svc s, String taskDefinitionArn, int desired) {
        for (Dep d : s.deployments) {
            if ("PRIMARY".equals(d.status)) d.status = "ACTIVE";
        }
        s.deployments.add(0, newDeployment(taskDefinitionArn, desired));
        s.taskDefinition = taskDefinitionArn;
    }

    private Dep newDeployment(String taskDefinitionArn, int desired) {
        return new Dep(String.format("ecs-svc/%019d", ++deploymentIds), taskDefinitionArn, desired, clock.instant());
    }

    /** Moves a rolling deployment on by the fake's clock, if a pace is set. */
    private void progress(Svc s) {
        if (pace == null || s.deployments.isEmpty()) return;
        Dep primary = s.primary();
        if (!"IN_PROGRESS".equals(primary.rolloutState)) return;
        long started = Duration.between(primary.createdAt, clock.instant()).toMillis() / Math.max(1, pace.toMillis());
        primary.running = (int) Math.min(primary.desired, Math.max(primary.running, started));
        primary.pending = primary.desired - primary.running;
        for (Dep old : s.deployments) {
            if (old != primary) old.running = Math.max(0, Math.min(old.running, old.desired - primary.running));
        }
        if (primary.running == primary.desired) complete(s);
    }

    private void complete(Svc s) {
        Dep primary = s.primary();
        primary.running = primary.desired;
        primary.pending = 0;
        primary.rolloutState = "COMPLETED";
        primary.reason = "ECS deployment " + primary.id + " completed.";
        s.deployments.removeIf(d -> d != primary);
        s.lastCompleted = primary.taskDefinition;
        Instant now = clock.instant();
        s.event("(service " + s.name + ") (deployment " + primary.id + ") deployment completed.", now);
        s.event("(service " + s.name + ") has reached a steady state.", now);
    }

    private Optional<Revision> revision(String familyRevisionOrArn) {
        Optional<TaskDefinitionRef> ref = TaskDefinitionRef.parse(familyRevisionOrArn);
        if (ref.isPresent()) {
            return Optional.ofNullable(families.getOrDefault(ref.get().family(), new TreeMap<>()).get(ref.get().revision()));
        }
        // A bare family names its latest ACTIVE revision, as in ECS.
        return families.getOrDefault(familyRevisionOrArn, new TreeMap<>()).descendingMap().values().stream()
                .filter(r -> "ACTIVE".equals(r.status)).findFirst();
    }

    private Svc svc(String cluster, String service) {
        Svc s = services.get(key(cluster, service));
        if (s == null) throw new IllegalArgumentException("no service " + service + " in " + cluster);
        return s;
    }

    private static String key(String cluster, String service) {
        return lastSegment(cluster) + "/" + lastSegment(service);
    }

    private static String lastSegment(String nameOrArn) {
        return nameOrArn == null ? "" : nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1);
    }

    private static final class Revision {
        final String family;
        final int revision;
        final Map<String, String> images;
        final Map<String, String> tags = new TreeMap<>();
        String status = "ACTIVE";

        Revision(String family, int revision, Map<String, String> images) {
            this.family = family;
            this.revision = revision;
            this.images = images;
        }

        TaskDefinitionRef ref() {
            return new TaskDefinitionRef(family, revision);
        }

        String arn() {
            return taskDefinitionArn(ref().toString());
        }

        TaskDefinitionInfo info() {
            return new TaskDefinitionInfo(arn(), family, revision, status, new LinkedHashMap<>(images));
        }
    }

    private static final class Svc {
        final String cluster;
        final String name;
        final List<Dep> deployments = new ArrayList<>();
        final List<EcsEvent> events = new ArrayList<>();
        final Map<String, String> tags = new TreeMap<>();
        List<String> targetGroups = List.of();
        String status = "ACTIVE";
        String controller = "ECS";
        String taskDefinition;
        String lastCompleted;
        int desired;

        Svc(String cluster, String name) {
            this.cluster = cluster;
            this.name = name;
        }

        String arn() {
            return serviceArn(cluster, name);
        }

        Dep primary() {
            return deployments.stream().filter(d -> "PRIMARY".equals(d.status)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("service " + name + " has no PRIMARY deployment"));
        }

        void event(String message, Instant at) {
            // Newest first, and ECS keeps only the latest 100.
            events.add(0, new EcsEvent(at, message));
            if (events.size() > 100) events.remove(events.size() - 1);
        }

        EcsService snapshot(boolean rolloutStates) {
            List<EcsDeployment> ds = new ArrayList<>();
            int running = 0;
            int pending = 0;
            for (Dep d : deployments) {
                running += d.running;
                pending += d.pending;
                EcsDeployment one = new EcsDeployment(d.id, d.status, d.taskDefinition, d.desired, d.running, d.pending,
                        rolloutStates ? d.rolloutState : null, rolloutStates ? d.reason : null, d.createdAt);
                if ("PRIMARY".equals(d.status)) ds.add(0, one);
                else ds.add(one);
            }
            return new EcsService(arn(), name, status, taskDefinition, desired, running, pending, controller, ds,
                    events, targetGroups, tags);
        }
    }

    private static final class Dep {
        final String id;
        final String taskDefinition;
        final Instant createdAt;
        String status = "PRIMARY";
        String rolloutState = "IN_PROGRESS";
        String reason;
        int desired;
        int running;
        int pending;

        Dep(String id, String taskDefinition, int desired, Instant createdAt) {
            this.id = id;
            this.taskDefinition = taskDefinition;
            this.desired = desired;
            this.createdAt = createdAt;
            this.reason = "ECS deployment " + id + " in progress.";
        }
    }
}
