package io.jenkins.plugins.awsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.JsonCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/** Canaries run to their end against moto: what they print, what they leave in moto, and their exit codes. */
@Timeout(60)
class CanaryRunTest {

    private static LocalStage stage;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        stage = LocalStage.start();
    }

    @AfterAll
    static void stop() {
        if (stage != null) stage.close();
    }

    @Test
    void aHealthyCanaryEndsWithAllTrafficOnTheNewSide() throws IOException {
        LocalStage.Scene scene = stage.scene("happy");
        Path timeline = dir.resolve("happy.svg");
        Path state = dir.resolve("happy.json");

        CommandLineRun.Result result = CommandLineRun.run(CommandArgs.canary(scene, stage)
                .set("--timeline", timeline.toString()).set("--state-file", state.toString()).toArray());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(stage.weights(scene)).isEqualTo(List.of(0, 100));
        assertThat(result.out()).contains("shifted to 10%", "shifted to 50%", "shifted to 100%")
                .contains("Done: all traffic is on the new side (0/100)");
        assertThat(result.out().lines().filter(l -> l.matches("\\d\\d:\\d\\d:\\d\\d  .*"))).hasSizeGreaterThanOrEqualTo(4);
        assertThat(Files.readString(timeline)).contains("<svg", "Succeeded");
        Checkpoint saved = JsonCodec.load(state);
        assertThat(saved.finished()).isTrue();
        assertThat(saved.outcome().orElseThrow().exitCode()).isZero();
    }

    @Test
    void aRuleFollowsAPresetWithItsBakeShortened() {
        LocalStage.Scene scene = stage.scene("rule");
        String rule = stage.resources.rule(scene.listener(), 20, "/api/*",
                LocalStage.weights(scene.stable(), 100, scene.canary(), 0));

        CommandLineRun.Result result = CommandLineRun.run(CommandArgs.canary(scene, stage).remove("--listener-arn")
                .set("--rule-arn", rule).remove("--steps").set("--preset", "Canary10Percent5Minutes").toArray());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(stage.resources.ruleWeights(rule)).containsEntry(scene.stable(), 0).containsEntry(scene.canary(), 100);
        assertThat(stage.weights(scene)).isEqualTo(List.of(100, 0));
        assertThat(result.out()).contains("10% → 100%, bake 1s each");
    }

    @Test
    void anAlarmDuringTheBakeRollsBack() throws IOException {
        LocalStage.Scene scene = stage.scene("alarm");
        CompletableFuture<Void> failing = CompletableFuture.runAsync(() -> {
            awaitWeights(scene, List.of(90, 10));
            stage.alarm(scene.alarm(), StateValue.ALARM);
        });

        CommandLineRun.Result result = CommandLineRun.run(CommandArgs.canary(scene, stage).set("--bake", "4s")
                .flag("--json").toArray());

        failing.join();
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(stage.weights(scene)).isEqualTo(List.of(100, 0));
        assertThat(result.out()).contains("alarm-5xx OK → ALARM").doesNotContain("shifted to 50%");
        assertThat(result.err()).contains("Rolled back (exit code 3)").contains("alarm alarm-5xx is ALARM");
        // A script can tell which alarm sent it back without reading the sentence.
        List<String> lines = result.outLines();
        JsonNode last = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertThat(last.get("outcome").asText()).isEqualTo("RolledBack");
        assertThat(last.get("cause").get("kind").asText()).isEqualTo("AlarmFired");
        assertThat(last.get("cause").get("alarm").asText()).isEqualTo(scene.alarm());
        assertThat(last.get("restored").get("kind").asText()).isEqualTo("BackOn");
    }

    @Test
    void autoApproveGoesOnWithoutAsking() {
        LocalStage.Scene scene = stage.scene("auto");

        CommandLineRun.Result result = CommandLineRun.run(CommandArgs.canary(scene, stage)
                .set("--approve-before", "50", "100").flag("--auto-approve").toArray());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(stage.weights(scene)).isEqualTo(List.of(0, 100));
        assertThat(result.out().lines().filter(l -> l.contains("approved by --auto-approve"))).hasSize(2);
    }

    @Test
    void aPersonAtTheTerminalApproves() {
        LocalStage.Scene scene = stage.scene("yes");
        List<String> asked = new ArrayList<>();

        CommandLineRun.Result result = CommandLineRun.run(prompt -> {
            asked.add(prompt);
            return "y";
        }, Map.of("AWS_REGION", "us-east-1"), CommandArgs.canary(scene, stage).remove("--region")
                .set("--approve-before", "100").toArray());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(asked).singleElement().asString().contains("Shift to 100%");
        assertThat(result.out()).contains("approved by");
        assertThat(stage.weights(scene)).isEqualTo(List.of(0, 100));
    }

    @Test
    void declining() {
        LocalStage.Scene scene = stage.scene("no");
        List<String> answers = new ArrayList<>(List.of("maybe", "no"));

        CommandLineRun.Result result = CommandLineRun.run(prompt -> answers.remove(0), Map.of(),
                CommandArgs.canary(scene, stage).set("--approve-before", "50").toArray());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(answers).isEmpty();
        assertThat(stage.weights(scene)).isEqualTo(List.of(100, 0));
        assertThat(result.out()).contains("declined by");
        assertThat(result.err()).contains("Stopped (exit code 4)");
    }

    @Test
    void alarmsAreWatchedWhileAPersonThinks() {
        LocalStage.Scene scene = stage.scene("think");
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch neverAnswered = new CountDownLatch(1);
        CompletableFuture<Void> failing = CompletableFuture.runAsync(() -> {
            await(asked);
            // Two polls with the question open, then the new version fails.
            sleep(Duration.ofMillis(2500));
            stage.alarm(scene.alarm(), StateValue.ALARM);
        });
        try {
            CommandLineRun.Result result = CommandLineRun.run(prompt -> {
                asked.countDown();
                await(neverAnswered);
                return "y";
            }, Map.of(), CommandArgs.canary(scene, stage).set("--approve-before", "50").toArray());

            failing.join();
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
            assertThat(result.out()).contains("waiting for approval to shift to 50%").contains("think-5xx OK → ALARM")
                    .contains("The question is closed").doesNotContain("approved by");
            assertThat(result.out().indexOf("The question is closed")).isGreaterThan(result.out().indexOf("OK → ALARM"));
            assertThat(stage.weights(scene)).isEqualTo(List.of(100, 0));
        } finally {
            neverAnswered.countDown();
        }
    }

    @Test
    void jsonPrintsOneObjectPerLineAndTheOutcomeLast() throws IOException {
        LocalStage.Scene scene = stage.scene("json");

        CommandLineRun.Result result = CommandLineRun.run(CommandArgs.canary(scene, stage).flag("--json").toArray());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : result.outLines()) {
            lines.add(mapper.readTree(line));
        }
        assertThat(lines).hasSizeGreaterThanOrEqualTo(5);
        assertThat(lines.subList(0, lines.size() - 1)).allSatisfy(e -> {
            assertThat(e.get("kind").asText()).isNotEmpty();
            assertThat(e.get("at").asText()).isNotEmpty();
        });
        assertThat(lines.get(0).get("kind").asText()).isEqualTo("PREFLIGHT_PASSED");
        JsonNode last = lines.get(lines.size() - 1);
        assertThat(last.get("outcome").asText()).isEqualTo("Succeeded");
        assertThat(last.get("exitCode").asInt()).isZero();
        assertThat(result.out()).doesNotContain("Done:").doesNotContain("Ctrl-C");
        assertThat(result.err()).contains("Done:");
    }

    @Test
    void aFinishedStateFileStartsANewDeployment() {
        LocalStage.Scene scene = stage.scene("again");
        Path state = dir.resolve("again.json");
        CommandArgs args = CommandArgs.canary(scene, stage).set("--state-file", state.toString());
        assertThat(CommandLineRun.run(args.toArray()).exitCode()).isZero();
        stage.resources.setListenerWeights(scene.listener(), LocalStage.weights(scene.stable(), 100, scene.canary(), 0));

        CommandLineRun.Result again = CommandLineRun.run(args.toArray());

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("holds a finished deployment").contains("shifted to 10%");
    }

    static void awaitWeights(LocalStage.Scene scene, List<Integer> wanted) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!stage.weights(scene).equals(wanted)) {
            if (System.nanoTime() > deadline) throw new AssertionError("moto never showed " + wanted);
            sleep(Duration.ofMillis(100));
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
