package io.jenkins.plugins.awsdeploy.engine.canary;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsSession;
import io.jenkins.plugins.awsdeploy.engine.testing.Moto;
import io.jenkins.plugins.awsdeploy.engine.testing.MotoRoute53;
import io.jenkins.plugins.awsdeploy.engine.testing.MotoRoute53.Shape;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import io.jenkins.plugins.awsdeploy.localaws.FaultProxy;
import io.jenkins.plugins.awsdeploy.localaws.FaultProxy.Fault;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Canaries on Route 53 weighted records through the real SDK against moto: plain, alias and health-checked records,
 * a blue/green switch, the ownership tag on the zone, and the restore command run with the AWS CLI.
 */
@ExtendWith(Moto.class)
class Route53CanaryOnMotoTest {

    static CloudWatchClient cloudWatch;
    static int count;

    @BeforeAll
    static void alarms() {
        cloudWatch = CloudWatchClient.builder().endpointOverride(Moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
    }

    @AfterAll
    static void close() {
        if (cloudWatch != null) cloudWatch.close();
    }

    static String alarm(String name) {
        cloudWatch.putMetricAlarm(r -> r.alarmName(name).namespace("AWS/Route53").metricName("HealthCheckStatus")
                .statistic(Statistic.MINIMUM).period(60).evaluationPeriods(1).threshold(1.0)
                .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD));
        return name;
    }

    static MotoRoute53 zone(Shape shape) {
        return MotoRoute53.create("r53-" + ++count + ".example.com", shape);
    }

    static CanaryRequest request(MotoRoute53 zone) {
        return new CanaryRequest().hostedZoneId(zone.zoneId).recordName(zone.recordName.toUpperCase())
                .stableSetIdentifier("blue").canarySetIdentifier("green").steps(List.of(10, 50, 100)).bake("1m").poll("10s");
    }

