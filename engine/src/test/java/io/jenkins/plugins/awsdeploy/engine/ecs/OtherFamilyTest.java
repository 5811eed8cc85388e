package io.jenkins.plugins.awsdeploy.engine.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAws;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeEcs;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualClock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code web-api:3} given for a service running {@code web:7} is a typo more often than a rename. */
class OtherFamilyTest {

    final VirtualClock clock = new VirtualClock();
    final FakeAws aws = FakeAws.standard();
    final FakeEcs ecs = aws.ecs().clock(clock);

    @BeforeEach
    void world() {
        ecs.cluster("prod");
        for (int i = 1; i <= 7; i++) ecs.register("web", Map.of("app", "registry/web:1." + i));
        for (int i = 1; i <= 3; i++) ecs.register("web-api", Map.of("app", "registry/api:1." + i));
        ecs.createService("prod", "web", "web:7", 3);
        ecs.resetCalls();
    }

    Ticker rollback(RollbackRequest request) {
        return new Ticker(new Engine(aws.ports(), clock), clock, RollbackCheckpoint.start(
                request.cluster("prod").service("web").region(FakeEcs.REGION).toSpec())).runToEnd();
    }

    @Test
    void aRevisionOfAnotherFamilyIsRefusedAndNothingChanges() {
        Ticker t = rollback(new RollbackRequest().toRevision("web-api:3"));

        Outcome outcome = t.checkpoint().outcome().orElseThrow();
        assertThat(outcome).isInstanceOf(Outcome.Invalid.class);
        assertThat(((Outcome.Invalid) outcome).problems()).singleElement().satisfies(p -> {
            assertThat(p.parameter()).isEqualTo("toRevision");
            assertThat(p.message()).contains("web-api:3 is of family web-api", "runs web:7", "allowOtherFamily");
        });
        assertThat(ecs.writes()).isZero();
        assertThat(ecs.peek("prod", "web").taskDefinition()).isEqualTo(FakeEcs.taskDefinitionArn("web:7"));
    }

    @Test
    void itIsTakenWhenAllowedOnPurpose() {
        Ticker t = rollback(new RollbackRequest().toRevision("web-api:3").allowOtherFamily(true).noWait(true));

        assertThat(t.checkpoint().outcome().orElseThrow()).isInstanceOf(Outcome.Succeeded.class);
        assertThat(ecs.peek("prod", "web").taskDefinition()).isEqualTo(FakeEcs.taskDefinitionArn("web-api:3"));
    }
}
