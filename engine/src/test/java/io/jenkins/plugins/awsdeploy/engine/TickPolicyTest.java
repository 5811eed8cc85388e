package io.jenkins.plugins.awsdeploy.engine;

import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.BLUE_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.GREEN_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.LISTENER;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.TickPolicy.Failure;
import io.jenkins.plugins.awsdeploy.engine.TickPolicy.Next;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryRequest;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAws;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualClock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TickPolicyTest {

    final FakeAws aws = FakeAws.standard();
    final VirtualClock clock = new VirtualClock();

    Checkpoint fresh() {
        return CanaryCheckpoint.start(new CanaryRequest().listenerArn(LISTENER).stableTargetGroup(BLUE_TG)
                .canaryTargetGroup(GREEN_TG).steps(List.of(50, 100)).bake("10m").poll("1m").toSpec());
    }

    /** A canary that has moved half the traffic and bakes. */
    Checkpoint shifted() {
        Ticker t = new Ticker(new Engine(aws.ports()), clock, fresh());
        t.runUntil(x -> aws.weights(LISTENER).asSplit(BLUE_TG, GREEN_TG).orElseThrow().canary() == 50, 20);
        return t.checkpoint();
    }

    @Test
    void theWaitDoublesFromTwoSecondsUpToHalfAMinute() {
        assertThat(IntStream.rangeClosed(1, 8).mapToObj(TickPolicy::backoff).map(Duration::toSeconds).toList())
                .containsExactly(2L, 4L, 8L, 16L, 30L, 30L, 30L, 30L);
    }

    @Test
    void failuresBeforeAnyChangeEndFailedOnceTheyKeepComing() {
        for (int n = 1; n < TickPolicy.MAX_FAILED_TICKS; n++) {
            assertThat(TickPolicy.failed(fresh(), n, "Throttling", Failure.PASSING))
                    .isEqualTo(new Next.Arm(TickPolicy.backoff(n), "Throttling"));
        }
        Next last = TickPolicy.failed(fresh(), TickPolicy.MAX_FAILED_TICKS, "Throttling", Failure.PASSING);

        assertThat(last).isInstanceOf(Next.Finish.class);
        Outcome outcome = ((Next.Finish) last).outcome();
        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        assertThat(outcome.message()).isEqualTo("gave up after 8 failed attempts in a row (Throttling); nothing was changed in AWS");
    }

    @Test
    void failuresAfterTrafficMovedEndUnsafeAndSayWhereTrafficIs() {
        Checkpoint cp = shifted();

        Next last = TickPolicy.failed(cp, TickPolicy.MAX_FAILED_TICKS, "Throttling", Failure.PASSING);

        Outcome outcome = ((Next.Finish) last).outcome();
        assertThat(outcome).isInstanceOf(Outcome.Unsafe.class);
        assertThat(outcome.message()).startsWith("gave up after 8 failed attempts in a row (Throttling); the deployment stopped where it was: ")
                .endsWith(cp.status());
    }

    @Test
    void aLastingProblemEndsAtOnceOnlyWhileNothingChanged() {
        assertThat(TickPolicy.failed(fresh(), 1, "no credential 'prod'", Failure.LASTING))
                .isEqualTo(new Next.Finish(new Outcome.Failed("no credential 'prod'; nothing was changed in AWS")));
        // Once traffic moved, giving up at once would leave it there: keep trying, the credential may come back.
        assertThat(TickPolicy.failed(shifted(), 1, "no credential 'prod'", Failure.LASTING)).isInstanceOf(Next.Arm.class);
    }

    @Test
    void anUnreachableAgentIsWaitedForThenGivenUpOnTheSameWay() {
        Duration patience = Duration.ofMinutes(10);
        assertThat(TickPolicy.unreachable(fresh(), Duration.ofMinutes(9), patience, "channel closed"))
                .isEqualTo(new Next.Arm(TickPolicy.UNREACHABLE_RETRY, "channel closed"));

        Outcome before = ((Next.Finish) TickPolicy.unreachable(fresh(), patience, patience, "channel closed")).outcome();
        Outcome after = ((Next.Finish) TickPolicy.unreachable(shifted(), patience, patience, "channel closed")).outcome();

        assertThat(before).isInstanceOf(Outcome.Failed.class);
        assertThat(before.message()).isEqualTo("the agent did not come back within 10m (channel closed); nothing was changed in AWS");
        assertThat(after).isInstanceOf(Outcome.Unsafe.class);
    }

    @Test
    void anUnstoredCheckpointStopsTheDeploymentOnceThenLetsTheRollbackRun() {
        Checkpoint cp = shifted();
        assertThat(TickPolicy.notStored(cp, Duration.ofMinutes(1), false)).isEqualTo(new Next.Abort("the checkpoint could not be stored"));
        assertThat(TickPolicy.notStored(cp, Duration.ofMinutes(1), true)).isEqualTo(new Next.Arm(Duration.ofMinutes(1), null));
    }

    @Test
    void aTickThatRanComesBackWhenTheEngineAsksOrEnds() {
        assertThat(TickPolicy.ran(fresh(), Duration.ofMillis(-5))).isEqualTo(new Next.Arm(Duration.ZERO, null));
        Checkpoint ended = fresh().ended(new Outcome.Succeeded("done"));
        assertThat(TickPolicy.ran(ended, null)).isEqualTo(new Next.Finish(new Outcome.Succeeded("done")));
    }
}
