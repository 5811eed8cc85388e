package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.outcome;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.phase;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.GroupWorld.BLUE;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.GroupWorld.GREEN;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.GroupWorld.LIVE;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.BLUE_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.GREEN_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.RULE;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.AlarmState;
import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.aws.Capacity;
import io.jenkins.plugins.awsdeploy.engine.ecs.KnownGoodTag;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAutoScaling;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A kill -9 of a deployment to Auto Scaling groups after every stored checkpoint, and between an AWS change and the
 * checkpoint that follows it, then a restart from what was stored: AWS ends consistent, either all of the deployment
 * took effect (green live on one new version, blue at 0 with its size in its tag) or traffic is back on blue, whose
 * group is untouched, and nothing is recorded as good. No run creates more than one launch template version.
 */
class GroupResumeTest {

    private static final int MAX_TICKS = 90;

    enum Trouble {
        NONE(t -> false, w -> { }, "ScalingDownOld", "Recording"),
        ALARM_DURING_THE_SWITCH(t -> phase(t) instanceof BlueGreenPhase.Switching s && s.canary().live().equals(new Split(90, 10)),
                w -> w.aws.alarm("5xx", AlarmState.ALARM, "Threshold Crossed"), "Switching"),
        TARGETS_FAIL_WHILE_BLUE_IS_KEPT(t -> phase(t) instanceof BlueGreenPhase.ScaleDownWait,
                w -> w.asg.targetState(GREEN_TG, "unhealthy"), "ScaleDownWait");

        final Predicate<Ticker> when;
        final Consumer<GroupWorld> act;
        final List<String> lastPhases;

        Trouble(Predicate<Ticker> when, Consumer<GroupWorld> act, String... lastPhases) {
            this.when = when;
            this.act = act;
            this.lastPhases = List.of(lastPhases);
        }
    }

    @ParameterizedTest
    @EnumSource(Trouble.class)
    void killAfterEveryStoredCheckpointThenResume(Trouble trouble) {
        Set<String> phasesKilledIn = new LinkedHashSet<>();
        for (int k = 1; k <= MAX_TICKS; k++) {
            GroupWorld world = new GroupWorld();
            Ticker first = start(world);
            boolean[] fired = {false};
            drive(first, world, trouble, fired, k);
            if (first.checkpoint().finished()) break;
            phasesKilledIn.add(phase(first).getClass().getSimpleName());
            world.clock.advance(Duration.ofSeconds(30));
            Ticker second = new Ticker(new Engine(world.ports(), world.clock), world.clock, first.checkpoint());
            second.apply(second.engine().resume(first.checkpoint(), world.clock.instant()));
            drive(second, world, trouble, fired, 10_000);
            assertConsistent(world, outcome(second), fired[0], "killed after tick " + k);
        }
        assertThat(phasesKilledIn).contains("CreatingVersion", "UpdatingIdle", "WaitingForIdle", "PointingTest", "Switching")
                .containsAll(trouble.lastPhases);
    }

    @ParameterizedTest
    @EnumSource(Trouble.class)
    void killBetweenAnAwsChangeAndItsCheckpointThenResume(Trouble trouble) {
        Set<String> phasesKilledIn = new LinkedHashSet<>();
        for (int k = 0; k < MAX_TICKS; k++) {
            GroupWorld world = new GroupWorld();
            Ticker run = start(world);
            boolean[] fired = {false};
            drive(run, world, trouble, fired, k);
            if (run.checkpoint().finished()) break;
            Checkpoint stored = run.checkpoint();
            phasesKilledIn.add(phase(run).getClass().getSimpleName());
            world.clock.set(run.wakeAt());
            run.engine().advance(stored, world.clock.instant());
            world.clock.advance(Duration.ofSeconds(30));
            Ticker resumed = new Ticker(new Engine(world.ports(), world.clock), world.clock, stored);
            resumed.apply(resumed.engine().resume(stored, world.clock.instant()));
            drive(resumed, world, trouble, fired, 10_000);
            assertConsistent(world, outcome(resumed), fired[0], "killed in tick " + (k + 1));
        }
        assertThat(phasesKilledIn).contains("CreatingVersion", "UpdatingIdle", "PointingTest", "Switching")
                .containsAll(trouble.lastPhases);
    }

    private static Ticker start(GroupWorld world) {
        return world.start(r -> r.steps(List.of(10, 100)).bake("10s").poll("5s").scaleDownAfter("20s")
                .approveBefore("switch").testRuleArn(RULE));
    }

    private static void drive(Ticker t, GroupWorld world, Trouble trouble, boolean[] fired, int ticks) {
        for (int i = 0; i < ticks && !t.checkpoint().finished(); i++) {
            if (t.checkpoint().approval().isPresent()) {
                t.apply(t.engine().approve(t.checkpoint(), "alice", world.clock.instant()));
            } else if (!t.step()) {
                return;
            }
            if (!fired[0] && trouble.when.test(t)) {
                trouble.act.accept(world);
                fired[0] = true;
            }
        }
    }

    private static void assertConsistent(GroupWorld world, Outcome outcome, boolean trouble, String when) {
        FakeAutoScaling asg = world.asg;
        assertThat(asg.versions()).as(when + ": launch template versions").hasSize(2);
        String v2 = FakeAutoScaling.TEMPLATE + ":2";
        if (outcome instanceof Outcome.Succeeded) {
            assertThat(trouble).as(when + ": succeeded although the trouble happened").isFalse();
            assertThat(world.production()).as(when).isEqualTo(new Split(0, 100));
            assertThat(asg.capacity(BLUE)).as(when).isEqualTo(new Capacity(0, 0, 6));
            assertThat(asg.tags(BLUE)).as(when).containsEntry(AsgFleet.CAPACITY_TAG, "min=2,desired=3,max=6");
            assertThat(asg.capacity(GREEN)).as(when).isEqualTo(LIVE);
            assertThat(asg.version(GREEN)).as(when).isEqualTo("2");
            assertThat(asg.tags(GREEN)).as(when).containsEntry(KnownGoodTag.KEY, v2);
        } else {
            assertThat(outcome).as(when + ": " + outcome.message()).isInstanceOf(Outcome.RolledBack.class);
            assertThat(trouble).as(when).isTrue();
            assertThat(world.production()).as(when).isEqualTo(Split.ALL_STABLE);
            assertThat(asg.capacity(BLUE)).as(when).isEqualTo(LIVE);
            assertThat(asg.version(BLUE)).as(when).isEqualTo("1");
            assertThat(asg.tags(GREEN)).as(when).doesNotContainKey(KnownGoodTag.KEY);
        }
        assertThat(world.aws.weights(RULE).asSplit(BLUE_TG, GREEN_TG)).as(when).contains(new Split(0, 100));
    }
}
