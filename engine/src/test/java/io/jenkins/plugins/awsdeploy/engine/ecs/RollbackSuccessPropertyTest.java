package io.jenkins.plugins.awsdeploy.engine.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAws;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeEcs;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualClock;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever ECS does between polls, a rollback reports success only while the target is what runs, and
 * updates at most once. (Named *Test, not *Properties, because Surefire's default includes only run *Test.)
 */
class RollbackSuccessPropertyTest {

    static final String CLUSTER = "prod";
    static final String SERVICE = "web";

    @Property(tries = 300)
    void successOnlyWhileTheTargetRunsAlone(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 9) Integer> ecsMoves,
                                            @ForAll boolean restartHalfway) {
        VirtualClock clock = new VirtualClock();
        FakeAws aws = FakeAws.standard();
        FakeEcs ecs = aws.ecs().clock(clock);
        ecs.cluster(CLUSTER);
        for (int i = 1; i <= 7; i++) ecs.register("web", Map.of("app", "web:1." + i));
        ecs.createService(CLUSTER, SERVICE, "web:7", 3);
        ecs.resetCalls();
        Ticker t = new Ticker(new Engine(aws.ports(), clock), clock, RollbackCheckpoint.start(new RollbackRequest()
                .cluster(CLUSTER).service(SERVICE).toRevision("web:5").timeout("5m").toSpec()));

        for (int i = 0; i < ecsMoves.size() && t.step(); i++) {
            move(ecs, ecsMoves.get(i));
            if (restartHalfway && i == ecsMoves.size() / 2) t.restartFromStore();
        }
        t.runToEnd();

        Outcome outcome = t.checkpoint().outcome().orElseThrow();
        if (outcome instanceof Outcome.Succeeded) {
            assertThat(ecs.peek(CLUSTER, SERVICE).stableOn(new TaskDefinitionRef("web", 5))).isTrue();
        }
        assertThat(outcome.exitCode()).isIn(0, 1, 3, 5);
        // None when someone else changed the service between the check and the update.
        assertThat(ecs.calls("UpdateService")).isLessThanOrEqualTo(1);
    }

    private static void move(FakeEcs ecs, int move) {
        switch (move) {
            case 0 -> ecs.counts(CLUSTER, SERVICE, 1, 2);
            case 1 -> ecs.counts(CLUSTER, SERVICE, 3, 0);
            case 2 -> ecs.oldRunning(CLUSTER, SERVICE, 0);
            case 3 -> ecs.completeRollout(CLUSTER, SERVICE);
            case 4 -> ecs.failRollout(CLUSTER, SERVICE, "tasks failed to start.", true);
            case 5 -> ecs.failRollout(CLUSTER, SERVICE, "tasks failed to start.", false);
            case 6 -> ecs.startDeployment(CLUSTER, SERVICE, "web:3");
            case 7 -> ecs.event(CLUSTER, SERVICE, "(service web) has started 1 tasks.");
            default -> { }
        }
    }
}
