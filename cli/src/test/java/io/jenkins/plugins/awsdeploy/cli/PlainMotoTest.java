package io.jenkins.plugins.awsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * {@code --endpoint-url} of a plain moto_server, as docs/cli.md offers it: no bridge in front. The SDK speaks
 * CBOR to CloudWatch, which moto does not; the command must bridge it itself, alarms included.
 */
@Timeout(90)
class PlainMotoTest {

    private static LocalStage stage;

    @BeforeAll
    static void start() throws IOException {
        stage = LocalStage.start(RollbackScene.TASKS);
    }

    @AfterAll
    static void stop() {
        if (stage != null) stage.close();
    }

    private static CommandArgs plain(CommandArgs args) {
        return args.set("--endpoint-url", stage.aws.moto().endpoint().toString());
    }

    @Test
    void aCanaryWatchingAnAlarmRunsToTheEnd() {
        LocalStage.Scene scene = stage.scene("plain");

        CommandLineRun.Result result = CommandLineRun.run(plain(CommandArgs.canary(scene, stage)).toArray());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("1 alarm(s), none in ALARM").contains("alarms stayed OK");
        assertThat(stage.weights(scene)).isEqualTo(List.of(0, 100));
    }

    @Test
    void anAlarmReadThroughTheBridgeRollsBack() {
        LocalStage.Scene scene = stage.scene("plainalarm");
        CommandLineRun.Background run = CommandLineRun.start(plain(CommandArgs.canary(scene, stage).set("--bake", "30s")).toArray());
        run.awaitOut("shifted to 10%");

        stage.alarm(scene.alarm(), StateValue.ALARM);
        CommandLineRun.Result result = run.result();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.out()).contains(scene.alarm() + " OK → ALARM");
        assertThat(stage.weights(scene)).isEqualTo(List.of(100, 0));
    }

    @Test
    void aBlueGreenPreflightReadsItsAlarmThroughTheBridge() {
        BlueGreenScene scene = BlueGreenScene.build(stage, "plainbg");
        stage.alarm(scene.alarm(), StateValue.ALARM);
        Map<String, Object> before = scene.snapshot(stage);

        CommandLineRun.Result result = CommandLineRun.run(plain(scene.args(stage)).toArray());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("--alarm: '" + scene.alarm() + "' is already in ALARM");
        assertThat(scene.snapshot(stage)).isEqualTo(before);
    }

    @Test
    void anEcsRollbackChecksAndSaysWhatItWouldDo() {
        RollbackScene scene = RollbackScene.build(stage, "plainecs");

        CommandLineRun.Result result = CommandLineRun.run(plain(scene.args(stage)).flag("--dry-run").toArray());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("dry run: would roll back service web", "to plainecs-web:2");
    }
}
