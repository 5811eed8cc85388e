package io.jenkins.plugins.awsdeploy.engine.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAws;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeEcs;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An ecs-rollback holds its service while it updates and waits; a second one is refused meanwhile. */
class RollbackOwnershipTest {

    final VirtualClock clock = new VirtualClock();
    final FakeAws aws = FakeAws.standard();
    final FakeEcs ecs = aws.ecs().clock(clock);
    final Engine engine = new Engine(aws.ports());
    final String service = FakeEcs.serviceArn("prod", "web");

    RollbackOwnershipTest() {
        ecs.cluster("prod").rolloutPace(Duration.ofSeconds(30));
        for (int i = 1; i <= 3; i++) ecs.register("web", Map.of("app", "registry/web:1." + i));
        ecs.createService("prod", "web", "web:3", 3);
    }

    Ticker rollback(String to) {
        return new Ticker(engine, clock, RollbackCheckpoint.start(new RollbackRequest().cluster("prod").service("web")
                .toRevision(to).region(FakeEcs.REGION).toSpec()));
    }

    @Test
    void theServiceIsHeldWhileTheRollbackWaitsAndASecondRollbackIsRefused() {
        Ticker first = rollback("web:2");
        first.step(); // preflight
        assertThat(aws.markOn(service)).isPresent();
        assertThat(ecs.writes()).isZero();
        first.step(); // the update
        int writes = ecs.writes();

        Ticker second = rollback("web:1").runToEnd();
        Outcome refused = second.checkpoint().outcome().orElseThrow();
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.message()).contains("service: is being driven by another deployment "
                + first.checkpoint().claim().deploymentId());
        assertThat(ecs.writes()).isEqualTo(writes);

        first.runToEnd();
        assertThat(first.checkpoint().outcome().orElseThrow()).isInstanceOf(Outcome.Succeeded.class);
        assertThat(aws.markOn(service)).isEmpty();
    }
}
