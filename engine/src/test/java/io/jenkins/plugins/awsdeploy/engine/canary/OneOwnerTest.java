package io.jenkins.plugins.awsdeploy.engine.canary;

import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.BLUE_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.GREEN_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.LISTENER;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.AlarmState;
import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.aws.ForwardWeights;
import io.jenkins.plugins.awsdeploy.engine.ownership.Claim;
import io.jenkins.plugins.awsdeploy.engine.ownership.Lease;
import io.jenkins.plugins.awsdeploy.engine.ownership.Ownership;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAws;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** One owner per listener: the mark is written before the first change, renewed, taken off at the end. */
class OneOwnerTest {

    final FakeAws aws = FakeAws.standard();
    final VirtualClock clock = new VirtualClock();

    Ticker canary(String id, UnaryOperator<CanaryRequest> tweak) {
        CanarySpec spec = tweak.apply(CanaryRequestTest.valid().bake("1m").poll("5s")).toSpec();
        return new Ticker(new Engine(aws.ports(), clock), clock, CanaryCheckpoint.start(spec, Claim.of(id, "host-" + id)));
    }

    Split live() {
        return aws.weights(LISTENER).asSplit(BLUE_TG, GREEN_TG).orElseThrow();
    }

    static Outcome outcome(Ticker t) {
        return t.checkpoint().outcome().orElseThrow();
    }

    @Test
    void theMarkIsWrittenBeforeTheFirstChangeAndTakenOffAtTheEnd() {
        Ticker t = canary("a", r -> r);
        t.step(); // preflight

        assertThat(aws.calls("ModifyListener")).isZero();
        assertThat(aws.markOn(LISTENER)).contains(new Lease("a", "host-a", clock.instant().plus(Ownership.TERM)));
        t.runToEnd();
        assertThat(outcome(t)).isInstanceOf(Outcome.Succeeded.class);
        assertThat(aws.markOn(LISTENER)).isEmpty();
    }

    @Test
    void aSecondDeploymentIsRefusedAtPreflightNamingTheOwnerAndTheLease() {
        Ticker first = canary("a", r -> r).runUntil(x -> live().equals(new Split(90, 10)), 100);
        Instant until = aws.markOn(LISTENER).orElseThrow().until();
        ForwardWeights before = aws.weights(LISTENER);
        aws.resetCalls();

        // Another plan, another state file: it must not drive the same listener.
        Ticker second = canary("b", r -> r.steps(List.of(50, 100))).runToEnd();

        assertThat(outcome(second).exitCode()).isEqualTo(2);
        assertThat(outcome(second).message()).contains("listenerArn: is being driven by another deployment a of host-a",
                "lease until " + until);
        assertThat(aws.weights(LISTENER)).isEqualTo(before);
        assertThat(aws.calls("ModifyListener") + aws.calls("AddTags") + aws.calls("RemoveTags")).isZero();
        assertThat(aws.markOn(LISTENER)).hasValueSatisfying(l -> assertThat(l.deploymentId()).isEqualTo("a"));

        first.runToEnd();
        assertThat(outcome(first)).isInstanceOf(Outcome.Succeeded.class);
    }

    @Test
    void theMarkIsRenewedWhileTheDeploymentWaits() {
        Ticker t = canary("a", r -> r.approveBefore(List.of(100)))
                .runUntil(x -> x.checkpoint().approval().isPresent(), 100);
        Instant first = aws.markOn(LISTENER).orElseThrow().until();
        t.runUntil(x -> false, 12 * 60); // an hour of polls while nobody answers

        Instant later = aws.markOn(LISTENER).orElseThrow().until();
        assertThat(later).isAfter(first.plus(Duration.ofMinutes(30)));
        assertThat(Duration.between(clock.instant(), later)).isGreaterThan(Ownership.TERM.dividedBy(2));
        // Renewal costs a read and a write every half term, not two calls per poll.
        assertThat(aws.calls("AddTags")).isLessThanOrEqualTo(1 + 60 / 7 + 1);
    }

