package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.phase;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.Progress;
import io.jenkins.plugins.awsdeploy.engine.Progress.Phase;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a person is shown while a blue/green deployment waits, at each of its waits. */
class BlueGreenProgressTest {

    final BlueGreenWorld world = new BlueGreenWorld();

    Progress now(Ticker t) {
        return Progress.of(t.checkpoint(), world.clock.instant());
    }

    @Test
    void theHealthWaitCountsDownToItsLimitWithTrafficStillOnTheLiveSide() {
        world.ecs.rolloutPace(Duration.ofMinutes(2));
        Ticker t = world.start(r -> r.healthTimeout("10m")).runUntil(x -> phase(x) instanceof BlueGreenPhase.WaitingForIdle, 50);
        t.runUntil(x -> now(x).waited().compareTo(Duration.ofMinutes(3)) >= 0, 1000);

        Progress p = now(t);
        assertThat(p.phase()).isEqualTo(Phase.WAITING_FOR_SERVICE);
        assertThat(p.doing()).startsWith("waiting until web-green is stable on web:");
        assertThat(p.timeWords()).isEqualTo("7m of 10m left");
        assertThat(p.splitWords()).isEqualTo("100/0 (blue/green)");
        assertThat(p.next()).isEqualTo("switch 100% of traffic to green");
    }

    @Test
    void theSwitchBakesInStepsAndTheOldSideIsKeptForTheScaleDownWait() {
        Ticker t = world.start(r -> r.steps(List.of(50, 100)).bake("2m").scaleDownAfter("10m"))
                .runUntil(x -> now(x).phase() == Phase.BAKING, 1000);
        assertThat(now(t).doing()).isEqualTo("switching blue → green: baking step 1/2 at 50%");
        assertThat(now(t).next()).isEqualTo("shift to 100%");
        assertThat(now(t).splitWords()).isEqualTo("50/50 (blue/green)");

        t.runUntil(x -> phase(x) instanceof BlueGreenPhase.ScaleDownWait, 1000);
        Progress p = Progress.of(t.checkpoint(), world.clock.instant().plus(Duration.ofMinutes(4)));
        assertThat(p.phase()).isEqualTo(Phase.BAKING);
        assertThat(p.doing()).isEqualTo("all traffic on green; web-blue kept running, alarms watched");
        assertThat(p.timeWords()).isEqualTo("6m of 10m left");
        assertThat(p.next()).isEqualTo("scale web-blue to 0");
        assertThat(p.alarmWords()).isEqualTo("5xx OK");
    }
}
