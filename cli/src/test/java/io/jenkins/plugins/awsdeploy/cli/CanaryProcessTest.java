package io.jenkins.plugins.awsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.JsonCodec;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryPhase;
import io.jenkins.plugins.awsdeploy.localaws.FaultProxy;
import io.jenkins.plugins.awsdeploy.localaws.FaultProxy.Fault;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only a real process shows: a kill -9 in the middle of a canary, resumed from the state file by the next
 * run, and SIGTERM turning into a rollback and exit code 4.
 */
@Timeout(90)
class CanaryProcessTest {

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
    void aRunKilledMidwayIsFinishedByTheNextRunWithTheSameStateFile() throws Exception {
        LocalStage.Scene scene = stage.scene("crash");
        Path state = dir.resolve("crash.json");
        String[] args = CommandArgs.canary(scene, stage).set("--bake", "3s").set("--state-file", state.toString()).toArray();
        AwsDeployProcess first = AwsDeployProcess.start(args);
        first.awaitLine("shifted to 50%");

        first.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        Checkpoint left = JsonCodec.load(state);
        assertThat(left.finished()).isFalse();
        assertThat(((CanaryCheckpoint) left).phase()).isInstanceOf(CanaryPhase.Baking.class);
        assertThat(stage.weights(scene)).isEqualTo(List.of(50, 50));

        CommandLineRun.Result second = CommandLineRun.run(args);

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains("Resuming the unfinished deployment").contains("resumed: baking step 2/3")
                .contains("shifted to 100%").doesNotContain("shifted to 10%");
        assertThat(stage.weights(scene)).isEqualTo(List.of(0, 100));
        assertThat(JsonCodec.load(state).finished()).isTrue();
    }

    @Test
    void sigtermRollsBackAndExitsWith4() throws Exception {
        LocalStage.Scene scene = stage.scene("term");
        AwsDeployProcess run = AwsDeployProcess.start(CommandArgs.canary(scene, stage).set("--bake", "30s").toArray());
        run.awaitLine("shifted to 10%");

        // Through the handle: Process.destroy() would also close our end of its stdout, losing what it says next.
        run.process.toHandle().destroy();

        assertThat(run.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(run.process.exitValue()).as(run.output()).isEqualTo(4);
        assertThat(run.output()).contains("terminated (SIGTERM)").contains("all traffic is back on the stable side");
        assertThat(stage.weights(scene)).isEqualTo(List.of(100, 0));
    }

    @Test
    void sigtermWhileThePreflightHangsEndsTheCommandWithNothingChanged() throws Exception {
        LocalStage.Scene scene = stage.scene("hang");
        try (FaultProxy silent = FaultProxy.builder(stage.aws.endpoint()).rate(Fault.NO_ANSWER, 1.0).start()) {
            // A call timeout far longer than the test: only the stop can end this command in time.
            AwsDeployProcess run = AwsDeployProcess.start(CommandArgs.canary(scene, stage)
                    .set("--endpoint-url", silent.endpoint().toString()).set("--call-timeout", "10m").toArray());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            while (silent.injected(Fault.NO_ANSWER) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(silent.injected(Fault.NO_ANSWER)).as("the preflight's first call reached the silent endpoint").isPositive();

            run.process.toHandle().destroy();

            assertThat(run.process.waitFor(30, TimeUnit.SECONDS)).as("ended by the stop, not by a timeout").isTrue();
            assertThat(run.process.exitValue()).as(run.output()).isEqualTo(4);
            assertThat(run.output()).contains("terminated (SIGTERM) before any change; nothing was changed in AWS");
        }
        assertThat(stage.weights(scene)).isEqualTo(List.of(100, 0));
    }
}
