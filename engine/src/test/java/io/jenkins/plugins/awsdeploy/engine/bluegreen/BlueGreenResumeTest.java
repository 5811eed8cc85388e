package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.BLUE;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.GREEN;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.outcome;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.phase;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.BLUE_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.GREEN_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.RULE;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.AlarmState;
import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.aws.EcsService;
import io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionInfo;
import io.jenkins.plugins.awsdeploy.engine.ecs.KnownGoodTag;
import io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeEcs;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A kill -9 can land between any two instants: after a checkpoint was stored, or after AWS took a change
 * but before the checkpoint announcing what comes next was stored. These tests kill the run after every
 * tick, in both places, restart from what was stored, and check that AWS ends consistent: either all of
 * the deployment took effect, or traffic is back on blue with blue untouched.
 */
class BlueGreenResumeTest {

    /** A run goes through every kind of phase: copy, update, wait, test rule, approval, two steps, wait, clean-up. */
    private static final int MAX_TICKS = 80;

    enum Trouble {
        NONE(t -> false, w -> { }, "ScalingDownOld", "Recording"),
        ALARM_DURING_THE_SWITCH(Trouble::atTenPercent, Trouble::alarm, "Switching"),
        ALARM_WHILE_THE_OLD_SIDE_IS_KEPT(t -> phase(t) instanceof BlueGreenPhase.ScaleDownWait, Trouble::alarm, "ScaleDownWait"),
        NEW_TARGETS_GONE_DURING_THE_SWITCH(Trouble::atTenPercent, w -> w.health(GREEN_TG, Map.of()), "Switching"),
        NEW_SIDE_EMPTIED_WHILE_THE_OLD_SIDE_IS_KEPT(t -> phase(t) instanceof BlueGreenPhase.ScaleDownWait,
                w -> w.ecs.scale(BlueGreenWorld.CLUSTER, GREEN, 0), "ScaleDownWait"),
        NEW_SIDE_EMPTIED_AT_THE_SCALE_DOWN(t -> phase(t) instanceof BlueGreenPhase.ScalingDownOld,
                w -> w.ecs.scale(BlueGreenWorld.CLUSTER, GREEN, 0), "ScalingDownOld"),
        OLD_SIDE_REDEPLOYED_THEN_AN_ALARM(t -> phase(t) instanceof BlueGreenPhase.ScaleDownWait, w -> {
            w.ecs.register("web", Map.of("app", "repo/web:unverified", "envoy", "envoy:1.29"));
            w.ecs.startDeployment(BlueGreenWorld.CLUSTER, BLUE, "web:3");
            w.ecs.completeRollout(BlueGreenWorld.CLUSTER, BLUE);
            alarm(w);
        }, "ScaleDownWait");

        final Predicate<Ticker> when;
        /** What goes wrong, once, when its moment comes. */
        final Consumer<BlueGreenWorld> act;
        /** Where a run with this trouble goes last, so where the kills must have landed too. */
        final List<String> lastPhases;

        Trouble(Predicate<Ticker> when, Consumer<BlueGreenWorld> act, String... lastPhases) {
            this.when = when;
            this.act = act;
            this.lastPhases = List.of(lastPhases);
        }

        private static boolean atTenPercent(Ticker t) {
            return phase(t) instanceof BlueGreenPhase.Switching s && s.canary().live().equals(new Split(90, 10));
        }

        private static void alarm(BlueGreenWorld w) {
            w.aws.alarm("5xx", AlarmState.ALARM, "Threshold Crossed");
        }
    }

    @ParameterizedTest
    @EnumSource(Trouble.class)
    void killAfterEveryStoredCheckpointThenResume(Trouble trouble) {
        Set<String> phasesKilledIn = new LinkedHashSet<>();
        for (int k = 1; k <= MAX_TICKS; k++) {
            BlueGreenWorld world = new BlueGreenWorld();
            Ticker first = start(world);
            boolean[] fired = {false};
            drive(first, world, trouble, fired, k);
            if (first.checkpoint().finished()) {
                assertThat(k).as("the run ended before it was killed even once").isGreaterThan(10);
                break;
            }
            phasesKilledIn.add(phase(first).getClass().getSimpleName());
            world.clock.advance(Duration.ofSeconds(30)); // the process was down for a while
            Ticker second = new Ticker(new Engine(world.ports(), world.clock), world.clock, first.checkpoint());
            second.apply(second.engine().resume(first.checkpoint(), world.clock.instant()));
            drive(second, world, trouble, fired, 10_000);
            assertConsistent(world, outcome(second), fired[0], "killed after tick " + k);
        }
        assertThat(phasesKilledIn).contains("Registering", "UpdatingIdle", "WaitingForIdle", "PointingTest", "Switching")
                .containsAll(trouble.lastPhases);
    }

