package io.jenkins.plugins.awsdeploy.engine.canary;

import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.BLUE_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.GREEN_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.LISTENER;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.DeploymentLoop;
import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.JsonCodec;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAws;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualClock;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A store that breaks mid-bake stops the deployment and puts traffic back, but the rollback's checkpoints are lost
 * with it: the next run finds an older checkpoint (50/50) and AWS at 100/0. That is not someone else's doing.
 */
class UnstoredCheckpointTest {

    @Test
    void theNextRunSeesTheSplitThisDeploymentWouldHaveRestoredAndFinishesWithoutCryingUnsafe() throws Exception {
        FakeAws aws = FakeAws.standard();
        List<String> stored = new ArrayList<>();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            DeploymentLoop loop = new DeploymentLoop(new Engine(aws.ports()), timer, Clock.systemUTC(), new DeploymentLoop.Listener() {
                public void event(DeploymentEvent e) {
                }

                public void save(Checkpoint c) {
                    // Stored: the new deployment's, the preflight's and the shift to 50/50's; from the first poll of the
                    // bake on, the disk is full.
                    if (stored.size() == 3) throw new IllegalStateException("No space left on device");
                    stored.add(JsonCodec.write(c));
                }
            });
            Outcome first = loop.start(CanaryCheckpoint.start(new CanaryRequest().listenerArn(LISTENER).stableTargetGroup(BLUE_TG)
                    .canaryTargetGroup(GREEN_TG).steps(List.of(50, 100)).bake("1h").poll("1s").toSpec()), false)
                    .get(10, TimeUnit.SECONDS);
            assertThat(first).isInstanceOf(Outcome.Stopped.class);
        } finally {
            timer.shutdownNow();
        }
        assertThat(aws.weights(LISTENER).asSplit(BLUE_TG, GREEN_TG)).contains(Split.ALL_STABLE);
        CanaryCheckpoint left = (CanaryCheckpoint) JsonCodec.readCheckpoint(stored.get(stored.size() - 1));
        assertThat(left.live()).isEqualTo(new Split(50, 50));

        VirtualClock clock = new VirtualClock();
        Ticker next = new Ticker(new Engine(aws.ports(), clock), clock, left);
        next.apply(next.engine().resume(left, clock.instant()));
        next.runToEnd();

        Outcome outcome = next.checkpoint().outcome().orElseThrow();
        assertThat(outcome).isInstanceOf(Outcome.Stopped.class);
        assertThat(outcome.message()).contains("forwards 100/0, the split this deployment would have restored");
        assertThat(aws.calls("ModifyListener")).isEqualTo(2);
    }
}
