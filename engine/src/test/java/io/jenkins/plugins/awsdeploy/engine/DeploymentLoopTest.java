package io.jenkins.plugins.awsdeploy.engine;

import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.BLUE_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.GREEN_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.LISTENER;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.aws.AwsFailure;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryRequest;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAws;
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
