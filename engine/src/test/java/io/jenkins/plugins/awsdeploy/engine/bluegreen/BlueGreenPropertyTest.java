package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.BLUE;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.GREEN;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.outcome;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.phase;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.AlarmState;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef;
import io.jenkins.plugins.awsdeploy.engine.ecs.KnownGoodTag;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeEcs;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class BlueGreenPropertyTest {

    /**
     * Whatever the pace of ECS, the moment an alarm fires and which calls fail for a while, a deployment
     * either took effect completely, or ended with production on blue and blue as it was; "succeeded"
     * after an alarm that fired while traffic could still go back never happens.
     */
    @Property(tries = 300)
    void eitherAllOfItOrTrafficOnTheOldSide(
            @ForAll @IntRange(min = 1, max = 90) int secondsPerTask,
            @ForAll @IntRange(min = -1, max = 60) int alarmAtTick,
            @ForAll("ecsCalls") String failingCall,
            @ForAll @IntRange(min = 0, max = 4) int failures,
            @ForAll @IntRange(min = 0, max = 2) int failingListenerWrites,
            @ForAll boolean inSteps,
            @ForAll @IntRange(min = 0, max = 60) int scaleDownAfterSeconds) {
        BlueGreenWorld world = new BlueGreenWorld();
        world.ecs.rolloutPace(Duration.ofSeconds(secondsPerTask));
        world.ecs.failNext(failingCall, failures);
        world.aws.failNextWrites(failingListenerWrites);
        BlueGreenWorld.State before = world.state();
        Ticker t = world.start(r -> (inSteps ? r.steps(List.of(10, 50, 100)).bake("10s") : r)
                .healthTimeout("5m").scaleDownAfter(scaleDownAfterSeconds + "s"));
        boolean alarmWhileReversible = false;
        for (int tick = 0; tick < 10_000 && t.step(); tick++) {
            if (tick == alarmAtTick) {
                world.aws.alarm("5xx", AlarmState.ALARM, "Threshold Crossed");
                BlueGreenPhase p = phase(t);
                alarmWhileReversible = !(p instanceof BlueGreenPhase.ScalingDownOld || p instanceof BlueGreenPhase.Recording
                        || p instanceof BlueGreenPhase.Finished);
            }
        }

        Outcome outcome = outcome(t);
        if (outcome instanceof Outcome.Succeeded) {
            assertThat(alarmWhileReversible).as("succeeded although an alarm fired in time").isFalse();
            assertThat(world.production()).isEqualTo(new Split(0, 100));
            assertThat(world.service(BLUE).desiredCount()).isZero();
            String recorded = world.service(GREEN).tags().get(KnownGoodTag.KEY);
            assertThat(TaskDefinitionRef.of(recorded).sameAs(world.service(GREEN).taskDefinition())).isTrue();
        } else if (outcome instanceof Outcome.Invalid) {
            assertThat(world.state()).isEqualTo(before);
        } else {
            assertThat(outcome).as(outcome.message()).isInstanceOf(Outcome.RolledBack.class);
            assertThat(world.production()).isEqualTo(Split.ALL_STABLE);
            assertThat(world.service(BLUE).desiredCount()).isEqualTo(3);
            assertThat(world.service(BLUE).taskDefinition()).isEqualTo(FakeEcs.taskDefinitionArn("web:1"));
            assertThat(world.service(GREEN).tags()).doesNotContainKey(KnownGoodTag.KEY);
        }
    }

    @Provide
    Arbitrary<String> ecsCalls() {
        return Arbitraries.of("RegisterTaskDefinition", "UpdateService", "TagResource", "DescribeServices",
                "DescribeTaskDefinition");
    }
}
