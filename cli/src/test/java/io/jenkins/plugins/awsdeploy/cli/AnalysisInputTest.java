package io.jenkins.plugins.awsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every wrong canary analysis setting ends with exit code 2, naming the option as typed, and AWS exactly as it was. */
class AnalysisInputTest {

    private static LocalStage stage;
    private static LocalStage.Scene scene;

    @BeforeAll
    static void buildScene() throws java.io.IOException {
        stage = LocalStage.start();
        scene = stage.scene("an");
    }

    @AfterAll
    static void stop() {
        if (stage != null) stage.close();
    }

    static Stream<BadInput> badInputs() {
        return Stream.of(
                new BadInput("error rate not a number", "--compare-error-rate", "'lots' is not a number",
                        a -> a.set("--compare-error-rate", "lots")),
                new BadInput("negative error rate", "--compare-error-rate", "outside 0..100",
                        a -> a.set("--compare-error-rate", "-1")),
                new BadInput("error rate above 100 points", "--compare-error-rate", "outside 0..100",
                        a -> a.set("--compare-error-rate", "150")),
                new BadInput("latency ratio below 1", "--compare-latency", "outside 1..1000",
                        a -> a.set("--compare-latency", "0.5")),
                new BadInput("latency ratio not a number", "--compare-latency", "is not a number",
                        a -> a.set("--compare-latency", "1.5x")),
                new BadInput("interval shorter than a minute", "--analysis-interval", "at least 1m",
                        a -> a.set("--compare-error-rate", "1").set("--analysis-interval", "30s")),
                new BadInput("interval not whole minutes", "--analysis-interval", "not whole minutes",
                        a -> a.set("--compare-error-rate", "1").set("--analysis-interval", "90s")),
                new BadInput("delay not a duration", "--analysis-delay", "is not a duration",
                        a -> a.set("--compare-error-rate", "1").set("--analysis-delay", "soon")),
                new BadInput("min requests 0", "--min-requests", "outside 1..",
                        a -> a.set("--compare-error-rate", "1").set("--min-requests", "0")),
                new BadInput("min requests not whole", "--min-requests", "not a whole number",
                        a -> a.set("--compare-error-rate", "1").set("--min-requests", "50.5")),
                new BadInput("failure limit 0", "--analysis-failure-limit", "outside 1..1000",
                        a -> a.set("--compare-error-rate", "1").set("--analysis-failure-limit", "0")),
                new BadInput("timeout 0s", "--analysis-timeout", "longer than 0s",
                        a -> a.set("--compare-error-rate", "1").set("--analysis-timeout", "0s")),
                new BadInput("timeout shorter than interval and delay", "--analysis-timeout", "at least the interval plus",
                        a -> a.set("--compare-error-rate", "1").set("--analysis-timeout", "2m")),
                new BadInput("analysis settings without anything to compare", "--compare-error-rate",
                        "needs something to compare", a -> a.set("--min-requests", "100")),
                new BadInput("analysis of a plan with no step where both sides serve", "--compare-error-rate",
                        "add a step below 100%", a -> a.set("--compare-error-rate", "1").set("--steps", "100")),
                new BadInput("analysis of Route 53 records, which have no metrics per side", "--compare-error-rate",
                        "cannot be analysed", a -> a.remove("--listener-arn").remove("--stable-target-group")
                                .remove("--canary-target-group").set("--hosted-zone-id", "Z0123456789ABCDEFGHIJ")
                                .set("--record-name", "api.example.com").set("--stable-set-identifier", "blue")
                                .set("--canary-set-identifier", "green").set("--compare-error-rate", "1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void isRefusedBeforeAnyChange(BadInput bad) {
        Map<String, Object> before = stage.snapshot();

        CommandLineRun.Result result = CommandLineRun.run(bad.change().apply(CommandArgs.canary(scene, stage)).toArray());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).as(result.toString()).contains(bad.option()).contains(bad.says());
        assertThat(result.out()).as(result.toString()).doesNotContain("shifted");
        assertThat(stage.snapshot()).isEqualTo(before);
    }
}
