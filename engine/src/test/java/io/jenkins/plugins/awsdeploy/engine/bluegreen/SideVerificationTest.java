package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.BLUE;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.CLUSTER;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.GREEN;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.outcome;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.phase;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.BLUE_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.GREEN_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.LISTENER;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.AlarmState;
import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.ecs.KnownGoodTag;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeEcs;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Before every irreversible step blue/green reads the side that step depends on, and when it does not hold
 * keeps or puts traffic on the side that does, saying what it found. Someone else acts on the services here,
 * in virtual time, at the moments a run used to trust what it had read earlier.
 */
class SideVerificationTest {

    final BlueGreenWorld world = new BlueGreenWorld();

    private static String arn(String familyRevision) {
        return FakeEcs.taskDefinitionArn(familyRevision);
    }

    private void assertOldSideServesEverything(Ticker t) {
        assertThat(world.production()).isEqualTo(Split.ALL_STABLE);
        assertThat(world.service(BLUE).desiredCount()).isEqualTo(3);
        assertThat(world.service(BLUE).taskDefinition()).isEqualTo(arn("web:1"));
        assertThat(world.service(GREEN).tags()).doesNotContainKey(KnownGoodTag.KEY);
        assertThat(t.events()).extracting(DeploymentEvent::kind).doesNotContain(EventKind.SUCCEEDED);
    }

    // ---- 1. the new side must serve before the old side is scaled down