    @ParameterizedTest
    @EnumSource(Trouble.class)
    void killBetweenAnAwsChangeAndItsCheckpointThenResume(Trouble trouble) {
        Set<String> phasesKilledIn = new LinkedHashSet<>();
        for (int k = 0; k < MAX_TICKS; k++) {
            BlueGreenWorld world = new BlueGreenWorld();
            Ticker run = start(world);
            boolean[] fired = {false};
            drive(run, world, trouble, fired, k);
            if (run.checkpoint().finished()) break;
            Checkpoint stored = run.checkpoint();
            phasesKilledIn.add(phase(run).getClass().getSimpleName());
            // The tick that dies: its AWS effects happen, its checkpoint is lost.
            world.clock.set(run.wakeAt());
            run.engine().advance(stored, world.clock.instant());
            world.clock.advance(Duration.ofSeconds(30));
            Ticker resumed = new Ticker(new Engine(world.ports(), world.clock), world.clock, stored);
            resumed.apply(resumed.engine().resume(stored, world.clock.instant()));
            drive(resumed, world, trouble, fired, 10_000);
            assertConsistent(world, outcome(resumed), fired[0], "killed in tick " + (k + 1));
        }
        assertThat(phasesKilledIn).contains("Registering", "UpdatingIdle", "PointingTest", "Switching")
                .containsAll(trouble.lastPhases);
    }

    private static Ticker start(BlueGreenWorld world) {
        return world.start(r -> r.steps(List.of(10, 100)).bake("10s").poll("5s").scaleDownAfter("20s")
                .approveBefore("switch").testRuleArn(RULE));
    }

    /** Ticks like a shell, approving whenever asked, and lets the trouble happen once when its moment comes. */
    private static void drive(Ticker t, BlueGreenWorld world, Trouble trouble, boolean[] fired, int ticks) {
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

    /** Either all of the deployment took effect, or traffic is back on blue, untouched, and nothing is recorded as good. */
    private static void assertConsistent(BlueGreenWorld world, Outcome outcome, boolean alarm, String when) {
        EcsService blue = world.service(BLUE);
        EcsService green = world.service(GREEN);
        if (outcome instanceof Outcome.Succeeded) {
            assertThat(alarm).as(when + ": succeeded although the trouble happened").isFalse();
            assertThat(world.production()).as(when).isEqualTo(new Split(0, 100));
            assertThat(blue.desiredCount()).as(when).isZero();
            assertThat(green.desiredCount()).as(when).isEqualTo(3);
            String recorded = green.tags().get(KnownGoodTag.KEY);
            assertThat(TaskDefinitionRef.of(recorded).sameAs(green.taskDefinition())).as(when).isTrue();
            TaskDefinitionInfo deployed = world.ecs.revisions("web").get(TaskDefinitionRef.of(recorded).revision() - 1);
            assertThat(deployed.imageByContainer()).as(when).containsEntry("app", "repo/web:2.0");
        } else if (outcome instanceof Outcome.Unsafe) {
            // Only when the side to switch back to was changed by someone else: traffic stays on the verified new side.
            assertThat(blue.taskDefinition()).as(when + ": " + outcome.message()).isEqualTo(FakeEcs.taskDefinitionArn("web:3"));
            assertThat(world.production()).as(when).isEqualTo(new Split(0, 100));
            assertThat(green.desiredCount()).as(when).isEqualTo(3);
            assertThat(outcome.message()).as(when).contains("did not switch back", "Now: ");
            assertThat(green.tags()).as(when).doesNotContainKey(KnownGoodTag.KEY);
        } else {
            assertThat(outcome).as(when + ": " + outcome.message()).isInstanceOf(Outcome.RolledBack.class);
            assertThat(alarm).as(when).isTrue();
            assertThat(world.production()).as(when).isEqualTo(Split.ALL_STABLE);
            assertThat(blue.desiredCount()).as(when).isEqualTo(3);
            assertThat(blue.taskDefinition()).as(when).isEqualTo(FakeEcs.taskDefinitionArn("web:1"));
            assertThat(green.tags()).as(when).doesNotContainKey(KnownGoodTag.KEY);
        }
        assertThat(world.aws.weights(RULE).asSplit(BLUE_TG, GREEN_TG)).as(when).contains(new Split(0, 100));
    }
}
