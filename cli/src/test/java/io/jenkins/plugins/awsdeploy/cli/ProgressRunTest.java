package io.jenkins.plugins.awsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a person (or a program) sees while a canary waits, against moto: a live line, heartbeats, progress events. */
@Timeout(60)
class ProgressRunTest {

    private static LocalStage stage;

    @BeforeAll
    static void start() throws IOException {
        stage = LocalStage.start();
    }

    @AfterAll
    static void stop() {
        if (stage != null) stage.close();
    }

    /** A terminal that can redraw, 200 columns wide, with nobody asked anything. */
    static final Terminal SCREEN = new Terminal() {
        @Override
        public String ask(String prompt) {
            throw new AssertionError("nothing should be asked: " + prompt);
        }

        @Override
        public boolean redraws() {
            return true;
        }

        @Override
        public int columns() {
            return 200;
        }
    };

    @Test
    void onATerminalTheLiveLineIsRedrawnInPlaceAndEventsScrollAboveIt() {
        LocalStage.Scene scene = stage.scene("live");

        CommandLineRun.Result result = CommandLineRun.run(SCREEN, Map.of(),
                CommandArgs.canary(scene, stage).set("--bake", "3s").toArray());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        ScriptedScreen screen = ScriptedScreen.of(result.out());
        // Three bakes of 3 s polled every second: the line was drawn again and again, and never left on the screen.
        assertThat(screen.redraws()).as(result.out()).isGreaterThanOrEqualTo(6);
        assertThat(screen.lines()).noneMatch(l -> l.contains("left ·") || l.startsWith("baking"));
        // Every scroll is a line a person is meant to keep: an event, a note, the outcome.
        assertThat(screen.scrolls()).isEqualTo(screen.lines().size());
        assertThat(screen.lines()).filteredOn(l -> l.matches("\\d\\d:\\d\\d:\\d\\d  .*")).hasSize(5);
        assertThat(screen.lines()).last().asString().startsWith("Done: ");
        assertThat(screen.current()).isEmpty();
        assertThat(result.out()).contains("baking step 2/3 at 50% [").contains(" of 3s left · 50/50 (stable/new) · alarms: "
                + scene.alarm() + " OK · next: shift to 100%");
    }

    @Test
    void withoutATerminalAHeartbeatLineComesWhenTheLogWasSilentForTheInterval() {
        LocalStage.Scene scene = stage.scene("beat");

        CommandLineRun.Result result = CommandLineRun.run(CommandArgs.canary(scene, stage).set("--bake", "4s")
                .set("--heartbeat", "2s").toArray());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).doesNotContain(StatusLine.ERASE);
        List<String> beats = result.outLines().stream().filter(l -> l.contains("  status: ")).toList();
        assertThat(beats).as(result.out()).isNotEmpty().allMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d  status: baking step "
                + "\\d/3 at \\d+%, \\ds of 4s left \\| traffic \\d+/\\d+ \\(stable/new\\) \\| alarms: " + scene.alarm()
                + " OK \\| next: .*"));
    }

    @Test
    void withJsonTheHeartbeatIsAProgressEventWithTheSameFields() {
        LocalStage.Scene scene = stage.scene("json");

        CommandLineRun.Result result = CommandLineRun.run(SCREEN, Map.of(), CommandArgs.canary(scene, stage)
                .set("--bake", "4s").set("--heartbeat", "2s").flag("--json").toArray());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        // --json never redraws, even on a terminal: stdout is for programs.
        assertThat(result.out()).doesNotContain(StatusLine.ERASE);
        List<JsonNode> progress = result.outLines().stream().map(ProgressRunTest::json)
                .filter(n -> "PROGRESS".equals(n.path("kind").asText())).toList();
        assertThat(progress).as(result.out()).isNotEmpty();
        JsonNode p = progress.get(0);
        assertThat(p.path("phase").asText()).isEqualTo("BAKING");
        assertThat(p.path("doing").asText()).matches("baking step \\d/3 at \\d+%");
        assertThat(p.path("secondsLeft").asInt()).isBetween(0, 4);
        assertThat(p.path("waitEnds").asText()).isNotEmpty();
        assertThat(p.path("weights").path("stable").asInt() + p.path("weights").path("canary").asInt()).isEqualTo(100);
        assertThat(p.path("alarms").path(scene.alarm()).asText()).isEqualTo("OK");
        assertThat(p.path("next").asText()).isNotEmpty();
        assertThat(p.path("message").asText()).startsWith(p.path("doing").asText());
    }

    @Test
    void aHeartbeatThatIsNoDurationIsRefusedBeforeAnyAwsCall() {
        LocalStage.Scene scene = stage.scene("badbeat");

        CommandLineRun.Result result = CommandLineRun.run(CommandArgs.canary(scene, stage).set("--heartbeat", "often").toArray());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--heartbeat: 'often' is not a duration");
        assertThat(stage.weights(scene)).isEqualTo(List.of(100, 0));
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(line, e);
        }
    }
}