    @Test
    void aNewSideEmptiedJustBeforeTheScaleDownSendsTrafficBackToTheOldSide() {
        Ticker t = world.start(r -> r.scaleDownAfter("1m")).runUntil(x -> phase(x) instanceof BlueGreenPhase.ScalingDownOld, 100);
        world.ecs.scale(CLUSTER, GREEN, 0);
        t.runToEnd();

        Outcome outcome = outcome(t);
        assertThat(outcome).as(outcome.message()).isInstanceOf(Outcome.RolledBack.class);
        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.message()).contains("just before scaling web-blue down", "web-green wants 0 tasks",
                "all traffic is back on blue (web-blue)");
        assertOldSideServesEverything(t);
    }

    @Test
    void theSameAfterAKillAndResumeInTheScaleDown() {
        Ticker t = world.start(r -> r.scaleDownAfter("1m")).runUntil(x -> phase(x) instanceof BlueGreenPhase.ScalingDownOld, 100);
        world.ecs.scale(CLUSTER, GREEN, 0);
        world.clock.advance(Duration.ofSeconds(30));
        t.restartFromStore().runToEnd();

        assertThat(outcome(t)).as(outcome(t).message()).isInstanceOf(Outcome.RolledBack.class);
        assertOldSideServesEverything(t);
    }

    @Test
    void aNewSideOnAnotherRevisionAtTheScaleDownIsNotRecordedAsGood() {
        Ticker t = world.start(r -> r.scaleDownAfter("1m")).runUntil(x -> phase(x) instanceof BlueGreenPhase.ScalingDownOld, 100);
        world.ecs.startDeployment(CLUSTER, GREEN, "web:1");
        t.runToEnd();

        assertThat(outcome(t)).as(outcome(t).message()).isInstanceOf(Outcome.RolledBack.class);
        assertThat(outcome(t).message()).contains("web-green runs web:1, not web:2");
        assertOldSideServesEverything(t);
    }

    // ---- 2. the new side's targets are read at every poll once traffic is on it

    @Test
    void targetsGoneDuringABakeSwitchBackLikeAnAlarm() {
        Ticker t = world.start(r -> r.steps(List.of(50, 100)).bake("1m"))
                .runUntil(x -> world.production().equals(new Split(50, 50)), 100);
        t.runUntil(x -> false, 2);
        world.health(GREEN_TG, Map.of());
        world.aws.resetCalls();
        t.runToEnd();

        Outcome outcome = outcome(t);
        assertThat(outcome).as(outcome.message()).isInstanceOf(Outcome.RolledBack.class);
        assertThat(outcome.message()).contains("green (web-green) has 0 healthy targets for 3 tasks", "back on blue");
        assertThat(world.aws.calls("ModifyListener")).isEqualTo(1);
        assertOldSideServesEverything(t);
        assertThat(t.events()).filteredOn(e -> e.kind() == EventKind.ROLLBACK_STARTED).singleElement()
                .satisfies(e -> assertThat(e.weights()).isEqualTo(new Split(50, 50)));
    }

    @Test
    void fewerHealthyTargetsThanTasksDuringTheScaleDownWaitSwitchBack() {
        Ticker t = world.start(r -> r.scaleDownAfter("10m")).runUntil(x -> phase(x) instanceof BlueGreenPhase.ScaleDownWait, 100);
        t.runUntil(x -> false, 3);
        world.health(GREEN_TG, Map.of("healthy", 1, "unhealthy", 2));
        t.runToEnd();

        assertThat(outcome(t)).as(outcome(t).message()).isInstanceOf(Outcome.RolledBack.class);
        assertThat(outcome(t).message()).contains("1 healthy target for 3 tasks (2 unhealthy)");
        assertOldSideServesEverything(t);
    }

    @Test
    void eachPollReadsTheNewSidesTargetsOnce() {
        Ticker t = world.start(r -> r.steps(List.of(50, 100)).bake("10m"))
                .runUntil(x -> world.production().equals(new Split(50, 50)), 100);
        t.runUntil(x -> false, 1);
        world.aws.resetCalls();
        t.runUntil(x -> false, 10);

        assertThat(world.aws.calls("DescribeTargetHealth")).isEqualTo(10);
        assertThat(world.aws.calls("DescribeAlarms")).isEqualTo(10);
    }

    // ---- 3. the idle side is verified again right before the first shift

    @Test
    void anIdleSideChangedWhileTheApprovalWasOpenStopsWithTheLiveSideUntouched() {
        Ticker t = world.start(r -> r.approveBefore("switch").scaleDownFailed(true))
                .runUntil(x -> x.checkpoint().approval().isPresent(), 100);
        world.ecs.startDeployment(CLUSTER, GREEN, "web:1");
        world.ecs.completeRollout(CLUSTER, GREEN);
        t.apply(t.engine().approve(t.checkpoint(), "alice", world.clock.instant()));
        t.runToEnd();

        Outcome outcome = outcome(t);
        assertThat(outcome).as(outcome.message()).isInstanceOf(Outcome.Unsafe.class);
        assertThat(outcome.exitCode()).isEqualTo(5);
        assertThat(outcome.message()).contains("just before the first shift", "web-green runs web:1, not web:2",
                "someone else changed it", "green: web-green runs web:1, 3/3 tasks");
        assertThat(world.aws.calls("ModifyListener")).isZero();
        assertOldSideServesEverything(t);
        // Someone else's service now: left as it is, scaleDownFailed or not.
        assertThat(world.service(GREEN).desiredCount()).isEqualTo(3);
    }

    // ---- 4. the old side is verified before traffic goes back to it

    @Test
    void anAlarmDoesNotSwitchBackToAnOldSideThatNoLongerRunsItsRevision() {
        Ticker t = world.start(r -> r.scaleDownAfter("10m")).runUntil(x -> phase(x) instanceof BlueGreenPhase.ScaleDownWait, 100);
        world.ecs.register("web", Map.of("app", "repo/web:9.9", "envoy", "envoy:1.29"));
        world.ecs.startDeployment(CLUSTER, BLUE, "web:3");
        world.ecs.completeRollout(CLUSTER, BLUE);
        world.aws.alarm("5xx", AlarmState.ALARM, "Threshold Crossed");
        world.aws.resetCalls();
        t.runToEnd();

        Outcome outcome = outcome(t);
        assertThat(outcome).as(outcome.message()).isInstanceOf(Outcome.Unsafe.class);
        assertThat(outcome.exitCode()).isEqualTo(5);
        assertThat(outcome.message()).contains("did not switch back", "web-blue runs web:3, not web:1", "alarm 5xx is ALARM",
                "forwards web-blue=0, web-green=100", "blue: web-blue runs web:3, 3/3 tasks",
                "green: web-green runs web:2, 3/3 tasks", "all traffic is on green (web-green), which serves web:2");
        assertThat(world.aws.calls("ModifyListener")).isZero();
        assertThat(world.production()).isEqualTo(new Split(0, 100));
    }

    @Test
    void aSwitchBackToAnOldSideThatStillServesGoesAhead() {
        Ticker t = world.start(r -> r.steps(List.of(50, 100)).bake("1m"))
                .runUntil(x -> world.production().equals(new Split(50, 50)), 100);
        int reads = world.ecs.calls("DescribeServices");
        world.aws.alarm("5xx", AlarmState.ALARM, "Threshold Crossed");
        t.runToEnd();

        assertThat(outcome(t)).as(outcome(t).message()).isInstanceOf(Outcome.RolledBack.class);
        assertThat(world.ecs.calls("DescribeServices")).isGreaterThan(reads);
        assertOldSideServesEverything(t);
    }

    @Test
    void anOldSideThatCannotBeReadIsNotSwitchedBackTo() {
        Ticker t = world.start(r -> r.steps(List.of(50, 100)).bake("1m"))
                .runUntil(x -> world.production().equals(new Split(50, 50)), 100);
        world.aws.alarm("5xx", AlarmState.ALARM, "Threshold Crossed");
        world.ecs.failNext("DescribeServices", 1000);
        world.aws.resetCalls();
        t.runToEnd();

        Outcome outcome = outcome(t);
        assertThat(outcome).as(outcome.message()).isInstanceOf(Outcome.Unsafe.class);
        assertThat(outcome.exitCode()).isEqualTo(5);
        assertThat(outcome.message()).contains("did not switch back: could not read web-blue", "(5 attempts)");
        assertThat(t.events()).extracting(DeploymentEvent::message)
                .anyMatch(m -> m.startsWith("switch back attempt 4 did not move traffic: could not read web-blue"));
        assertThat(world.aws.calls("ModifyListener")).isZero();
        assertThat(world.production()).isEqualTo(new Split(50, 50));
    }

    @Test
    void anOldSideReadableAgainAfterAFailedReadIsSwitchedBackTo() {
        Ticker t = world.start(r -> r.steps(List.of(50, 100)).bake("1m"))
                .runUntil(x -> world.production().equals(new Split(50, 50)), 100);
        world.aws.alarm("5xx", AlarmState.ALARM, "Threshold Crossed");
        world.ecs.failNext("DescribeServices", 2);
        t.runToEnd();

        assertThat(outcome(t)).as(outcome(t).message()).isInstanceOf(Outcome.RolledBack.class);
        assertOldSideServesEverything(t);
    }

    // ---- 6. honest words

    @Test
    void someoneElsePointingTheIdleSideElsewhereIsNotAnEcsRollback() {
        world.ecs.rolloutPace(null);
        Ticker t = world.start(r -> r).runUntil(x -> phase(x) instanceof BlueGreenPhase.WaitingForIdle, 20);
        world.ecs.startDeployment(CLUSTER, GREEN, "web:1");
        t.runToEnd();

        Outcome outcome = outcome(t);
        assertThat(outcome).as(outcome.message()).isInstanceOf(Outcome.Unsafe.class);
        assertThat(outcome.exitCode()).isEqualTo(5);
        assertThat(outcome.message()).contains("web-green runs web:1 instead of web:2", "someone else changed web-green",
                "all traffic is still on blue").doesNotContain("ECS did not keep");
        assertThat(world.aws.calls("ModifyListener")).isZero();
    }

    @Test
    void anEcsRollbackIsCalledOne() {
        world.ecs.rolloutPace(null);
        Ticker t = world.start(r -> r).runUntil(x -> phase(x) instanceof BlueGreenPhase.WaitingForIdle, 20);
        world.ecs.failRollout(CLUSTER, GREEN, "tasks failed to start", true);
        t.runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.RolledBack.class);
        assertThat(outcome(t).message()).startsWith("ECS did not keep the new revision: web-green runs web:1 instead of web:2");
    }

    @Test
    void theHealthWaitCountsHealthyTargetsAgainstDesiredTasks() {
        world.ecs.rolloutPace(Duration.ofMinutes(1));
        Ticker t = world.start(r -> r).runToEnd();

        assertThat(t.events()).extracting(DeploymentEvent::message)
                .contains("web-green: 1/3 running, 2 pending, rollout IN_PROGRESS, 2 deployments, 1 healthy target for 3 tasks");
    }

    @Test
    void anAlarmBeforeAnyTrafficMovedDoesNotSayTrafficIsBack() {
        Ticker t = world.start(r -> r.approveBefore("switch")).runUntil(x -> x.checkpoint().approval().isPresent(), 100);
        world.aws.alarm("5xx", AlarmState.ALARM, "Threshold Crossed");
        t.runToEnd();

        assertThat(outcome(t).message()).contains("alarm 5xx is ALARM", "nothing was switched, all traffic is still on blue")
                .doesNotContain("back");
        assertThat(t.events()).extracting(DeploymentEvent::message).noneMatch(m -> m.contains("back on"));
    }

    @Test
    void aSplitChangedDuringARestartIsReportedWithBothServicesAsTheyAreNow() {
        Ticker t = world.start(r -> r.scaleDownAfter("10m")).runUntil(x -> phase(x) instanceof BlueGreenPhase.ScaleDownWait, 100);
        world.aws.setWeights(LISTENER, Map.of(BLUE_TG, 50, GREEN_TG, 50));
        world.ecs.scale(CLUSTER, BLUE, 1);
        t.restartFromStore().runToEnd();

        Outcome outcome = outcome(t);
        assertThat(outcome).as(outcome.message()).isInstanceOf(Outcome.Unsafe.class);
        assertThat(outcome.message()).contains("after the restart", "Now: the listener", "blue: web-blue runs web:1, 3/1 tasks",
                "green (web-green) serves web:2", "--default-actions")
                .doesNotContain("To put all traffic back on the stable side");
        assertThat(world.aws.weights(LISTENER).weights()).containsEntry(BLUE_TG, 50).containsEntry(GREEN_TG, 50);
    }

    @Test
    void theAdviceAfterAKillTellsWhatAwsShowsNow() {
        Ticker run = world.start(r -> r.scaleDownAfter("1m")).runUntil(x -> phase(x) instanceof BlueGreenPhase.ScalingDownOld, 100);
        Checkpoint stored = run.checkpoint();
        // The tick that dies: blue is scaled to 0, the checkpoint saying so is lost.
        world.clock.set(run.wakeAt());
        run.engine().advance(stored, world.clock.instant());
        world.ecs.counts(CLUSTER, BLUE, 0, 0);
        world.aws.setWeights(LISTENER, Map.of(BLUE_TG, 100, GREEN_TG, 0));
        Ticker resumed = new Ticker(new Engine(world.ports(), world.clock), world.clock, stored);
        resumed.apply(resumed.engine().resume(stored, world.clock.instant()));
        resumed.runToEnd();

        Outcome outcome = outcome(resumed);
        assertThat(outcome).as(outcome.message()).isInstanceOf(Outcome.Unsafe.class);
        assertThat(outcome.message()).contains("blue: web-blue runs web:1, 0/0 tasks", "web-blue=100", "web-green=0",
                "green (web-green) serves web:2", "--listener-arn " + LISTENER)
                .doesNotContain("was not scaled down", "ran the previous revision");
        assertThat(world.service(BLUE).desiredCount()).isZero();
    }
}
