package io.jenkins.plugins.awsdeploy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.canary.CanaryCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryPhase;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Outcomes are values (a cause, where traffic was left) that the edge words; in a state file they stay readable,
 * and the ones written as one sentence by older versions still load and read as they did.
 */
class OutcomeTest {

    static String v1(String name) throws IOException, URISyntaxException {
        return Files.readString(Path.of(OutcomeTest.class.getResource("/state-files/v1/" + name).toURI()));
    }

    @Test
    void eachPartIsSaidOnceAtTheEdge() {
        Cause alarm = new Cause.AlarmFired("5xx", "alarm 5xx is ALARM (Threshold Crossed)");

        assertThat(new Outcome.RolledBack(alarm, new Restored.BackOn("the stable side")).message())
                .isEqualTo("alarm 5xx is ALARM (Threshold Crossed); all traffic is back on the stable side (100/0)");
        assertThat(new Outcome.Stopped(new Cause.Declined("bob"), new Restored.StillOn("blue (web-blue)"))
                .withNote("web-green stays up on web:2").message())
                .isEqualTo("declined by bob; nothing was switched, all traffic is still on blue (web-blue); web-green stays up on web:2");
        assertThat(new Outcome.Stopped(new Cause.Aborted("interrupted (SIGINT)"), new Restored.Untouched()).message())
                .isEqualTo("interrupted (SIGINT) before any change; nothing was changed in AWS");
        assertThat(new Outcome.RolledBack(new Cause.NoApproval(Duration.ofMinutes(30)), new Restored.BackOn("green")).message())
                .startsWith("no approval within 30m; ");
        assertThat(new Outcome.Unsafe("stopped without restoring: found 50/50", "To put all traffic back, run X").message())
                .isEqualTo("stopped without restoring: found 50/50. To put all traffic back, run X");
        assertThat(new Outcome.Unsafe("gave up", "").message()).isEqualTo("gave up");
    }

    @Test
    void theExitCodesStayAsTheyWere() {
        Cause c = new Cause.Other("x");
        assertThat(List.of(new Outcome.Succeeded("ok"), new Outcome.Failed("no"), new Outcome.Invalid(List.of()),
                new Outcome.RolledBack(c, null), new Outcome.Stopped(c, null), new Outcome.Unsafe("u", "")))
                .extracting(Outcome::exitCode).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void aStructuredOutcomeIsReadableJsonAndComesBackEqual() throws Exception {
        Checkpoint cp = JsonCodec.readCheckpoint(v1("canary-Baking.json"));
        Outcome outcome = new Outcome.RolledBack(new Cause.AlarmFired("5xx", "alarm 5xx is ALARM (high)"),
                new Restored.BackOn("the stable side"), List.of("a note"));
        Checkpoint ended = cp.ended(outcome);

        String json = JsonCodec.write(ended);

        assertThat(json).contains("\"outcome\":{\"type\":\"RolledBack\",\"cause\":{\"kind\":\"AlarmFired\",\"alarm\":\"5xx\"",
                "\"restored\":{\"kind\":\"BackOn\",\"side\":\"the stable side\"}");
        Checkpoint back = JsonCodec.readCheckpoint(json);
        assertThat(back).isEqualTo(ended);
        assertThat(back.outcome().orElseThrow().message()).isEqualTo(outcome.message());
    }

    @Test
    void anOldSentenceLoadsAsTheCauseAndReadsTheSame() throws Exception {
        // Written by the engine of round 2: a finished canary's outcome and a rollback's cause were sentences.
        Checkpoint finished = JsonCodec.readCheckpoint(v1("canary-Finished.json"));
        assertThat(finished.outcome().orElseThrow()).isEqualTo(new Outcome.Stopped(
                new Cause.Other("declined by bob; all traffic is back on the stable side (100/0)"), null));
        assertThat(finished.outcome().orElseThrow().message())
                .isEqualTo("declined by bob; all traffic is back on the stable side (100/0)");

        CanaryCheckpoint rolling = (CanaryCheckpoint) JsonCodec.readCheckpoint(v1("canary-RollingBack.json"));
        assertThat(((CanaryPhase.RollingBack) rolling.phase()).cause()).isEqualTo(new Cause.Other("declined by bob"));

        Outcome unsafe = JsonCodec.readCheckpoint(v1("ecs-rollback-Finished.json")).outcome().orElseThrow();
        assertThat(unsafe).isInstanceOf(Outcome.Unsafe.class);
        assertThat(unsafe.message()).startsWith("service web now points at web:3, neither web:5 nor web:7");
    }
}
