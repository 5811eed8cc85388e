package io.jenkins.plugins.awsdeploy.engine;

import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.BLUE_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.GREEN_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.LISTENER;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.aws.AwsFailure;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryRequest;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAws;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualClock;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualTimer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

class DeploymentLoopTest {

    final FakeAws aws = FakeAws.standard();
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    Checkpoint canary() {
        return CanaryCheckpoint.start(new CanaryRequest().listenerArn(LISTENER).stableTargetGroup(BLUE_TG)
                .canaryTargetGroup(GREEN_TG).steps(List.of(50, 100)).bake("0s").poll("1s").toSpec());
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheDeployment() throws Exception {
        DeploymentLoop loop = new DeploymentLoop(new Engine(aws.ports()), timer, Clock.systemUTC(), new DeploymentLoop.Listener() {
            public void event(DeploymentEvent e) {
                throw new IllegalStateException("the printer broke");
            }

            public void save(Checkpoint c) {
            }
        });
        Outcome outcome = loop.start(canary(), false).get(10, TimeUnit.SECONDS);

        assertThat(outcome).isInstanceOf(Outcome.Succeeded.class);
        assertThat(aws.weights(LISTENER).asSplit(BLUE_TG, GREEN_TG)).contains(new Split(0, 100));
    }

    @Test
    void aNewDeploymentIsStoredBeforeItMarksAnythingAndAKilledRunResumesAsItself() throws Exception {
        List<Checkpoint> stored = new ArrayList<>();
        List<Boolean> markedWhenStored = new ArrayList<>();
        DeploymentLoop.Listener store = new DeploymentLoop.Listener() {
            public void event(DeploymentEvent e) {
            }

            public void save(Checkpoint c) {
                stored.add(c);
                markedWhenStored.add(aws.markOn(LISTENER).isPresent());
            }
        };
        Checkpoint initial = canary();
        assertThat(new DeploymentLoop(new Engine(aws.ports()), timer, Clock.systemUTC(), store).start(initial, false)
                .get(10, TimeUnit.SECONDS)).isInstanceOf(Outcome.Succeeded.class);
        assertThat(stored.get(0)).isEqualTo(initial);
        assertThat(markedWhenStored.get(0)).as("stored before the preflight marked the listener").isFalse();

        // kill -9 right after a preflight marked the listener, before its checkpoint was stored: the state file holds
        // the first store, and the rerun with it is the same deployment, whose mark does not lock it out.
        FakeAws again = FakeAws.standard();
        new Engine(again.ports()).advance(stored.get(0), Instant.now());
        assertThat(again.markOn(LISTENER)).isPresent();
        DeploymentLoop rerun = new DeploymentLoop(new Engine(again.ports()), timer, Clock.systemUTC(), new DeploymentLoop.Listener() {
            public void event(DeploymentEvent e) {
            }

            public void save(Checkpoint c) {
            }
        });
        Outcome outcome = rerun.start(stored.get(0), true).get(10, TimeUnit.SECONDS);

        assertThat(outcome).as(outcome.message()).isInstanceOf(Outcome.Succeeded.class);
        assertThat(again.weights(LISTENER).asSplit(BLUE_TG, GREEN_TG)).contains(new Split(0, 100));
        assertThat(again.markOn(LISTENER)).isEmpty();
    }

    @Test
    void aCheckpointThatCannotBeStoredStopsTheDeploymentAndPutsTrafficBack() throws Exception {
        DeploymentLoop loop = new DeploymentLoop(new Engine(aws.ports()), timer, Clock.systemUTC(), new DeploymentLoop.Listener() {
            int saves;

            public void event(DeploymentEvent e) {
            }

            public void save(Checkpoint c) {
                if (++saves == 3) throw new IllegalStateException("No space left on device");
            }
        });
        Outcome outcome = loop.start(canary(), false).get(10, TimeUnit.SECONDS);

        assertThat(outcome).isInstanceOf(Outcome.Stopped.class);
        assertThat(outcome.message()).contains("the checkpoint could not be stored");
        assertThat(aws.weights(LISTENER).asSplit(BLUE_TG, GREEN_TG)).contains(Split.ALL_STABLE);
    }

    @Test
    void aStoreThatStaysBrokenStillLetsTheRollbackFinish() throws Exception {
        DeploymentLoop loop = new DeploymentLoop(new Engine(aws.ports()), timer, Clock.systemUTC(), new DeploymentLoop.Listener() {
            int saves;

            public void event(DeploymentEvent e) {
            }

            public void save(Checkpoint c) {
                if (++saves >= 3) throw new IllegalStateException("No space left on device");
            }
        });
        Outcome outcome = loop.start(canary(), false).get(10, TimeUnit.SECONDS);

        assertThat(outcome).isInstanceOf(Outcome.Stopped.class);
        assertThat(aws.weights(LISTENER).asSplit(BLUE_TG, GREEN_TG)).contains(Split.ALL_STABLE);
    }

    /** Set to make every engine call fail the way a call that never gets through does. */
    volatile String unreachable;

    /** The engine's clock: whenever the engine asks it while {@link #unreachable} is set, the call fails. */
    Clock engineClock(VirtualClock clock) {
        return new Clock() {
            public Instant instant() {
                if (unreachable != null) throw new IllegalStateException(unreachable);
                return clock.instant();
            }

            public java.time.ZoneId getZone() {
                return clock.getZone();
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
    }

    /** A loop on virtual time; {@code events} collects what it printed. */
    DeploymentLoop virtualLoop(VirtualClock clock, VirtualTimer timer, List<DeploymentEvent> events) {
        return new DeploymentLoop(new Engine(aws.ports(), engineClock(clock)), timer, clock, new DeploymentLoop.Listener() {
            public void event(DeploymentEvent e) {
                events.add(e);
            }

            public void save(Checkpoint c) {
            }
        });
    }

    @Test
    void awsThatNeverAnswersBeforeAnyChangeEndsFailedAfterTheBackoff() throws Exception {
        VirtualClock clock = new VirtualClock();
        Instant start = clock.instant();
        List<DeploymentEvent> events = new ArrayList<>();
        unreachable = "Connection refused";
        VirtualTimer timer = new VirtualTimer(clock);

        CompletableFuture<Outcome> outcome = virtualLoop(clock, timer, events).start(canary(), false);
        timer.runUntil(outcome::isDone, 100);

        assertThat(outcome).isDone();
        assertThat(outcome.get()).isInstanceOf(Outcome.Failed.class);
        assertThat(outcome.get().message())
                .isEqualTo("gave up after 8 failed attempts in a row (Connection refused); nothing was changed in AWS");
        // 2 + 4 + 8 + 16 + 30 + 30 + 30 seconds between the eight attempts
        assertThat(Duration.between(start, clock.instant())).isEqualTo(Duration.ofSeconds(120));
        assertThat(events).filteredOn(e -> e.message().startsWith("could not go on")).hasSize(7);
    }

    @Test
    void awsThatStopsAnsweringAfterTrafficMovedEndsUnsafeWithTrafficWhereItWas() throws Exception {
        VirtualClock clock = new VirtualClock();
        VirtualTimer timer = new VirtualTimer(clock);
        Checkpoint slow = CanaryCheckpoint.start(new CanaryRequest().listenerArn(LISTENER).stableTargetGroup(BLUE_TG)
                .canaryTargetGroup(GREEN_TG).steps(List.of(50, 100)).bake("10m").poll("1m").toSpec());
        CompletableFuture<Outcome> outcome = virtualLoop(clock, timer, new ArrayList<>()).start(slow, false);
        timer.runUntil(() -> aws.weights(LISTENER).asSplit(BLUE_TG, GREEN_TG).orElseThrow().canary() == 50, 100);
        unreachable = "Connection refused";

        timer.runUntil(outcome::isDone, 100);

        assertThat(outcome.get()).isInstanceOf(Outcome.Unsafe.class);
        assertThat(outcome.get().message()).startsWith("gave up after 8 failed attempts in a row (Connection refused); "
                + "the deployment stopped where it was: ");
        assertThat(aws.weights(LISTENER).asSplit(BLUE_TG, GREEN_TG)).contains(new Split(50, 50));
    }

    @Test
    void awsFailuresReadAsOneShortPhrase() {
        AwsServiceException throttled = AwsServiceException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("Throttling").errorMessage("Rate exceeded").build()).build();
        assertThat(AwsFailure.describe(throttled)).isEqualTo("Throttling: Rate exceeded (HTTP 400)");

        String chain = "Unable to load credentials from any of the providers in the chain. "
                + "[SystemPropertyCredentialsProvider(): Unable to load credentials from system settings ...]".repeat(5);
        assertThat(AwsFailure.describe(SdkClientException.create(chain)))
                .isEqualTo("Unable to load credentials from any of the providers in the chain.");
        assertThat(AwsFailure.describe(new IllegalStateException("x".repeat(500)))).hasSize(200);
    }
}
