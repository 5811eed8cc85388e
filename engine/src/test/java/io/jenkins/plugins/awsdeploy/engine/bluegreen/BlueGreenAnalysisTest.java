package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.InvalidInputException;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.analysis.AnalysisRequest;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A blue/green switch in steps is judged like a canary: the idle side against the live one. */
class BlueGreenAnalysisTest {

    static final String LB = "app/web/50dc6c495c0c9188";
    static final String BLUE = "targetgroup/web-blue/73e2d6bc24d8a067";
    static final String GREEN = "targetgroup/web-green/2453ed029918f21f";

    final BlueGreenWorld world = new BlueGreenWorld();

    Ticker switchInSteps(long greenErrors) {
        Instant from = world.clock.instant();
        for (int i = 0; i < 120; i++) {
            Instant minute = from.plusSeconds(60L * i);
            world.aws.metrics().albMinute(LB, BLUE, minute, 1000, 5, 80);
            world.aws.metrics().albMinute(LB, GREEN, minute, 1000, greenErrors, 80);
        }
        return world.start(r -> r.steps(List.of(50, 100)).bake("3m").scaleDownAfter("1m")
                .analysis(new AnalysisRequest().errorRate(1.0).delay("1m")));
    }

    @Test
    void aWorseNewSideSwitchesBackNamingTheMetric() {
        Ticker t = switchInSteps(150).runToEnd();
        Outcome outcome = t.checkpoint().outcome().orElseThrow();

        assertThat(outcome).as(outcome.message()).isInstanceOf(Outcome.RolledBack.class);
        assertThat(outcome.message()).contains("5xx rate 15.0% on the new side vs 0.5% on the stable side over 12:01-12:02",
                "all traffic is back on blue (web-blue)");
        assertThat(((Outcome.RolledBack) outcome).cause())
                .isInstanceOf(io.jenkins.plugins.awsdeploy.engine.Cause.AnalysisFailed.class);
        assertThat(world.production()).isEqualTo(Split.ALL_STABLE);
        assertThat(t.events()).filteredOn(e -> e.kind() == EventKind.ANALYSED).isNotEmpty();
    }

    @Test
    void anEqualNewSideCompletesTheSwitch() {
        Ticker t = switchInSteps(5).runToEnd();
        Outcome outcome = t.checkpoint().outcome().orElseThrow();

        assertThat(outcome).as(outcome.message()).isInstanceOf(Outcome.Succeeded.class);
        assertThat(world.production()).isEqualTo(new Split(0, 100));
        assertThat(t.events()).filteredOn(e -> e.kind() == EventKind.ANALYSED).isNotEmpty()
                .allMatch(e -> e.judgement().verdict() == io.jenkins.plugins.awsdeploy.engine.analysis.Verdict.PASS);
    }

    @Test
    void anAnalysisOfASwitchAllAtOnceIsRefused() {
        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> BlueGreenWorld.request().analysis(new AnalysisRequest().errorRate(1.0)).toSpec());

        assertThat(e.getMessage()).contains("compareErrorRate", "add a step below 100%");
    }
}
