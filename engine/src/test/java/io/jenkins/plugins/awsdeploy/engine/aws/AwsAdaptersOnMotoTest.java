package io.jenkins.plugins.awsdeploy.engine.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsdeploy.engine.AlarmState;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.testing.Moto;
import io.jenkins.plugins.awsdeploy.engine.testing.MotoAlb;
import io.jenkins.plugins.awsdeploy.localaws.FaultProxy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/** Every call the canary engine makes, through the real SDK against moto. */
@ExtendWith(Moto.class)
class AwsAdaptersOnMotoTest {

    static int count;
    MotoAlb alb;
    static AwsSession session;

    @BeforeAll
    static void connect() {
        session = new AwsSession(Moto.access());
    }

    @BeforeEach
    void freshLoadBalancer() {
        alb = MotoAlb.create("adapters" + ++count).alarm("adapters-5xx");
    }

    @AfterEach
    void closeClients() {
        alb.close();
    }

    @AfterAll
    static void disconnect() {
        session.close();
    }

    @Test
    void readsAPlainForwardAsOneGroupAndWritesWeightsThatReadBack() {
        TrafficPort traffic = session.ports().traffic();
        TrafficTarget listener = TrafficTarget.listener(alb.listenerArn);
        assertThat(traffic.read(listener).orElseThrow().weights()).isEqualTo(Map.of(alb.blueTg, 1));

        Map<String, Integer> split = new LinkedHashMap<>();
        split.put(alb.blueTg, 90);
        split.put(alb.greenTg, 10);
        ForwardWeights found = traffic.write(listener, alb.blueTg, alb.greenTg, Split.ALL_STABLE, new Split(90, 10));

        assertThat(found.weights()).isEqualTo(Map.of(alb.blueTg, 1));

        assertThat(traffic.read(listener).orElseThrow().weights()).isEqualTo(split);
        assertThat(alb.listenerWeights()).isEqualTo(split);
        // The rule on the same listener is left alone.
        assertThat(alb.ruleWeights()).isEqualTo(Map.of(alb.blueTg, 1));
    }

    @Test
    void writesARulesForwardAction() {
        TrafficPort traffic = session.ports().traffic();
        TrafficTarget rule = TrafficTarget.rule(alb.ruleArn);
        traffic.write(rule, alb.blueTg, alb.greenTg, Split.ALL_STABLE, new Split(50, 50));

        assertThat(alb.ruleWeights()).isEqualTo(Map.of(alb.blueTg, 50, alb.greenTg, 50));
    }

    @Test
    void aWriteGuardedByASplitTheActionNoLongerHasChangesNothing() {
        TrafficPort traffic = session.ports().traffic();
        TrafficTarget listener = TrafficTarget.listener(alb.listenerArn);
        traffic.write(listener, alb.blueTg, alb.greenTg, Split.ALL_STABLE, new Split(50, 50));

        // Written by a process that still believes the action forwards 100/0.
        ForwardWeights found = traffic.write(listener, alb.blueTg, alb.greenTg, Split.ALL_STABLE, new Split(90, 10));

        assertThat(found.weights()).isEqualTo(Map.of(alb.blueTg, 50, alb.greenTg, 50));
        assertThat(alb.listenerWeights()).isEqualTo(Map.of(alb.blueTg, 50, alb.greenTg, 50));
    }

    @Test
    void aMissingListenerOrRuleReadsAsEmptyAndMissingTargetGroupsAreNamed() {
        TrafficPort traffic = session.ports().traffic();
        String gone = alb.listenerArn.substring(0, alb.listenerArn.length() - 4) + "0000";
        assertThat(traffic.read(TrafficTarget.listener(gone))).isEmpty();
        String goneTg = alb.greenTg.substring(0, alb.greenTg.length() - 4) + "0000";

        assertThat(traffic.missingTargetGroups(List.of(alb.blueTg, goneTg))).containsExactly(goneTg);
        assertThat(traffic.missingTargetGroups(List.of(alb.blueTg, alb.greenTg))).isEmpty();
    }

    @Test
    void targetHealthCountsRegisteredTargets() {
        assertThat(session.ports().traffic().health(alb.greenTg).total()).isZero();
    }

    @Test
    void readsAHundredAlarmsWithOneCallAndReportsStatesAndReasons() throws Exception {
        List<String> names = IntStream.range(0, 100).mapToObj(i -> "batch-" + i).toList();
        names.forEach(alb::alarm);
        alb.setAlarm("batch-7", StateValue.ALARM, "Threshold Crossed: 1 datapoint [9.0] > 5.0");

        try (FaultProxy counting = FaultProxy.builder(Moto.endpoint()).start();
             AwsSession counted = new AwsSession(Moto.access(counting.endpoint()))) {
            Map<String, AlarmReading> read = counted.ports().alarms().read(names);

            assertThat(counting.passed()).isEqualTo(1);
            assertThat(read).hasSize(100);
            assertThat(read.get("batch-7").state()).isEqualTo(AlarmState.ALARM);
            assertThat(read.get("batch-7").reason()).contains("Threshold Crossed");
            assertThat(read.get("batch-8").state()).isEqualTo(AlarmState.OK);
        }
    }

    @Test
    void anAlarmThatDoesNotExistIsAbsent() {
        assertThat(session.ports().alarms().read(List.of("adapters-5xx", "nope"))).containsOnlyKeys("adapters-5xx");
    }

    @Test
    void cloudWatchThatCannotBeReachedThrowsInsteadOfAnsweringOk() throws Exception {
        try (FaultProxy broken = FaultProxy.builder(Moto.endpoint()).rate(FaultProxy.Fault.INTERNAL_ERROR, 1.0).start();
             AwsSession s = new AwsSession(Moto.access(broken.endpoint()),
                     software.amazon.awssdk.awscore.retry.AwsRetryStrategy.doNotRetry())) {
            assertThatThrownBy(() -> s.ports().alarms().read(List.of("adapters-5xx")))
                    .isInstanceOf(software.amazon.awssdk.core.exception.SdkException.class);
        }
    }
}
