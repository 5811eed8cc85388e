package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.outcome;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.phase;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.GroupWorld.BLUE;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.GroupWorld.GREEN;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.GroupWorld.LIVE;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.GREEN_TG;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.AlarmState;
import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.aws.Capacity;
import io.jenkins.plugins.awsdeploy.engine.ecs.KnownGoodTag;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAutoScaling;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Blue/green on Auto Scaling groups over time, as AWS behaves and moto does not: instances that take a minute to be
 * InService, targets that are {@code initial} before they are healthy, targets that never become healthy, and
 * instances of the old group that are drained, not kept, after the scale-down.
 */
class GroupsInTimeTest {

    final GroupWorld world = new GroupWorld();
    static final String V2 = FakeAutoScaling.TEMPLATE + ":2";

    @Test
    void waitsForEveryInstanceInServiceAndEveryTargetHealthyBeforeAnyTrafficMoves() {
        Instant start = world.clock.instant();
        Ticker t = world.start(r -> r.poll("5s"));
        t.runUntil(x -> phase(x) instanceof BlueGreenPhase.Switching, 200);
        Instant switched = world.clock.instant();
        assertThat(Duration.between(start, switched)).isGreaterThanOrEqualTo(Duration.ofSeconds(90));
        assertThat(world.asg.version(GREEN)).isEqualTo("2");
        assertThat(world.asg.capacity(GREEN)).isEqualTo(LIVE);
        assertThat(world.asg.versions()).containsEntry(2L, GroupWorld.AMI);
        // What the wait reported, in order: instances starting, then targets checked, then ready.
        List<String> waits = t.events().stream().map(DeploymentEvent::message).filter(m -> m.startsWith(GREEN + ": ")).toList();
        assertThat(waits.get(0)).contains("0/3 instances InService on version 2", "3 instance(s) Pending");
        assertThat(waits).anySatisfy(m -> assertThat(m).contains("0 healthy targets for 3 instances (3 initial)"));
        assertThat(t.events()).anySatisfy(e -> assertThat(e.message())
                .contains("web-green is stable on " + V2 + ": 3/3 instances InService on version 2, 3 healthy targets for 3 instances"));
        assertThat(world.production()).isEqualTo(Split.ALL_STABLE);

        t.runToEnd();
        Outcome o = outcome(t);
        assertThat(o).as(o.message()).isInstanceOf(Outcome.Succeeded.class);
        assertThat(world.production()).isEqualTo(new Split(0, 100));
        assertThat(world.asg.capacity(BLUE)).isEqualTo(new Capacity(0, 0, 6));
        assertThat(world.asg.tags(BLUE)).containsEntry(AsgFleet.CAPACITY_TAG, "min=2,desired=3,max=6");
        assertThat(world.asg.tags(GREEN)).containsEntry(KnownGoodTag.KEY, V2);
        assertThat(((BlueGreenCheckpoint) t.checkpoint()).capacity()).isEqualTo(LIVE);
    }

    @Test
    void targetsThatNeverTurnHealthyEndWithNothingSwitchedAndGreenKeptForInspection() {
        world.asg.targetState(GREEN_TG, "unhealthy");
        Ticker t = world.start(r -> r.healthTimeout("3m"));
        t.runToEnd();
        Outcome o = outcome(t);
        assertThat(o).as(o.message()).isInstanceOf(Outcome.RolledBack.class);
        assertThat(o.message()).contains("was not stable and healthy within 3m", "0 healthy targets for 3 instances (3 unhealthy)",
                "nothing was switched", "web-green stays up on " + V2 + " for inspection");
        assertThat(world.production()).isEqualTo(Split.ALL_STABLE);
        assertThat(world.asg.capacity(GREEN)).isEqualTo(LIVE);
        assertThat(world.asg.capacity(BLUE)).isEqualTo(LIVE);
        assertThat(t.events()).noneMatch(e -> e.kind() == EventKind.SHIFTED);
    }

    @Test
    void withScaleDownFailedTheGroupThatNeverStartedIsEmptiedAgain() {
        world.asg.neverStarting(GREEN);
        Ticker t = world.start(r -> r.healthTimeout("3m").scaleDownFailed(true));
        t.runToEnd();
        assertThat(outcome(t)).isInstanceOf(Outcome.RolledBack.class);
        assertThat(outcome(t).message()).contains("3 instance(s) Pending", "web-green was scaled to 0");
        assertThat(world.asg.capacity(GREEN).desired()).isZero();
        assertThat(world.asg.capacity(BLUE)).isEqualTo(LIVE);
    }

    @Test
    void targetsFailingWhileBlueIsKeptSwitchBackToBlueInOneChange() {
        Ticker t = world.start(r -> r.scaleDownAfter("10m"));
        t.runUntil(x -> phase(x) instanceof BlueGreenPhase.ScaleDownWait, 200);
        assertThat(world.production()).isEqualTo(new Split(0, 100));
        world.asg.targetState(GREEN_TG, "unhealthy");
        t.runToEnd();
        Outcome o = outcome(t);
        assertThat(o).as(o.message()).isInstanceOf(Outcome.RolledBack.class);
        assertThat(world.production()).isEqualTo(Split.ALL_STABLE);
        assertThat(world.asg.capacity(BLUE)).isEqualTo(LIVE);
        assertThat(world.asg.tags(GREEN)).doesNotContainKey(KnownGoodTag.KEY);
        assertThat(o.message()).contains("has 0 healthy targets for 3 instances (3 unhealthy)");
        assertThat(t.events()).filteredOn(e -> e.kind() == EventKind.ROLLED_BACK).extracting(DeploymentEvent::weights)
                .containsExactly(Split.ALL_STABLE);
    }

