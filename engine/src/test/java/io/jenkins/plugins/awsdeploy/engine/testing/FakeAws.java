package io.jenkins.plugins.awsdeploy.engine.testing;

import io.jenkins.plugins.awsdeploy.engine.AlarmState;
import io.jenkins.plugins.awsdeploy.engine.aws.AlarmPort;
import io.jenkins.plugins.awsdeploy.engine.aws.AlarmReading;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsPorts;
import io.jenkins.plugins.awsdeploy.engine.aws.DnsRecord;
import io.jenkins.plugins.awsdeploy.engine.aws.RecordsPort;
import io.jenkins.plugins.awsdeploy.engine.aws.ForwardWeights;
import io.jenkins.plugins.awsdeploy.engine.aws.TargetHealthSummary;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.aws.TrafficPort;
import io.jenkins.plugins.awsdeploy.engine.aws.TrafficTarget;
import io.jenkins.plugins.awsdeploy.engine.ownership.Lease;
import io.jenkins.plugins.awsdeploy.engine.ownership.LeasePort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * An in-memory load balancer, Route 53 weighted records (with changes that stay PENDING a while), CloudWatch and ({@link #ecs()}) ECS for behaviour over time that moto cannot show: alarms that
 * fire on their own (and flap between two polls, with their history), calls that fail, someone else editing the listener,
 * ownership marks on any resource. It counts every call.
 */
public final class FakeAws implements TrafficPort, AlarmPort, LeasePort, RecordsPort {

    public static final String LISTENER = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2";
    public static final String RULE = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee";
    public static final String BLUE_TG = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-blue/73e2d6bc24d8a067";
    public static final String GREEN_TG = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-green/2453ed029918f21f";
    /** A hosted zone holding {@link #RECORD} A as two weighted records, "blue" (weight 1) and "green" (weight 0). */
    public static final String ZONE = "Z0FAKE00000000000001";
    public static final String RECORD = "api.example.com.";

    private final Map<String, ForwardWeights> forwards = new HashMap<>();
    private final Set<String> targetGroups = new LinkedHashSet<>();
    private final Map<String, TargetHealthSummary> health = new HashMap<>();
    private final Map<String, AlarmReading> alarms = new LinkedHashMap<>();
    private final Map<String, List<AlarmReading>> alarmHistory = new HashMap<>();
    private final Map<String, Lease> marks = new HashMap<>();
    /** CloudWatch's own clock, which moves a second with every change of state; the engine's clock is another. */
    private Instant cloudWatchTime = Instant.parse("2026-11-21T11:00:00Z");
    private int failingHistoryReads;
    private final Map<String, AtomicInteger> calls = new HashMap<>();
    private final FakeEcs ecs = new FakeEcs();
    private final FakeMetrics metrics = new FakeMetrics();
    private final FakeLambda lambda = FakeLambda.standard();
    private final List<Runnable> failures = new ArrayList<>();
    /** Runs after each write, e.g. to play someone else changing the weights at that moment. */
    private Consumer<ForwardWeights> afterWrite = w -> { };
    /** Runs at the start of every call, with the operation's name: to make a call slow, or hang it. */
    private Consumer<String> onCall = operation -> { };
    private int failingAlarmReads;
    private int failingWrites;
    private final Map<String, List<DnsRecord>> zones = new HashMap<>();
    private int pendingChangeReads;
    private int failingChangeReads;
    private int changeCount;
    private Runnable afterRecordsWrite = () -> { };

    /** A listener forwarding 100% to blue, with blue and green target groups and one OK alarm named "5xx". */
    public static FakeAws standard() {
        FakeAws aws = new FakeAws();
        aws.targetGroups.add(BLUE_TG);
        aws.targetGroups.add(GREEN_TG);
        aws.forwards.put(LISTENER, new ForwardWeights(Map.of(BLUE_TG, 1)));
        aws.forwards.put(RULE, new ForwardWeights(Map.of(BLUE_TG, 1)));
        aws.alarm("5xx", AlarmState.OK, "all good");
        aws.zones.put(ZONE, new ArrayList<>(List.of(
                new DnsRecord(RECORD, "A", "blue", 1L, "weighted", 60L, List.of("192.0.2.10"), null, null),
                new DnsRecord(RECORD, "A", "green", 0L, "weighted", 60L, List.of("192.0.2.20"), null, null))));
        return aws;
    }

    public AwsPorts ports() {
        return new AwsPorts(this, this, ecs, this, this, lambda, null, metrics);
    }

    /** The in-memory CloudWatch metrics behind {@link #ports()}. */
    public FakeMetrics metrics() {
        return metrics;
    }

    /** The in-memory Lambda behind {@link #ports()} (function api, alias live on version 1); it counts its own calls. */
    public FakeLambda lambda() {
        return lambda;
    }

    /** The in-memory ECS behind {@link #ports()}; it counts its own calls. */
    public FakeEcs ecs() {
        return ecs;
    }

    // ---- test controls

    /** Sets an alarm's state; a change of state is stamped with CloudWatch's time and kept in its history. */
    public synchronized FakeAws alarm(String name, AlarmState state, String reason) {
        AlarmReading was = alarms.get(name);
        Instant changedAt = was == null || was.state() != state ? (cloudWatchTime = cloudWatchTime.plusSeconds(1)) : was.changedAt();
        AlarmReading now = new AlarmReading(name, state, reason, changedAt);
        alarms.put(name, now);
        if (was == null || was.state() != state) alarmHistory.computeIfAbsent(name, k -> new ArrayList<>()).add(now);
        return this;
    }

    /** The alarm goes to ALARM and back to OK at once: between two polls, as a short burst of errors does. */
    public synchronized void flap(String name, String reason) {
        alarm(name, AlarmState.ALARM, reason);
        alarm(name, AlarmState.OK, "Threshold Crossed: no datapoints above the threshold");
    }

    /** As moto: the alarm's state time is not reported, so a flap cannot be seen. */
    public synchronized void hideStateTimes() {
        alarms.replaceAll((n, r) -> new AlarmReading(n, r.state(), r.reason(), null));
    }

    public synchronized void failNextHistoryReads(int n) {
        failingHistoryReads = n;
    }

    /** Puts another deployment's mark on a resource. */
    public synchronized void mark(String arn, String deploymentId, String owner, Instant until) {
        marks.put(arn, new Lease(deploymentId, owner, until));
    }

    public synchronized Optional<Lease> markOn(String arn) {
        return Optional.ofNullable(marks.get(arn));
    }

    public synchronized void deleteAlarm(String name) {
        alarms.remove(name);
    }

    public synchronized void setWeights(String arn, Map<String, Integer> weights) {
        forwards.put(arn, new ForwardWeights(weights));
    }

    public synchronized ForwardWeights weights(String arn) {
        return forwards.get(arn);
    }

    public synchronized void health(String tg, TargetHealthSummary summary) {
        health.put(tg, summary);
    }

    public synchronized void failNextAlarmReads(int n) {
        failingAlarmReads = n;
    }

    public synchronized void failNextWrites(int n) {
        failingWrites = n;
    }

    public synchronized void afterWrite(Consumer<ForwardWeights> hook) {
        afterWrite = hook;
    }

    /**
     * Runs {@code hook} at the start of every call of this fake, with the operation's name (as {@link #calls}
     * counts it), e.g. to advance a virtual clock as a slow call would, or to block like an endpoint that does not
     * answer. It runs holding this fake's lock: a hook that blocks blocks every call.
     */
    public synchronized void onCall(Consumer<String> hook) {
        onCall = hook;
    }

    public synchronized int calls(String operation) {
        AtomicInteger n = calls.get(operation);
        return n == null ? 0 : n.get();
    }

    public synchronized void resetCalls() {
        calls.clear();
    }

    private void count(String operation) {
        calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
        onCall.accept(operation);
    }

    /** The zone's records as stored, every field. */
    public synchronized List<DnsRecord> records(String zone) {
        return List.copyOf(zones.getOrDefault(zone, List.of()));
    }

    /** Adds or replaces (by set identifier, name and type) a record of the zone, creating the zone. */
    public synchronized void putRecord(String zone, DnsRecord record) {
        List<DnsRecord> all = zones.computeIfAbsent(zone, z -> new ArrayList<>());
        all.removeIf(r -> same(r, record));
        all.add(record);
    }

    /** Sets the weight of one record of {@link #RECORD} A, as a person in the console would. */
    public synchronized void setRecordWeight(String setIdentifier, long weight) {
        zones.get(ZONE).replaceAll(r -> setIdentifier.equals(r.setIdentifier()) ? r.withWeight(weight) : r);
    }

    /** Route 53 slower than usual: the next {@code n} GetChange calls answer PENDING. */
    public synchronized void staysPending(int n) {
        pendingChangeReads = n;
    }

    public synchronized void failNextChangeReads(int n) {
        failingChangeReads = n;
    }

    public synchronized void afterRecordsWrite(Runnable hook) {
        afterRecordsWrite = hook;
    }

    private static boolean same(DnsRecord a, DnsRecord b) {
        return a.name().equals(b.name()) && a.type().equals(b.type())
                && java.util.Objects.equals(a.setIdentifier(), b.setIdentifier());
    }

    // ---- RecordsPort

    @Override
    public synchronized Optional<List<DnsRecord>> read(String zone, String name, String type) {
        count("ListResourceRecordSets");
        if (!zones.containsKey(zone)) return Optional.empty();
        String n = DnsRecord.normalName(name);
        return Optional.of(zones.get(zone).stream().filter(r -> r.name().equals(n) && r.type().equals(type)).toList());
    }

    @Override
    public synchronized RecordsChange write(String zone, String name, String type, Predicate<List<DnsRecord>> guard,
                                            Map<String, Long> next) {
        // Like the real adapter: one read for the guard, then ONE change batch.
        List<DnsRecord> found = read(zone, name, type)
                .orElseThrow(() -> new IllegalStateException("the hosted zone " + zone + " no longer exists"));
        if (!guard.test(found)) return new RecordsChange(found, null);
        count("ChangeResourceRecordSets");
        if (failingWrites > 0) {
            failingWrites--;
            throw new IllegalStateException("Rate exceeded (simulated)");
        }
        for (DnsRecord r : found) {
            if (next.containsKey(r.setIdentifier())) putRecord(zone, r.withWeight(next.get(r.setIdentifier())));
        }
        afterRecordsWrite.run();
        return new RecordsChange(found, "C" + String.format("%012d", ++changeCount));
    }

    @Override
    public synchronized boolean inSync(String changeId) {
        count("GetChange");
        if (changeId.startsWith("/")) throw new IllegalArgumentException("NoSuchChange: " + changeId + " (pass the bare id)");
        if (failingChangeReads > 0) {
            failingChangeReads--;
            throw new IllegalStateException("Throttling: Rate exceeded (simulated)");
        }
        if (pendingChangeReads > 0) {
            pendingChangeReads--;
            return false;
        }
        return true;
    }

    // ---- TrafficPort

    @Override
    public synchronized Optional<ForwardWeights> read(TrafficTarget target) {
        count(target.kind() == TrafficTarget.Kind.LISTENER ? "DescribeListeners" : "DescribeRules");
        return Optional.ofNullable(forwards.get(target.arn()));
    }

    @Override
    public synchronized ForwardWeights write(TrafficTarget target, String stable, String canary, Split expected, Split next) {
        // Like the real adapter: one read for the guard, then the change.
        ForwardWeights found = read(target)
                .orElseThrow(() -> new IllegalStateException("the " + target.describe() + " no longer exists"));
        if (!found.asSplit(stable, canary).equals(Optional.of(expected)) || expected.equals(next)) return found;
        count(target.kind() == TrafficTarget.Kind.LISTENER ? "ModifyListener" : "ModifyRule");
        if (failingWrites > 0) {
            failingWrites--;
            throw new IllegalStateException("Rate exceeded (simulated)");
        }
        ForwardWeights weights = found.withSplit(stable, canary, next);
        forwards.put(target.arn(), weights);
        afterWrite.accept(weights);
        return found;
    }

    @Override
    public synchronized Set<String> missingTargetGroups(Collection<String> arns) {
        count("DescribeTargetGroups");
        Set<String> missing = new LinkedHashSet<>(arns);
        missing.removeAll(targetGroups);
        return missing;
    }

    @Override
    public synchronized TargetHealthSummary health(String targetGroupArn) {
        count("DescribeTargetHealth");
        return health.getOrDefault(targetGroupArn, new TargetHealthSummary(Map.of()));
    }

    // ---- LeasePort

    @Override
    public synchronized Optional<Lease> read(String resourceArn) {
        count("DescribeTags");
        return Optional.ofNullable(marks.get(resourceArn));
    }

    @Override
    public synchronized void write(String resourceArn, Lease lease) {
        count("AddTags");
        marks.put(resourceArn, lease);
    }

    @Override
    public synchronized void remove(String resourceArn) {
        count("RemoveTags");
        marks.remove(resourceArn);
    }

    // ---- AlarmPort

    @Override
    public synchronized List<AlarmReading> history(String name, Instant since) {
        count("DescribeAlarmHistory");
        if (failingHistoryReads > 0) {
            failingHistoryReads--;
            throw new IllegalStateException("Internal Server Error (simulated)");
        }
        return alarmHistory.getOrDefault(name, List.of()).stream().filter(r -> r.changedAt().isAfter(since)).toList();
    }

    @Override
    public synchronized Map<String, AlarmReading> read(List<String> names) {
        count("DescribeAlarms");
        if (failingAlarmReads > 0) {
            failingAlarmReads--;
            throw new IllegalStateException("Unable to execute HTTP request: Connection reset (simulated)");
        }
        Map<String, AlarmReading> found = new HashMap<>();
        for (String n : names) {
            if (alarms.containsKey(n)) found.put(n, alarms.get(n));
        }
        return found;
    }
}
