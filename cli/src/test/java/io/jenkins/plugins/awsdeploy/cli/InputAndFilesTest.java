package io.jenkins.plugins.awsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.JsonCodec;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * Limits and files checked before any AWS call (durations, partitions, where the state goes, what a state file
 * says), each refused with exit code 2 naming the option, and AWS exactly as it was.
 */
class InputAndFilesTest {

    private static LocalStage stage;
    private static LocalStage.Scene scene;
    private static RollbackScene rollback;

    @TempDir
    static Path dir;

    @BeforeAll
    static void buildScene() throws IOException {
        stage = LocalStage.start(RollbackScene.TASKS);
        scene = stage.scene("lim");
        rollback = RollbackScene.build(stage, "limecs");
        stage.ecs.register("limecs-api", Map.of("app", "repo/api:1"));
    }

    @AfterAll
    static void stop() {
        if (stage != null) stage.close();
    }

    static Stream<BadInput> badInputs() {
        String china = "arn:aws-cn:elasticloadbalancing:us-east-1:123456789012:listener/app/cli-tests/50dc6c495c0c9188/f2f7dc8efc522ab2";
        return Stream.of(
                new BadInput("bake beyond a week", "--bake", "longer than 7 days", a -> a.set("--bake", "200h")),
                new BadInput("poll that overflows", "--poll", "longer than 7 days", a -> a.set("--poll", "99999999999999999999s")),
                new BadInput("approval timeout that overflows", "--approval-timeout", "longer than 7 days",
                        a -> a.set("--approval-timeout", "9223372036854775807h").set("--approve-before", "50").flag("--auto-approve")),
                new BadInput("call timeout of 0s", "--call-timeout", "at least 1s", a -> a.set("--call-timeout", "0s")),
                new BadInput("call timeout beyond a week", "--call-timeout", "longer than 7 days", a -> a.set("--call-timeout", "169h")),
                new BadInput("ARN of another partition", "--listener-arn", "is in partition aws-cn",
                        a -> a.set("--listener-arn", china)),
                new BadInput("state file under a file", "--state-file", "(Not a directory)",
                        a -> a.set("--state-file", file("plain.txt").resolve("state.json").toString())),
                new BadInput("state file in a missing directory", "--state-file", "(No such file or directory)",
                        a -> a.set("--state-file", dir.resolve("nowhere/state.json").toString())),
                new BadInput("timeline in a missing directory", "--timeline", "(No such file or directory)",
                        a -> a.set("--timeline", dir.resolve("nowhere/t.svg").toString())),
                new BadInput("state file at a step beyond its plan", "--state-file", "contradicts itself",
                        a -> a.set("--state-file", stored("\"phase\":{\"phase\":\"Baking\",\"step\":5,\"until\":\"2026-11-21T12:00:00Z\"}").toString())),
                new BadInput("state file in an unknown phase", "--state-file", "cannot be read",
                        a -> a.set("--state-file", stored("\"phase\":{\"phase\":\"Teleporting\"}").toString())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void isRefusedBeforeAnyChange(BadInput bad) {
        Map<String, Object> before = stage.snapshot();

        CommandLineRun.Result result = CommandLineRun.run(bad.change().apply(CommandArgs.canary(scene, stage)).toArray());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).as(result.toString()).contains(bad.option() + ": ").contains(bad.says());
        assertThat(result.out()).as(result.toString()).doesNotContain("shifted");
        assertThat(stage.snapshot()).isEqualTo(before);
    }

    @Test
    void anEcsRollbackToAnotherFamilyIsRefusedUnlessAllowed() {
        Map<String, Object> before = rollback.snapshot(stage);

        CommandLineRun.Result refused = CommandLineRun.run(rollback.args(stage).set("--to-revision", "limecs-api:1").toArray());

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("--to-revision: limecs-api:1 is of family limecs-api", "add --allow-other-family");
        assertThat(rollback.snapshot(stage)).isEqualTo(before);

        CommandLineRun.Result allowed = CommandLineRun.run(rollback.args(stage).set("--to-revision", "limecs-api:1")
                .flag("--allow-other-family").flag("--dry-run").toArray());
        assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
        assertThat(allowed.out()).contains("would roll back", "to limecs-api:1");
    }

    @Test
    void eventLinesNameParametersAsTheCommandLineDoes() {
        String burning = "lim-burning";
        stage.resources.alarm(burning, scene.canary());
        stage.alarm(burning, StateValue.ALARM);

        CommandLineRun.Result result = CommandLineRun.run(CommandArgs.canary(scene, stage).set("--alarm", burning).toArray());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).contains("preflight failed, nothing was changed in AWS: --alarm: '" + burning + "' is already in ALARM")
                .doesNotContain("alarms:");
    }

    private static Path file(String name) {
        try {
            return Files.writeString(dir.resolve(name), "not a directory");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This very deployment's state file, with its phase replaced. */
    private static Path stored(String phase) {
        String json = JsonCodec.write(CanaryCheckpoint.start(new CanaryRequest().listenerArn(scene.listener())
                .stableTargetGroup(scene.stable()).canaryTargetGroup(scene.canary()).steps(List.of(10, 50, 100))
                .bake("1s").poll("1s").alarms(List.of(scene.alarm())).region("us-east-1").toSpec()));
        assertThat(json).contains("\"phase\":{\"phase\":\"Preflight\"}");
        try {
            return Files.writeString(dir.resolve("state-" + System.nanoTime() + ".json"),
                    json.replace("\"phase\":{\"phase\":\"Preflight\"}", phase));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
