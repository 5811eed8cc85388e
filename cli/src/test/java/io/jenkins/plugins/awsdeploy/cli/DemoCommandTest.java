package io.jenkins.plugins.awsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.localaws.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    /** The demo starts moto itself and reports a missing one as a result: ask first, so MotoGate can skip. */
    @BeforeAll
    static void needsMoto() {
        MotoServer.executable();
    }

    @Test
    @Timeout(90)
    void showsTheRollbackAndDrawsIt(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("demo-timeline.svg");

        CommandLineRun.Result result = CommandLineRun.run("demo", "--timeline", svg.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("shifted to 10%", "shifted to 50%", "demo-canary-5xx OK → ALARM")
                .contains("all traffic is back on the stable side").contains("demo-stable weight 100, demo-canary weight 0")
                .doesNotContain("shifted to 100%").contains("Stopped moto_server");
        assertThat(Files.readString(svg)).contains("<svg", "Rolled back");
    }
}
