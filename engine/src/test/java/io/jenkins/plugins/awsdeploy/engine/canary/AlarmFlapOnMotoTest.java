package io.jenkins.plugins.awsdeploy.engine.canary;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsSession;
import io.jenkins.plugins.awsdeploy.engine.testing.Moto;
import io.jenkins.plugins.awsdeploy.engine.testing.MotoAlb;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualClock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * moto has no StateTransitionedTimestamp (the engine falls back to StateUpdatedTimestamp, which moto moves
 * on SetAlarmState) and answers DescribeAlarmHistory with a 500. So on moto a flap between two polls is
 * seen, its history cannot be read, and the canary must roll back: never pass.
 */
@ExtendWith(Moto.class)
class AlarmFlapOnMotoTest {

    @Test
    void aFlapBetweenTwoPollsOnMotoEndsInARollbackNeverAPass() {
        try (MotoAlb alb = MotoAlb.create("flap").alarm("flap-5xx"); AwsSession session = new AwsSession(Moto.access())) {
            Ticker t = new Ticker(new Engine(session.ports()), new VirtualClock(), CanaryCheckpoint.start(new CanaryRequest()
                    .listenerArn(alb.listenerArn).stableTargetGroup(alb.blueTg).canaryTargetGroup(alb.greenTg)
                    .steps(List.of(10, 100)).bake("1m").poll("10s").alarms(List.of("flap-5xx")).region(Moto.REGION).toSpec()))
                    .runUntil(x -> alb.listenerSplit().equals(new Split(90, 10)), 100);
            t.step(); // one quiet poll: the state time it read is the baseline
            alb.setAlarm("flap-5xx", StateValue.ALARM, "Threshold Crossed: 1 datapoint [30.0] > 5.0");
            alb.setAlarm("flap-5xx", StateValue.OK, "Threshold Crossed: 1 datapoint [0.0] <= 5.0");
            t.runToEnd();

            Outcome outcome = t.checkpoint().outcome().orElseThrow();
            assertThat(outcome).as(outcome.message()).isInstanceOf(Outcome.RolledBack.class);
            assertThat(outcome.message()).contains("alarm flap-5xx changed state since the last poll", "could not be read");
            assertThat(alb.listenerSplit()).isEqualTo(Split.ALL_STABLE);
        }
    }
}