    @Test
    void theSameDeploymentResumingFromItsCheckpointTakesItsMarkAgainEvenAfterItRanOut() {
        Ticker t = canary("a", r -> r).runUntil(x -> live().equals(new Split(90, 10)), 100);
        clock.advance(Duration.ofHours(2)); // the process was down far longer than the lease
        t.restartFromStore();

        assertThat(t.events()).anyMatch(e -> e.message().contains("holds its ownership marker again"));
        assertThat(aws.markOn(LISTENER).orElseThrow().until()).isEqualTo(clock.instant().plus(Ownership.TERM));
        t.runToEnd();
        assertThat(outcome(t)).isInstanceOf(Outcome.Succeeded.class);
        assertThat(aws.markOn(LISTENER)).isEmpty();
    }

    @Test
    void anExpiredLeaseOfAnotherDeploymentIsTakenOverSayingSo() {
        aws.mark(LISTENER, "dead", "host-dead", clock.instant().minus(Duration.ofMinutes(1)));
        Ticker t = canary("a", r -> r).runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.Succeeded.class);
        assertThat(t.events()).filteredOn(e -> e.kind() == EventKind.PREFLIGHT_PASSED).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("took over the expired lease of deployment dead of host-dead"));
    }

    @Test
    void aDeploymentWhoseMarkWasTakenOverWhileItWasDownStopsWithoutTouchingAnything() {
        Ticker t = canary("a", r -> r).runUntil(x -> live().equals(new Split(90, 10)), 100);
        clock.advance(Duration.ofHours(1));
        aws.mark(LISTENER, "b", "host-b", clock.instant().plus(Ownership.TERM));
        aws.resetCalls();
        t.restartFromStore();

        assertThat(outcome(t).exitCode()).isEqualTo(5);
        assertThat(outcome(t).message()).contains("now held by deployment b of host-b");
        assertThat(aws.calls("ModifyListener")).isZero();
        assertThat(aws.markOn(LISTENER)).hasValueSatisfying(l -> assertThat(l.deploymentId()).isEqualTo("b"));
    }

    @Test
    void aRollbackAndAnAbortTakeTheMarkOffToo() {
        Ticker t = canary("a", r -> r).runUntil(x -> live().equals(new Split(90, 10)), 100);
        aws.alarm("5xx", AlarmState.ALARM, "errors");
        t.runToEnd();
        assertThat(outcome(t).exitCode()).isEqualTo(3);
        assertThat(aws.markOn(LISTENER)).isEmpty();

        aws.alarm("5xx", AlarmState.OK, "fine");
        Ticker u = canary("b", r -> r).runUntil(x -> live().equals(new Split(90, 10)), 100);
        u.apply(u.engine().abort(u.checkpoint(), "interrupted", clock.instant()));
        u.runToEnd();
        assertThat(outcome(u).exitCode()).isEqualTo(4);
        assertThat(aws.markOn(LISTENER)).isEmpty();
    }

    @Test
    void otherTargetGroupsAtWeightZeroSurviveAResume() {
        String other = BLUE_TG.replace("web-blue", "web-old");
        aws.setWeights(LISTENER, new java.util.LinkedHashMap<>(Map.of(BLUE_TG, 100, GREEN_TG, 0, other, 0)));
        Ticker t = canary("a", r -> r).runUntil(x -> live().equals(new Split(50, 50)), 100);
        clock.advance(Duration.ofSeconds(30));
        t.restartFromStore().runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.Succeeded.class);
        assertThat(aws.weights(LISTENER).weights()).containsEntry(other, 0).containsEntry(GREEN_TG, 100);
    }

    @Test
    void aDeploymentThatPollsRarelyHoldsItsMarkForThreePollsSoItNeverLapsesBetweenTwo() {
        Ticker t = canary("a", r -> r.bake("2h").poll("20m"));
        t.step();
        assertThat(aws.markOn(LISTENER).orElseThrow().until()).isEqualTo(clock.instant().plus(Duration.ofMinutes(60)));
        while (t.step()) {
            assertThat(aws.markOn(LISTENER)).as("at " + clock.instant()).hasValueSatisfying(
                    l -> assertThat(l.until()).isAfter(clock.instant().plus(Duration.ofMinutes(20))));
            if (t.checkpoint().history().stream().anyMatch(e -> e.kind() == EventKind.SHIFTED && e.weights().canary() == 100)) break;
        }
    }
}