    @Test
    void anAlarmDuringTheSwitchPutsTrafficBackOnBlue() {
        Ticker t = world.start(r -> r.steps(List.of(10, 100)).bake("1m"));
        t.runUntil(x -> phase(x) instanceof BlueGreenPhase.Switching s && s.canary().live().equals(new Split(90, 10)), 200);
        world.aws.alarm("5xx", AlarmState.ALARM, "Threshold Crossed");
        t.runToEnd();
        assertThat(outcome(t)).isInstanceOf(Outcome.RolledBack.class);
        assertThat(world.production()).isEqualTo(Split.ALL_STABLE);
        assertThat(world.asg.capacity(GREEN)).isEqualTo(LIVE);
    }

    @Test
    void aVersionCreatedTwiceAfterARestartIsTheSameVersion() {
        Ticker t = world.start(r -> r);
        t.runUntil(x -> phase(x) instanceof BlueGreenPhase.CreatingVersion, 5);
        BlueGreenCheckpoint stored = (BlueGreenCheckpoint) t.checkpoint();
        // The tick that dies after EC2 made the version, before its checkpoint was stored; then the restart.
        t.engine().advance(stored, world.clock.instant());
        Ticker again = new Ticker(t.engine(), world.clock, stored);
        again.apply(again.engine().resume(stored, world.clock.instant()));
        again.runToEnd();
        assertThat(outcome(again)).isInstanceOf(Outcome.Succeeded.class);
        assertThat(world.asg.versions()).hasSize(2);
    }

    @Test
    void blueEmptiedBySomeoneElseIsNotSwitchedBackToAndTheAdviceBringsItBack() {
        Ticker t = world.start(r -> r.scaleDownAfter("10m"));
        t.runUntil(x -> phase(x) instanceof BlueGreenPhase.ScaleDownWait, 200);
        world.asg.change(BLUE, 1, new Capacity(0, 0, 6));
        world.asg.targetState(GREEN_TG, "unhealthy");
        t.runToEnd();
        Outcome o = outcome(t);
        assertThat(o).as(o.message()).isInstanceOf(Outcome.Unsafe.class);
        assertThat(o.message()).contains("did not switch back", "web-blue wants 0 instances",
                "aws autoscaling update-auto-scaling-group --auto-scaling-group-name web-blue --launch-template LaunchTemplateId="
                        + FakeAutoScaling.TEMPLATE + ",Version=1 --min-size 2 --desired-capacity 3 --max-size 6");
        assertThat(world.production()).isEqualTo(new Split(0, 100));
    }

    @Test
    void aHealthyTargetOfNoGroupInGreensTargetGroupStopsThePreflight() {
        world.asg.registerByHand(GREEN_TG, "i-0ddddddddddddddd1", "healthy");
        world.asg.registerByHand(GREEN_TG, "i-0ddddddddddddddd2", "draining");
        Ticker t = world.start(r -> r);
        t.runToEnd();
        Outcome o = outcome(t);
        assertThat(o).as(o.message()).isInstanceOf(Outcome.Invalid.class);
        assertThat(o.message()).contains("greenTargetGroup", "i-0ddddddddddddddd1 (healthy)", "no instances of web-green")
                .doesNotContain("i-0ddddddddddddddd2");
        assertThat(world.asg.capacity(GREEN)).isEqualTo(new Capacity(0, 0, 6));
        assertThat(world.asg.calls("UpdateAutoScalingGroup")).isZero();
    }

    @Test
    void aTargetRegisteredByHandDuringTheWaitKeepsGreenFromTakingTraffic() {
        Ticker t = world.start(r -> r.healthTimeout("5m"));
        t.runUntil(x -> phase(x) instanceof BlueGreenPhase.WaitingForIdle, 20);
        world.asg.registerByHand(GREEN_TG, "i-0ddddddddddddddd1", "healthy");
        t.runToEnd();
        Outcome o = outcome(t);
        assertThat(o).as(o.message()).isInstanceOf(Outcome.RolledBack.class);
        assertThat(o.message()).contains("i-0ddddddddddddddd1 (healthy) that are no instances of web-green", "nothing was switched");
        assertThat(world.production()).isEqualTo(Split.ALL_STABLE);
        assertThat(t.events()).noneMatch(e -> e.kind() == EventKind.SHIFTED);
    }

    @Test
    void blueScaledOutDuringTheWaitGreenIsResizedToMatchBeforeAnyTrafficMoves() {
        Ticker t = world.start(r -> r.poll("5s"));
        t.runUntil(x -> phase(x) instanceof BlueGreenPhase.WaitingForIdle, 20);
        world.asg.change(BLUE, 1, new Capacity(2, 6, 6));
        t.runUntil(x -> phase(x) instanceof BlueGreenPhase.Switching, 400);
        assertThat(world.asg.capacity(GREEN)).isEqualTo(new Capacity(2, 6, 6));
        assertThat(t.events()).anySatisfy(e -> assertThat(e.message())
                .contains("web-blue (live) scaled out to 6 since preflight (3 then); resized web-green to min 2, desired 6, max 6"));
        assertThat(t.events()).anySatisfy(e -> assertThat(e.message())
                .contains("web-green is stable on " + V2 + ": 6/6 instances InService on version 2, 6 healthy targets for 6 instances"));
        assertThat(world.production()).isEqualTo(Split.ALL_STABLE);
        t.runToEnd();
        Outcome o = outcome(t);
        assertThat(o).as(o.message()).isInstanceOf(Outcome.Succeeded.class);
        assertThat(world.production()).isEqualTo(new Split(0, 100));
        assertThat(world.asg.tags(BLUE)).containsEntry(AsgFleet.CAPACITY_TAG, "min=2,desired=6,max=6");
    }
}
