package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.BLUE;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.CLUSTER;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.GREEN;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.outcome;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.LISTENER;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryRequest;
import io.jenkins.plugins.awsdeploy.engine.ecs.RollbackCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.ecs.RollbackRequest;
import io.jenkins.plugins.awsdeploy.engine.ownership.Ownership;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAws;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeEcs;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Blue/green holds the listener and both services from its preflight to its end: no canary, no second
 * blue/green and no ecs-rollback drives them meanwhile, and a resume takes them again. While the old side
 * is kept, the canary engine's watch applies as it does to a canary: a flap between two polls switches back,
 * and weights changed by someone else stop it at the next poll.
 */
class BlueGreenOwnershipTest {

    final BlueGreenWorld world = new BlueGreenWorld();
    final String blueArn = FakeEcs.serviceArn(CLUSTER, BLUE);
    final String greenArn = FakeEcs.serviceArn(CLUSTER, GREEN);

    @Test
    void theListenerAndBothServicesCarryTheMarkFromPreflightToTheEnd() {
        Ticker t = world.start(r -> r);
        t.step(); // preflight
        String id = t.checkpoint().claim().deploymentId();

        for (String arn : List.of(LISTENER, blueArn, greenArn)) {
            assertThat(world.aws.markOn(arn)).as(arn).hasValueSatisfying(l -> assertThat(l.deploymentId()).isEqualTo(id));
        }
        assertThat(world.ecs.writes()).isZero();
        t.runToEnd();
        assertThat(outcome(t)).as(outcome(t).message()).isInstanceOf(Outcome.Succeeded.class);
        for (String arn : List.of(LISTENER, blueArn, greenArn)) {
            assertThat(world.aws.markOn(arn)).as(arn).isEmpty();
        }
    }

    @Test
    void whileItRunsACanaryASecondBlueGreenAndARollbackAreRefusedAndChangeNothing() {
        Ticker t = world.start(r -> r).runUntil(x -> world.service(GREEN).runningCount() == 1, 100);
        String owner = t.checkpoint().claim().owner();
        BlueGreenWorld.State before = world.state();
        Engine engine = new Engine(world.ports());

        Ticker canary = new Ticker(engine, world.clock, CanaryCheckpoint.start(new CanaryRequest().listenerArn(LISTENER)
                .stableTargetGroup(FakeAws.BLUE_TG).canaryTargetGroup(FakeAws.GREEN_TG).steps(List.of(10, 100)).bake("1m")
                .region("us-east-1").toSpec())).runToEnd();
        Ticker second = world.start(r -> r.images(Map.of("app", "repo/web:3.0"))).runToEnd();
        Ticker rollback = new Ticker(engine, world.clock, RollbackCheckpoint.start(new RollbackRequest().cluster(CLUSTER)
                .service(BLUE).toRevision("web:1").region(FakeEcs.REGION).toSpec())).runToEnd();

        assertThat(canary.checkpoint().outcome().orElseThrow().message()).contains("listenerArn: is being driven by another",
                owner);
        assertThat(outcome(second).message()).contains("blueService: is being driven by another", "greenService: is being driven");
        assertThat(rollback.checkpoint().outcome().orElseThrow().message()).contains("service: is being driven by another");
        for (Ticker refused : List.of(canary, second, rollback)) {
            assertThat(refused.checkpoint().outcome().orElseThrow().exitCode()).isEqualTo(2);
        }
        assertThat(world.state()).isEqualTo(before);

        t.runToEnd();
        assertThat(outcome(t)).isInstanceOf(Outcome.Succeeded.class);
    }

    @Test
    void aServiceHeldByAnotherDeploymentStopsThePreflightWithNothingChanged() {
        world.aws.mark(greenArn, "other", "jenkins build 12", world.clock.instant().plus(Duration.ofMinutes(5)));
        BlueGreenWorld.State before = world.state();
        Ticker t = world.start(r -> r).runToEnd();

        assertThat(outcome(t).exitCode()).isEqualTo(2);
        assertThat(outcome(t).message()).contains("greenService: is being driven by another deployment other of jenkins build 12");
        assertThat(world.state()).isEqualTo(before);
        assertThat(world.aws.markOn(LISTENER)).isEmpty();
        assertThat(world.aws.markOn(blueArn)).isEmpty();
    }

    @Test
    void aResumedBlueGreenTakesAllItsMarksAgain() {
        Ticker t = world.start(r -> r).runUntil(x -> world.service(GREEN).runningCount() == 2, 100);
        world.clock.advance(Duration.ofHours(1));
        t.restartFromStore();

        for (String arn : List.of(LISTENER, blueArn, greenArn)) {
            assertThat(world.aws.markOn(arn).orElseThrow().until()).isEqualTo(world.clock.instant().plus(Ownership.TERM));
        }
        t.runToEnd();
        assertThat(outcome(t)).isInstanceOf(Outcome.Succeeded.class);
        assertThat(world.aws.markOn(greenArn)).isEmpty();
    }

    @Test
    void anAlarmThatFlapsWhileTheOldSideIsKeptSwitchesBack() {
        Ticker t = world.start(r -> r.scaleDownAfter("10m")).runUntil(x -> BlueGreenWorld.phase(x) instanceof BlueGreenPhase.ScaleDownWait, 100);
        t.runUntil(x -> false, 3);
        world.aws.flap("5xx", "Threshold Crossed: 1 datapoint [22.0] > 5.0");
        t.runToEnd();

        assertThat(outcome(t)).as(outcome(t).message()).isInstanceOf(Outcome.RolledBack.class);
        assertThat(outcome(t).message()).contains("alarm 5xx went to ALARM", "[22.0] > 5.0");
        assertThat(world.production()).isEqualTo(Split.ALL_STABLE);
    }

    @Test
    void weightsChangedWhileTheOldSideIsKeptStopItAtTheNextPoll() {
        Ticker t = world.start(r -> r.scaleDownAfter("10m")).runUntil(x -> BlueGreenWorld.phase(x) instanceof BlueGreenPhase.ScaleDownWait, 100);
        world.aws.setWeights(LISTENER, Map.of(FakeAws.BLUE_TG, 30, FakeAws.GREEN_TG, 70));
        world.aws.resetCalls();
        t.step();

        assertThat(t.checkpoint().finished()).isTrue();
        assertThat(outcome(t).exitCode()).isEqualTo(5);
        assertThat(world.aws.calls("ModifyListener")).isZero();
        assertThat(world.service(BLUE).desiredCount()).isEqualTo(3);
    }
}
