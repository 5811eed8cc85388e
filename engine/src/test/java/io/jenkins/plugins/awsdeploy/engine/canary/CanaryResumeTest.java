package io.jenkins.plugins.awsdeploy.engine.canary;

import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.BLUE_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.GREEN_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.LISTENER;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.AlarmState;
import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAws;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A kill -9 can land between any two instants. The worst ones are right after AWS changed but before
 * the checkpoint was stored: the write-ahead phases must make a resume from the previous checkpoint
 * end consistent. These tests kill after every tick, in both places, and resume.
 */
class CanaryResumeTest {

    private static final int TICKS = 40;

    /** Kill after tick k: the store holds what tick k returned; resume from it. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void killAfterEveryTickThenResumeEndsConsistent(boolean alarmDuringRun) {
        for (int k = 1; k <= TICKS; k++) {
            FakeAws aws = FakeAws.standard();
            VirtualClock clock = new VirtualClock();
            Ticker first = new Ticker(new Engine(aws.ports(), clock), clock, CanaryCheckpoint.start(spec()));
            int ticks = 0;
            while (ticks < k && first.step()) {
                ticks++;
                if (alarmDuringRun && ticks == 6) aws.alarm("5xx", AlarmState.ALARM, "errors");
            }
            if (first.checkpoint().finished()) break;
            clock.advance(Duration.ofSeconds(30)); // the process was down for a while
            Ticker second = new Ticker(new Engine(aws.ports(), clock), clock, first.checkpoint());
            second.apply(second.engine().resume(first.checkpoint(), clock.instant()));
            second.runToEnd();
            assertConsistent(aws, second.checkpoint().outcome().orElseThrow(), alarmDuringRun && ticks >= 6);
        }
    }

    /**
     * Kill in the middle of a tick, after AWS took the change but before the checkpoint was stored: the
     * store still holds the previous checkpoint, AWS already shows the new weights.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void killBetweenAnAwsChangeAndItsCheckpointThenResumeEndsConsistent(boolean alarmDuringRun) {
        for (int k = 0; k < TICKS; k++) {
            FakeAws aws = FakeAws.standard();
            VirtualClock clock = new VirtualClock();
            Ticker run = new Ticker(new Engine(aws.ports(), clock), clock, CanaryCheckpoint.start(spec()));
            int ticks = 0;
            while (ticks < k && run.step()) {
                ticks++;
                if (alarmDuringRun && ticks == 6) aws.alarm("5xx", AlarmState.ALARM, "errors");
            }
            if (run.checkpoint().finished()) break;
            var before = run.checkpoint();
            // The tick that dies: its AWS effects happen, its checkpoint is lost.
            clock.set(run.wakeAt());
            run.engine().advance(before, clock.instant());
            clock.advance(Duration.ofSeconds(30));
            Ticker resumed = new Ticker(new Engine(aws.ports(), clock), clock, before);
            resumed.apply(resumed.engine().resume(before, clock.instant()));
            resumed.runToEnd();
            assertConsistent(aws, resumed.checkpoint().outcome().orElseThrow(), alarmDuringRun && ticks >= 6);
        }
    }

    private static CanarySpec spec() {
        return CanaryRequestTest.valid().steps(List.of(10, 50, 100)).bake("20s").poll("5s").toSpec();
    }

    private static void assertConsistent(FakeAws aws, Outcome outcome, boolean alarm) {
        Split live = aws.weights(LISTENER).asSplit(BLUE_TG, GREEN_TG).orElseThrow();
        if (outcome instanceof Outcome.Succeeded) {
            assertThat(alarm).as("succeeded although the alarm fired").isFalse();
            assertThat(live).isEqualTo(new Split(0, 100));
        } else {
            assertThat(outcome).as(outcome.message()).isInstanceOf(Outcome.RolledBack.class);
            assertThat(live).isEqualTo(Split.ALL_STABLE);
        }
        assertThat(aws.weights(LISTENER).weights().keySet()).isSubsetOf(Map.of(BLUE_TG, 0, GREEN_TG, 0).keySet());
    }
}
