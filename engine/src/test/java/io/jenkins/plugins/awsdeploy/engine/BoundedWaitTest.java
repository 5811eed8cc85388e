package io.jenkins.plugins.awsdeploy.engine;

import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.BLUE_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.GREEN_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.LISTENER;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.canary.CanaryCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryRequest;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAws;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A call that hangs must not hold a stop that has nothing to undo, must still hold one that is putting traffic
 * back, and events carry the time they happened, not the time their call began.
 */
class BoundedWaitTest {

    final FakeAws aws = FakeAws.standard();
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch hung = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        timer.shutdownNow();
    }

    static Checkpoint canary(String bake) {
        return CanaryCheckpoint.start(new CanaryRequest().listenerArn(LISTENER).stableTargetGroup(BLUE_TG)
                .canaryTargetGroup(GREEN_TG).steps(List.of(50, 100)).bake(bake).poll("1s").alarms(List.of("5xx")).toSpec());
    }

    DeploymentLoop loop() {
        return new DeploymentLoop(new Engine(aws.ports()), timer, Clock.systemUTC(), new DeploymentLoop.Listener() {
            public void event(DeploymentEvent e) {
            }

            public void save(Checkpoint c) {
            }
        });
    }

    /** The next call of {@code operation} hangs until the test lets it go, like an endpoint that never answers. */
    void hang(String operation) {
        aws.onCall(op -> {
            if (!op.equals(operation) || release.getCount() == 0) return;
            hung.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Test
    void aStopWhileThePreflightHangsEndsAtOnceWithNothingChanged() throws Exception {
        hang("DescribeListeners");
        DeploymentLoop loop = loop();
        loop.start(canary("1m"), false);
        assertThat(hung.await(10, TimeUnit.SECONDS)).isTrue();

        loop.abort("interrupted (Ctrl-C)");

        // Still hung: the stop did not wait for the call.
        Outcome outcome = loop.outcome().get(10, TimeUnit.SECONDS);
        assertThat(release.getCount()).isEqualTo(1);
        assertThat(outcome).isInstanceOf(Outcome.Stopped.class);
        assertThat(outcome.message()).isEqualTo("interrupted (Ctrl-C) before any change; nothing was changed in AWS");
        // What the hung call finds later is dropped: nothing is shifted after the stop.
        release.countDown();
        timer.shutdown();
        assertThat(timer.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(aws.calls("ModifyListener")).isZero();
        assertThat(aws.weights(LISTENER).asSplit(BLUE_TG, GREEN_TG)).contains(Split.ALL_STABLE);
    }

    @Test
    void aStopWhileThePreflightMarksTheListenerTakesTheMarkOffAgain() throws Exception {
        hang("AddTags");
        DeploymentLoop loop = loop();
        loop.start(canary("1m"), false);
        assertThat(hung.await(10, TimeUnit.SECONDS)).isTrue();

        loop.abort("interrupted (Ctrl-C)");
        assertThat(loop.outcome().get(10, TimeUnit.SECONDS)).isInstanceOf(Outcome.Stopped.class);
        release.countDown(); // the preflight goes on and marks the listener; its result is dropped
        timer.shutdown();
        assertThat(timer.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(aws.markOn(LISTENER)).as("a mark left behind would refuse the rerun for 15 minutes").isEmpty();
        assertThat(aws.calls("ModifyListener")).isZero();
    }

    @Test
    void aStopDuringARollbackWaitsUntilTrafficIsBack() throws Exception {
        DeploymentLoop loop = loop();
        loop.start(canary("1h"), false);
        waitFor(() -> aws.weights(LISTENER).asSplit(BLUE_TG, GREEN_TG).orElseThrow().equals(new Split(50, 50)));
        hang("ModifyListener");
        aws.alarm("5xx", AlarmState.ALARM, "Threshold Crossed");
        assertThat(hung.await(10, TimeUnit.SECONDS)).as("the rollback's write began").isTrue();

        loop.abort("interrupted (Ctrl-C)");
        Thread.sleep(500);
        assertThat(loop.outcome().isDone()).as("ended while the rollback's write hung").isFalse();

        release.countDown();
        Outcome outcome = loop.outcome().get(10, TimeUnit.SECONDS);
        assertThat(outcome).isInstanceOf(Outcome.RolledBack.class);
        assertThat(aws.weights(LISTENER).asSplit(BLUE_TG, GREEN_TG)).contains(Split.ALL_STABLE);
    }

    @Test
    void eventsCarryTheTimeTheyHappenedNotTheTimeTheirCallBegan() {
        VirtualClock clock = new VirtualClock();
        // Every write of weights takes 30 s, every other call 2 s: slow, but answered. Each call's end is noted.
        List<String> calls = new ArrayList<>();
        List<Instant> ended = new ArrayList<>();
        aws.onCall(op -> {
            clock.advance(op.startsWith("Modify") ? Duration.ofSeconds(30) : Duration.ofSeconds(2));
            calls.add(op);
            ended.add(clock.instant());
        });
        Instant start = clock.instant();
        Ticker t = new Ticker(new Engine(aws.ports(), clock), clock, canary("1m"));

        t.runUntil(x -> x.events().stream().anyMatch(e -> e.kind() == EventKind.SHIFTED), 10);

        DeploymentEvent checked = t.events().stream().filter(e -> e.kind() == EventKind.PREFLIGHT_PASSED).findFirst().orElseThrow();
        DeploymentEvent shifted = t.events().stream().filter(e -> e.kind() == EventKind.SHIFTED).findFirst().orElseThrow();
        int write = calls.indexOf(calls.stream().filter(op -> op.startsWith("Modify")).findFirst().orElseThrow());
        // The preflight (reads of the listener, the target groups, the alarm and the marks, then the mark written)
        // is told once its last call has ended, long after the call began: that call precedes the guard's read.
        assertThat(checked.at()).isAfter(start.plusSeconds(5)).isEqualTo(ended.get(write - 2));
        // The shift: a read to guard, the 30 s write, a read back; told once it was read back.
        assertThat(calls.get(write - 1)).startsWith("Describe");
        assertThat(calls.get(write + 1)).startsWith("Describe");
        assertThat(shifted.at()).isEqualTo(ended.get(write + 1)).isEqualTo(checked.at().plusSeconds(2 + 30 + 2));
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("never happened");
            Thread.sleep(20);
        }
    }
}
