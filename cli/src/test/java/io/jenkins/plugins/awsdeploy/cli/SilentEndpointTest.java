package io.jenkins.plugins.awsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.localaws.FaultProxy;
import io.jenkins.plugins.awsdeploy.localaws.FaultProxy.Fault;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An endpoint that accepts connections and never answers: every command ends by itself, with exit code 2 and the
 * call that got no answer, and AWS (here: the moto behind the silent proxy) untouched.
 */
@Timeout(60)
class SilentEndpointTest {

    private static LocalStage stage;
    private static FaultProxy silent;

    @BeforeAll
    static void start() throws IOException {
        stage = LocalStage.start(RollbackScene.TASKS);
        silent = FaultProxy.builder(stage.aws.endpoint()).rate(Fault.NO_ANSWER, 1.0).start();
    }

    @AfterAll
    static void stop() {
        if (silent != null) silent.close();
        if (stage != null) stage.close();
    }

    @Test
    void aCanaryPreflightEndsWithExit2NamingTheCallThatHung() {
        LocalStage.Scene scene = stage.scene("silent");
        Map<String, Object> before = stage.snapshot();

        CommandLineRun.Result result = CommandLineRun.run(CommandArgs.canary(scene, stage)
                .set("--endpoint-url", silent.endpoint().toString()).set("--call-timeout", "2s").toArray());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("--listener-arn: could not be read: DescribeListeners")
                .contains("got no answer within 2s (--call-timeout)")
                .contains("Nothing was changed in AWS (exit code 2).");
        assertThat(stage.snapshot()).isEqualTo(before);
    }

    @Test
    void anEcsRollbackPreflightEndsWithExit2NamingTheCallThatHung() {
        RollbackScene scene = RollbackScene.build(stage, "silentecs");

        CommandLineRun.Result result = CommandLineRun.run(scene.args(stage)
                .set("--endpoint-url", silent.endpoint().toString()).set("--call-timeout", "2s").toArray());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("got no answer within 2s (--call-timeout)");
        assertThat(scene.service(stage).taskDefinition()).isEqualTo(scene.revisions().get(2));
    }
}
