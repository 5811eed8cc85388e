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
import org.junit.jupiter.api.Test;

/**
 * An alarm that goes to ALARM and back to OK between two polls: its state time moved, so its history is
 * read, and the ALARM in it rolls back like any alarm. A history that cannot be read counts as failing.
 */
class AlarmFlapTest {

    final FakeAws aws = FakeAws.standard();
    final VirtualClock clock = new VirtualClock();

    Ticker canary() {
        return new Ticker(new Engine(aws.ports(), clock), clock,
                CanaryCheckpoint.start(CanaryRequestTest.valid().bake("1m").poll("5s").toSpec()))
                .runUntil(x -> aws.weights(LISTENER).weightOf(GREEN_TG) == 10, 100);
    }

    static Outcome outcome(Ticker t) {
        return t.checkpoint().outcome().orElseThrow();
    }

    @Test
    void anAlarmThatFlappedBetweenTwoPollsRollsBack() {
        Ticker t = canary();
        aws.flap("5xx", "Threshold Crossed: 1 datapoint [40.0] > 5.0");
        aws.resetCalls();
        t.runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.RolledBack.class);
        assertThat(outcome(t).message()).contains("alarm 5xx went to ALARM at", "[40.0] > 5.0", "was OK again");
        assertThat(aws.weights(LISTENER).asSplit(BLUE_TG, GREEN_TG)).contains(Split.ALL_STABLE);
        assertThat(aws.calls("DescribeAlarmHistory")).isEqualTo(1);
        assertThat(aws.calls("ModifyListener")).isEqualTo(1);
    }

    @Test
    void aHistoryThatCannotBeReadCountsAsFailing() {
        Ticker t = canary();
        aws.flap("5xx", "Threshold Crossed");
        aws.failNextHistoryReads(1);
        t.runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.RolledBack.class);
        assertThat(outcome(t).message()).contains("changed state since the last poll", "could not be read");
        assertThat(aws.weights(LISTENER).asSplit(BLUE_TG, GREEN_TG)).contains(Split.ALL_STABLE);
    }

    @Test
    void aChangeBetweenPollsWithoutAnAlarmInItGoesOn() {
        Ticker t = canary();
        aws.alarm("5xx", AlarmState.INSUFFICIENT_DATA, "no data");
        aws.alarm("5xx", AlarmState.OK, "fine");
        t.runToEnd();

        assertThat(outcome(t)).as(outcome(t).message()).isInstanceOf(Outcome.Succeeded.class);
        assertThat(aws.calls("DescribeAlarmHistory")).isEqualTo(1);
    }
}
