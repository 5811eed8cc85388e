package io.jenkins.plugins.awsdeploy.engine.canary;

import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.BLUE_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.GREEN_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.LISTENER;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.AlarmState;
import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.aws.ForwardWeights;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAws;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class CanaryDeploymentTest {

    final FakeAws aws = FakeAws.standard();
    final VirtualClock clock = new VirtualClock();

    Ticker canary(UnaryOperator<CanaryRequest> tweak) {
        CanarySpec spec = tweak.apply(CanaryRequestTest.valid().bake("1m").poll("5s")).toSpec();
        return new Ticker(new Engine(aws.ports(), clock), clock, CanaryCheckpoint.start(spec));
    }

    Split live() {
        return aws.weights(LISTENER).asSplit(BLUE_TG, GREEN_TG).orElseThrow();
    }

    Outcome outcome(Ticker t) {
        return t.checkpoint().outcome().orElseThrow();
    }

    @Test
    void walksThePlanAndEndsWithAllTrafficOnTheNewSide() {
        Instant start = clock.instant();
        Ticker t = canary(r -> r).runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.Succeeded.class);
        assertThat(live()).isEqualTo(new Split(0, 100));
        assertThat(t.events()).filteredOn(e -> e.kind() == EventKind.SHIFTED).extracting(DeploymentEvent::weights)
                .containsExactly(new Split(90, 10), new Split(50, 50), new Split(0, 100));
        // Three bakes of a minute each, no more.
        assertThat(Duration.between(start, clock.instant())).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void anAlarmRollsStraightBackSkippingTheRemainingSteps() {
        Ticker t = canary(r -> r).runUntil(x -> live().equals(new Split(50, 50)), 100);
        aws.alarm("5xx", AlarmState.ALARM, "Threshold Crossed: 1 datapoint [12.0] > 5.0");
        aws.resetCalls();
        Instant fired = clock.instant();
        t.runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.RolledBack.class);
        assertThat(outcome(t).exitCode()).isEqualTo(3);
        assertThat(outcome(t).message()).contains("5xx", "Threshold Crossed", "100/0");
        assertThat(live()).isEqualTo(Split.ALL_STABLE);
        // One change, straight to 100/0, within one poll of the alarm.
        assertThat(aws.calls("ModifyListener")).isEqualTo(1);
        assertThat(Duration.between(fired, clock.instant())).isLessThanOrEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void anAlarmThatCannotBeReadCountsAsFailing() {
        Ticker t = canary(r -> r).runUntil(x -> live().equals(new Split(90, 10)), 100);
        aws.failNextAlarmReads(1);
        t.runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.RolledBack.class);
        assertThat(outcome(t).message()).contains("5xx is UNREADABLE", "could not be read");
        assertThat(live()).isEqualTo(Split.ALL_STABLE);
    }

    @Test
    void aDeletedAlarmCountsAsFailing() {
        Ticker t = canary(r -> r).runUntil(x -> live().equals(new Split(90, 10)), 100);
        aws.deleteAlarm("5xx");
        t.runToEnd();

        assertThat(outcome(t).message()).contains("no longer exists");
        assertThat(live()).isEqualTo(Split.ALL_STABLE);
    }

    @Test
    void twoCallsPerPollAndThreeListenerCallsPerStep() {
        List<String> many = java.util.stream.IntStream.range(0, 100).mapToObj(i -> "alarm-" + i).toList();
        many.forEach(a -> aws.alarm(a, AlarmState.OK, "fine"));
        Ticker t = canary(r -> r.alarms(many).steps(List.of(100)).bake("1m").poll("5s"));
        t.step(); // preflight
        aws.resetCalls();
        t.runToEnd();

        // 60 s of bake polled every 5 s, the last poll at the end of the bake: each poll reads the alarms
        // and the weights once; the step itself reads, writes and reads back.
        assertThat(aws.calls("DescribeAlarms")).isEqualTo(12);
        assertThat(aws.calls("DescribeListeners")).isEqualTo(2 + 12);
        assertThat(aws.calls("ModifyListener")).isEqualTo(1);
        assertThat(aws.calls("DescribeAlarmHistory")).isZero();
    }

    @Test
    void refusesToStartWhileAnAlarmIsAlreadyFiring() {
        aws.alarm("5xx", AlarmState.ALARM, "Threshold Crossed");
        Ticker t = canary(r -> r).runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.Invalid.class);
        assertThat(outcome(t).message()).contains("alarms: '5xx' is already in ALARM");
        assertThat(aws.calls("ModifyListener")).isZero();
    }

    @Test
    void preflightReportsEveryProblemAndChangesNothing() {
        aws.setWeights(LISTENER, Map.of(BLUE_TG, 70, GREEN_TG, 30));
        Ticker t = canary(r -> r.alarms(List.of("5xx", "missing")).canaryTargetGroup(GREEN_TG.replace("2453", "9999")))
                .runToEnd();

        assertThat(outcome(t).exitCode()).isEqualTo(2);
        assertThat(outcome(t).message()).contains("no alarm named 'missing'", "canaryTargetGroup: no target group");
        assertThat(aws.calls("ModifyListener")).isZero();
        assertThat(aws.weights(LISTENER).weights()).isEqualTo(Map.of(BLUE_TG, 70, GREEN_TG, 30));
    }

    @Test
    void aSplitOffThePathIsRefused() {
        aws.setWeights(LISTENER, Map.of(BLUE_TG, 70, GREEN_TG, 30));
        Ticker off = canary(r -> r).runToEnd();
        assertThat(outcome(off).message()).contains("70/30", "neither 100/0 nor a step");
        assertThat(off.events().get(off.events().size() - 1).weights()).isEqualTo(new Split(70, 30));
    }

    @Test
    void waitsForApprovalWhileWatchingAlarmsAndGoesOnWhenApproved() {
        Ticker t = canary(r -> r.approveBefore(List.of(100)))
                .runUntil(x -> x.checkpoint().approval().isPresent(), 100);
        assertThat(live()).isEqualTo(new Split(50, 50));
        int reads = aws.calls("DescribeAlarms");
        t.runUntil(x -> false, 10); // ten polls while nobody answers
        assertThat(aws.calls("DescribeAlarms")).isEqualTo(reads + 10);
        assertThat(live()).isEqualTo(new Split(50, 50));

        t.apply(t.engine().approve(t.checkpoint(), "alice", clock.instant()));
        t.runToEnd();
        assertThat(outcome(t)).isInstanceOf(Outcome.Succeeded.class);
        assertThat(t.events()).anyMatch(e -> e.kind() == EventKind.APPROVED && e.message().contains("alice"));
    }

    @Test
    void anApprovalLongAfterTheLastPollDoesNotShiftPastAnAlarmThatWentOffMeanwhile() {
        Ticker t = canary(r -> r.approveBefore(List.of(100)).poll("5m"))
                .runUntil(x -> x.checkpoint().approval().isPresent(), 100);
        assertThat(live()).isEqualTo(new Split(50, 50));
        clock.advance(Duration.ofSeconds(270)); // 4.5 minutes after the last poll, the alarm has long been firing
        aws.alarm("5xx", AlarmState.ALARM, "Threshold Crossed");
        aws.resetCalls();

        t.apply(t.engine().approve(t.checkpoint(), "alice", clock.instant()));
        t.runToEnd();

        assertThat(outcome(t)).as(outcome(t).message()).isInstanceOf(Outcome.RolledBack.class);
        assertThat(outcome(t).message()).contains("5xx");
        assertThat(t.events()).filteredOn(e -> e.kind() == EventKind.SHIFTED).extracting(DeploymentEvent::weights)
                .doesNotContain(new Split(0, 100));
        // Straight back from 50/50 in one change: 0/100 was never written.
        assertThat(aws.calls("ModifyListener")).isEqualTo(1);
        assertThat(live()).isEqualTo(Split.ALL_STABLE);
    }

    @Test
    void anAlarmWhileWaitingForApprovalRollsBackAndClosesTheApproval() {
        Ticker t = canary(r -> r.approveBefore(List.of(100)))
                .runUntil(x -> x.checkpoint().approval().isPresent(), 100);
        aws.alarm("5xx", AlarmState.ALARM, "latency");
        t.runToEnd();

        assertThat(outcome(t).exitCode()).isEqualTo(3);
        assertThat(t.checkpoint().approval()).isEmpty();
        assertThat(t.events()).anyMatch(e -> e.message().contains("the approval is closed"));
        assertThat(live()).isEqualTo(Split.ALL_STABLE);
    }

    @Test
    void decliningRollsBackAndEndsStopped() {
        Ticker t = canary(r -> r.approveBefore(List.of(50)))
                .runUntil(x -> x.checkpoint().approval().isPresent(), 100);
        t.apply(t.engine().decline(t.checkpoint(), "bob", clock.instant()));
        t.runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.Stopped.class);
        assertThat(outcome(t).exitCode()).isEqualTo(4);
        assertThat(outcome(t).message()).contains("declined by bob");
        assertThat(live()).isEqualTo(Split.ALL_STABLE);
    }

    @Test
    void anApprovalThatTimesOutRollsBack() {
        Ticker t = canary(r -> r.approveBefore(List.of(50)).approvalTimeout("10m")).runToEnd();

        assertThat(outcome(t).exitCode()).isEqualTo(4);
        assertThat(outcome(t).message()).contains("no approval within 10m");
        assertThat(live()).isEqualTo(Split.ALL_STABLE);
    }

    @Test
    void abortingAtAnyMomentEndsWithAllTrafficOnTheStableSide() {
        for (int ticks = 0; ticks < 40; ticks++) {
            FakeAws fresh = FakeAws.standard();
            Ticker t = new Ticker(new Engine(fresh.ports()), new VirtualClock(),
                    CanaryCheckpoint.start(CanaryRequestTest.valid().bake("1m").toSpec()));
            for (int i = 0; i < ticks && t.step(); i++) {
                // run some way into the deployment
            }
            if (t.checkpoint().finished()) break;
            t.apply(t.engine().abort(t.checkpoint(), "interrupted (SIGTERM)", t.clock().instant()));
            t.runToEnd();
            assertThat(t.checkpoint().outcome().orElseThrow()).isInstanceOf(Outcome.Stopped.class);
            assertThat(fresh.weights(LISTENER).asSplit(BLUE_TG, GREEN_TG)).hasValueSatisfying(
                    s -> assertThat(s.canary()).isZero());
        }
    }

    @Test
    void weightsChangedBySomeoneElseStopTheRunWithoutTouchingThemAtTheNextPoll() {
        Ticker t = canary(r -> r).runUntil(x -> live().equals(new Split(90, 10)), 100);
        aws.setWeights(LISTENER, Map.of(BLUE_TG, 80, GREEN_TG, 20));
        aws.resetCalls();
        Instant changed = clock.instant();
        t.step();

        // Noticed at the very next poll (5 s), not at the next step a minute later.
        assertThat(t.checkpoint().finished()).isTrue();
        assertThat(Duration.between(changed, clock.instant())).isLessThanOrEqualTo(Duration.ofSeconds(5));

        assertThat(outcome(t).exitCode()).isEqualTo(5);
        assertThat(outcome(t).message()).contains("changed by someone else", "aws elbv2 modify-listener");
        assertThat(aws.calls("ModifyListener")).isZero();
        assertThat(aws.weights(LISTENER).weights()).isEqualTo(Map.of(BLUE_TG, 80, GREEN_TG, 20));
    }

    @Test
    void aWriteThatDoesNotStickIsNeverReportedAsSuccess() {
        aws.afterWrite(w -> aws.setWeights(LISTENER, Map.of(BLUE_TG, 100, GREEN_TG, 0)));
        Ticker t = canary(r -> r).runToEnd();

        assertThat(outcome(t).exitCode()).isEqualTo(5);
        assertThat(outcome(t).message()).contains("wrote 90/10 but AWS reports");
    }

    @Test
    void aFailedShiftRollsBackAndARollbackThatKeepsFailingSaysWhereTrafficIs() {
        Ticker t = canary(r -> r).runUntil(x -> live().equals(new Split(90, 10)), 100);
        aws.failNextWrites(1);
        t.runToEnd();
        assertThat(outcome(t).exitCode()).isEqualTo(3);
        assertThat(live()).isEqualTo(Split.ALL_STABLE);

        FakeAws broken = FakeAws.standard();
        Ticker u = new Ticker(new Engine(broken.ports()), new VirtualClock(),
                CanaryCheckpoint.start(CanaryRequestTest.valid().bake("1m").toSpec()));
        u.runUntil(x -> broken.weights(LISTENER).weightOf(GREEN_TG) == 10, 100);
        broken.alarm("5xx", AlarmState.ALARM, "errors");
        broken.failNextWrites(100);
        u.runToEnd();
        assertThat(u.checkpoint().outcome().orElseThrow().exitCode()).isEqualTo(5);
        assertThat(u.checkpoint().outcome().orElseThrow().message())
                .contains("after 5 attempts", "aws elbv2 modify-listener --listener-arn " + LISTENER);
        assertThat(broken.calls("ModifyListener")).isEqualTo(1 + 5);
    }

    @Test
    void theRuleVariantMovesTheRulesWeights() {
        Ticker t = canary(r -> r.listenerArn(null).ruleArn(FakeAws.RULE)).runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.Succeeded.class);
        assertThat(aws.weights(FakeAws.RULE).asSplit(BLUE_TG, GREEN_TG)).contains(new Split(0, 100));
        assertThat(aws.weights(LISTENER).weights()).isEqualTo(Map.of(BLUE_TG, 1));
    }

    @Test
    void aStoredCheckpointCarriesNoSecretAndReadsBackEqual() {
        Ticker t = canary(r -> r).runUntil(x -> live().equals(new Split(50, 50)), 100);
        String json = io.jenkins.plugins.awsdeploy.engine.JsonCodec.write(t.checkpoint());
        assertThat(io.jenkins.plugins.awsdeploy.engine.JsonCodec.readCheckpoint(json)).isEqualTo(t.checkpoint());
        assertThat(json).doesNotContainIgnoringCase("secret").doesNotContain("AKIA");
        assertThat(ForwardWeights.shortName(BLUE_TG)).isEqualTo("web-blue");
    }
}