    /** Everything but the weight, which the canary alone may change. */
    static ResourceRecordSet withoutWeight(ResourceRecordSet s) {
        return s.toBuilder().weight(null).build();
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void aCanaryWalksTheWeightsAndKeepsEveryOtherField(Shape shape) {
        try (MotoRoute53 zone = zone(shape); AwsSession session = new AwsSession(Moto.access())) {
            List<ResourceRecordSet> before = zone.all();
            VirtualClock clock = new VirtualClock();
            Ticker run = new Ticker(new Engine(session.ports(), clock), clock,
                    CanaryCheckpoint.start(request(zone).alarms(List.of(alarm("r53-ok-" + count))).toSpec()));
            run.runUntil(t -> t.events().stream().anyMatch(e -> e.kind() == EventKind.INSYNC), 50);
            assertThat(zone.weight("blue")).isEqualTo(90);
            assertThat(zone.weight("green")).isEqualTo(10);
            assertThat(zone.tags()).containsKey("aws-deploy:lease:" + zone.recordName + "/A");
            run.runToEnd();

            assertThat(run.checkpoint().outcome()).containsInstanceOf(Outcome.Succeeded.class);
            assertThat(zone.weight("blue")).isZero();
            assertThat(zone.weight("green")).isEqualTo(100);
            assertThat(zone.all().stream().map(Route53CanaryOnMotoTest::withoutWeight).toList())
                    .containsExactlyInAnyOrderElementsOf(before.stream().map(Route53CanaryOnMotoTest::withoutWeight).toList());
            assertThat(run.events()).filteredOn(e -> e.kind() == EventKind.INSYNC).hasSize(3);
            assertThat(zone.tags()).as("the marker is taken off at the end").isEmpty();
        }
    }

    /**
     * Throttling, 500s and dropped connections (answers lost after moto applied a change included) on a fifth of the
     * calls, Route 53's REST-XML ones among them: every canary ends all-new after success or all-stable after a
     * rollback, never in between.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void underInjectedFaultsEveryCanaryEndsConsistent(long seed) throws IOException {
        try (MotoRoute53 zone = zone(Shape.PLAIN);
             FaultProxy faults = FaultProxy.builder(Moto.endpoint()).seed(seed)
                     .rate(Fault.THROTTLING, 0.06).rate(Fault.INTERNAL_ERROR, 0.04).rate(Fault.SERVICE_UNAVAILABLE, 0.03)
                     .rate(Fault.DROP, 0.04).rate(Fault.DROP_AFTER_FORWARD, 0.03).start();
             AwsSession session = new AwsSession(Moto.access(faults.endpoint()))) {
            VirtualClock clock = new VirtualClock();
            Ticker run = new Ticker(new Engine(session.ports(), clock), clock, CanaryCheckpoint.start(request(zone).toSpec()));
            run.runToEnd();

            assertThat(faults.injectedTotal()).isPositive();
            Outcome outcome = run.checkpoint().outcome().orElseThrow();
            if (outcome instanceof Outcome.Succeeded) {
                assertThat(List.of(zone.weight("blue"), zone.weight("green"))).isEqualTo(List.of(0L, 100L));
            } else {
                assertThat(outcome).as(outcome.message()).isInstanceOfAny(Outcome.RolledBack.class, Outcome.Invalid.class);
                assertThat(List.of(zone.weight("blue"), zone.weight("green"))).as(outcome.message()).isIn(List.of(100L, 0L),
                        List.of(1L, 0L));
            }
        }
    }

    /** A blue/green switch of DNS records: one step of 100%, approved first, baked after; an alarm switches back. */
    @Test
    void aBlueGreenSwitchIsOneApprovedStepAndAnAlarmDuringItsBakeSwitchesBack() {
        try (MotoRoute53 zone = zone(Shape.ALIAS); AwsSession session = new AwsSession(Moto.access())) {
            String alarm = alarm("r53-bg-" + count);
            VirtualClock clock = new VirtualClock();
            Engine engine = new Engine(session.ports(), clock);
            Ticker run = new Ticker(engine, clock, CanaryCheckpoint.start(request(zone).steps(List.of(100))
                    .approveBefore(List.of(100)).bake("15m").alarms(List.of(alarm)).toSpec()));
            run.runUntil(t -> t.checkpoint().approval().isPresent(), 10);
            assertThat(zone.weight("green")).as("nothing moves before the approval").isZero();

            run.apply(engine.approve(run.checkpoint(), "release-manager", clock.instant()));
            run.runUntil(t -> ((CanaryCheckpoint) t.checkpoint()).phase() instanceof CanaryPhase.Baking, 10);
            assertThat(zone.weight("blue")).isZero();
            assertThat(zone.weight("green")).isEqualTo(100);
            cloudWatch.setAlarmState(r -> r.alarmName(alarm).stateValue(StateValue.ALARM).stateReason("Threshold Crossed"));
            run.runToEnd();

            assertThat(run.checkpoint().outcome()).containsInstanceOf(Outcome.RolledBack.class);
            assertThat(zone.weight("blue")).isEqualTo(100);
            assertThat(zone.weight("green")).isZero();
        }
    }

    @Test
    void aBlueGreenSwitchWithoutAlarmsEndsOnTheNewRecord() {
        try (MotoRoute53 zone = zone(Shape.PLAIN); AwsSession session = new AwsSession(Moto.access())) {
            VirtualClock clock = new VirtualClock();
            Engine engine = new Engine(session.ports(), clock);
            Ticker run = new Ticker(engine, clock, CanaryCheckpoint.start(request(zone).steps(List.of(100))
                    .approveBefore(List.of(100)).bake("15m").toSpec()));
            run.runUntil(t -> t.checkpoint().approval().isPresent(), 10);
            run.apply(engine.approve(run.checkpoint(), "release-manager", clock.instant()));
            run.runToEnd();

            assertThat(run.checkpoint().outcome()).containsInstanceOf(Outcome.Succeeded.class);
            assertThat(zone.weight("green")).isEqualTo(100);
            assertThat(run.events()).extracting(DeploymentEvent::kind)
                    .containsSubsequence(EventKind.APPROVED, EventKind.SHIFTED, EventKind.INSYNC, EventKind.SUCCEEDED);
        }
    }

    /** Someone edits a weight mid-bake: the run stops untouched, and its restore command, pasted, restores 100/0. */
    @Test
    void theRestoreCommandOfAnUnsafeStopPutsTheStableRecordBackWhenPasted() throws Exception {
        try (MotoRoute53 zone = zone(Shape.HEALTH_CHECKED); AwsSession session = new AwsSession(Moto.access())) {
            List<ResourceRecordSet> before = zone.all();
            VirtualClock clock = new VirtualClock();
            Ticker run = new Ticker(new Engine(session.ports(), clock), clock, CanaryCheckpoint.start(request(zone).toSpec()));
            run.runUntil(t -> t.events().stream().anyMatch(e -> e.kind() == EventKind.INSYNC), 50);
            zone.setWeight("green", 40);
            run.runToEnd();

            Outcome outcome = run.checkpoint().outcome().orElseThrow();
            assertThat(outcome).isInstanceOf(Outcome.Unsafe.class);
            String message = outcome.message();
            int at = message.indexOf("aws route53 change-resource-record-sets");
            String command = message.substring(at, message.indexOf("; then check it", at));
            ProcessBuilder paste = new ProcessBuilder("bash", "-c", command + " --endpoint-url " + Moto.endpoint() + " --output json")
                    .redirectErrorStream(true);
            paste.environment().putAll(Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                    "AWS_DEFAULT_REGION", Moto.REGION));
            Process aws = paste.start();
            aws.getOutputStream().close();
            String output = new String(aws.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(aws.waitFor()).as(command + "\n" + output).isZero();

            assertThat(zone.weight("blue")).isEqualTo(100);
            assertThat(zone.weight("green")).isZero();
            assertThat(zone.all().stream().map(Route53CanaryOnMotoTest::withoutWeight).toList())
                    .containsExactlyInAnyOrderElementsOf(before.stream().map(Route53CanaryOnMotoTest::withoutWeight).toList());
        }
    }

    /** The marker is per record name: a second run on the same records is refused, one on another name of the zone is not. */
    @Test
    void oneOwnerPerRecordNameNotPerZone() throws IOException {
        try (MotoRoute53 zone = zone(Shape.PLAIN); AwsSession session = new AwsSession(Moto.access())) {
            String other = "www." + zone.zoneName;
            // Set identifiers of their own: moto's DELETE removes every record of the zone with the set identifier,
            // whatever its name (Route 53 deletes only the one that matches), and each write DELETEs and CREATEs.
            zone.put(ResourceRecordSet.builder().name(other).type("A").setIdentifier("www-blue").weight(1L).ttl(60L)
                            .resourceRecords(r -> r.value("192.0.2.50")).build(),
                    ResourceRecordSet.builder().name(other).type("A").setIdentifier("www-green").weight(0L).ttl(60L)
                            .resourceRecords(r -> r.value("192.0.2.60")).build());
            VirtualClock clock = new VirtualClock();
            Engine engine = new Engine(session.ports(), clock);
            Ticker first = new Ticker(engine, clock, CanaryCheckpoint.start(request(zone).toSpec()));
            first.runUntil(t -> ((CanaryCheckpoint) t.checkpoint()).phase() instanceof CanaryPhase.Baking, 50);

            Ticker second = new Ticker(engine, clock, CanaryCheckpoint.start(request(zone).toSpec()));
            second.step();
            assertThat(second.checkpoint().outcome()).containsInstanceOf(Outcome.Invalid.class);
            assertThat(second.checkpoint().outcome().orElseThrow().message()).contains("recordName", "is being driven by another deployment");

            Ticker elsewhere = new Ticker(engine, clock, CanaryCheckpoint.start(request(zone).recordName(other)
                    .stableSetIdentifier("www-blue").canarySetIdentifier("www-green").toSpec()));
            elsewhere.runToEnd();
            assertThat(elsewhere.checkpoint().outcome()).containsInstanceOf(Outcome.Succeeded.class);
            assertThat(zone.tags()).containsOnlyKeys("aws-deploy:lease:" + zone.recordName + "/A");
        }
    }
}
