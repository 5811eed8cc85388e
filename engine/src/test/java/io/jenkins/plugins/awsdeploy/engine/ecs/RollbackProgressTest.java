package io.jenkins.plugins.awsdeploy.engine.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.Progress;
import io.jenkins.plugins.awsdeploy.engine.Progress.Phase;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAws;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeEcs;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a person is shown while an ECS rollback waits for the service to settle. */
class RollbackProgressTest {

    final VirtualClock clock = new VirtualClock();
    final FakeAws aws = FakeAws.standard();
    final FakeEcs ecs = aws.ecs().clock(clock).rolloutPace(Duration.ofSeconds(40)).cluster("prod");

    @Test
    void theWaitForTheServiceCountsDownToTheTimeoutAndMovesNoTraffic() {
        for (int i = 1; i <= 3; i++) ecs.register("web", Map.of("app", "registry/web:1." + i));
        ecs.createService("prod", "web", "web:3", 3);
        RollbackRequest request = new RollbackRequest().cluster("prod").service("web").region(FakeEcs.REGION).timeout("10m");
        Ticker t = new Ticker(new Engine(aws.ports(), clock), clock, RollbackCheckpoint.start(request.toSpec()));
        t.runUntil(x -> ((RollbackCheckpoint) x.checkpoint()).phase() instanceof RollbackPhase.WaitingStable, 20);

        Progress p = Progress.of(t.checkpoint(), clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(p.phase()).isEqualTo(Phase.WAITING_FOR_SERVICE);
        assertThat(p.doing()).startsWith("waiting until service web runs web:2 stably");
        assertThat(p.timeWords()).isEqualTo("9m of 10m left");
        assertThat(p.split()).isNull();
        assertThat(p.sentence()).doesNotContain("traffic", "alarms").contains("| next: done once it does; give up at ");
    }
}
