package io.jenkins.plugins.awsdeploy.engine.canary;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.AlarmState;
import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.Progress;
import io.jenkins.plugins.awsdeploy.engine.Progress.Phase;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAws;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** What a person is shown while a canary runs: worked out from the stored checkpoint at any instant. */
class CanaryProgressTest {

    final FakeAws aws = FakeAws.standard();
    final VirtualClock clock = new VirtualClock();

    Ticker canary(UnaryOperator<CanaryRequest> tweak) {
        CanarySpec spec = tweak.apply(CanaryRequestTest.valid().bake("5m").poll("5s")).toSpec();
        return new Ticker(new Engine(aws.ports(), clock), clock, CanaryCheckpoint.start(spec));
    }

    Progress now(Ticker t) {
        return Progress.of(t.checkpoint(), clock.instant());
    }

    @Test
    void aBakeShowsItsStepTheTimeLeftTheSplitTheAlarmsAndWhatComesNext() {
        Ticker t = canary(r -> r).runUntil(x -> now(x).phase() == Phase.BAKING && now(x).split().canary() == 50, 1000);
        Instant shifted = clock.instant();
        t.runUntil(x -> !clock.instant().isBefore(shifted.plus(Duration.ofSeconds(108))), 1000);

        Progress p = now(t);
        assertThat(p.phase()).isEqualTo(Phase.BAKING);
        assertThat(p.doing()).isEqualTo("baking step 2/3 at 50%");
        assertThat(p.split()).isEqualTo(new Split(50, 50));
        assertThat(p.left()).isEqualTo(Duration.ofSeconds(300 - 110));
        assertThat(p.done().orElseThrow()).isCloseTo(110.0 / 300, org.assertj.core.data.Offset.offset(0.001));
        assertThat(p.sentence()).isEqualTo("baking step 2/3 at 50%, 3m10s of 5m left | traffic 50/50 (stable/new)"
                + " | alarms: 5xx OK | next: shift to 100%");
    }

    @Test
    void theSameCheckpointReadLaterOnlyHasLessTimeLeft() {
        Ticker t = canary(r -> r).runUntil(x -> now(x).phase() == Phase.BAKING, 1000);
        Progress p = now(t);
        Progress later = Progress.of(t.checkpoint(), clock.instant().plusSeconds(61));

        assertThat(p.left()).isEqualTo(Duration.ofMinutes(5));
        assertThat(later.left()).isEqualTo(Duration.ofSeconds(239));
        assertThat(later.doing()).isEqualTo(p.doing());
        assertThat(Progress.of(t.checkpoint(), clock.instant().plus(Duration.ofHours(1))).left()).isZero();
    }

    @Test
    void anApprovalShowsHowLongItHasWaitedAndWhenItGivesUp() {
        Ticker t = canary(r -> r.approveBefore(List.of(100)).approvalTimeout("1h"))
                .runUntil(x -> x.checkpoint().approval().isPresent(), 1000);
        Progress p = Progress.of(t.checkpoint(), clock.instant().plus(Duration.ofMinutes(20)));

        assertThat(p.phase()).isEqualTo(Phase.WAITING_FOR_APPROVAL);
        assertThat(p.doing()).isEqualTo("waiting for approval to shift to 100%");
        assertThat(p.timeWords()).isEqualTo("40m of 1h left");
        assertThat(p.next()).startsWith("on approval shift to 100%; without an answer by ").endsWith(" roll back");
    }

    @Test
    void anApprovalWithoutTimeoutSaysSinceWhenAndNoLimit() {
        Ticker t = canary(r -> r.approveBefore(List.of(100))).runUntil(x -> x.checkpoint().approval().isPresent(), 1000);
        Progress p = Progress.of(t.checkpoint(), clock.instant().plus(Duration.ofMinutes(90)));

        assertThat(p.left()).isNull();
        assertThat(p.done()).isEmpty();
        assertThat(p.timeWords()).isEqualTo("waiting 1h30m, no time limit");
    }

    @Test
    void aCheckpointBeyondItsPlanIsStillDescribedInsteadOfBreakingTheStatus() {
        CanaryCheckpoint start = CanaryCheckpoint.start(CanaryRequestTest.valid().toSpec());
        CanaryCheckpoint broken = start.with(new CanaryPhase.Baking(7, clock.instant()));
        CanaryCheckpoint worse = start.with(new CanaryPhase.Shifting(7, Split.ALL_STABLE));

        assertThat(Progress.of(broken, clock.instant()).doing()).startsWith("baking step 8/3");
        assertThat(Progress.of(worse, clock.instant()).doing()).startsWith("in a state that cannot be described");
    }

    @Test
    void aRollbackAndTheEndSayWhatHappened() {
        Ticker t = canary(r -> r).runUntil(x -> now(x).split().canary() == 10, 1000);
        aws.alarm("5xx", AlarmState.ALARM, "Threshold Crossed");
        t.step();
        assertThat(now(t).phase()).isEqualTo(Phase.ROLLING_BACK);
        assertThat(now(t).doing()).startsWith("rolling back (alarm 5xx is ALARM");
        assertThat(now(t).alarmWords()).isEqualTo("5xx ALARM");
        t.runToEnd();
        assertThat(now(t).phase()).isEqualTo(Phase.FINISHED);
        assertThat(now(t).next()).isEmpty();
        assertThat(now(t).timeWords()).isEmpty();
    }
}
