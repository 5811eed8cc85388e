package io.jenkins.plugins.awsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command line itself, without AWS: help, version and usage errors. */
class AwsDeployTest {

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        CommandLineRun.Result result = CommandLineRun.run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("canary", "blue-green", "ecs-rollback", "demo", "Exit codes", "rolled back");
    }

    @Test
    void canaryHelpShowsTheContractsSynopsis() {
        CommandLineRun.Result result = CommandLineRun.run("canary", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("(--listener-arn ARN | --rule-arn ARN)", "--approve-before", "Canary10Percent5Minutes",
                "Default: 5s");
    }

    @Test
    void blueGreenHelpShowsTheContractsSynopsisAndDefaults() {
        CommandLineRun.Result result = CommandLineRun.run("blue-green", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("(--listener-arn ARN | --rule-arn ARN)",
                "(--image [CONTAINER=]IMAGE... | --task-definition FAMILY:REV)", "[--approve-before switch]",
                "--test-listener-arn", "--approval-timeout", "--scale-down-failed", "Default: 10m", "Default: 5m",
                "Default: 5s", "Exit codes");
        assertThat(result.out().lines()).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(80));
    }

    @Test
    void ecsRollbackHelpShowsTheContractsSynopsisAndDefaults() {
        CommandLineRun.Result result = CommandLineRun.run("ecs-rollback", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("aws-deploy ecs-rollback --cluster C --service S",
                "[--to-revision FAMILY:N | --to-revision TASK_DEFINITION_ARN]", "--no-wait", "--dry-run", "Default: 10m",
                "Default: 5s");
        assertThat(result.out().replaceAll("\\s+", " ")).contains("The time to restore is printed at the end.");
        assertThat(result.out().lines()).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(80));
    }

    @Test
    void everyHelpIsFormattedWithoutAWarning() {
        PrintStream was = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            for (String command : new String[] {"canary", "blue-green", "ecs-rollback", "demo"}) {
                assertThat(CommandLineRun.run(command, "--help").exitCode()).as(command).isZero();
            }
        } finally {
            System.setErr(was);
        }
        // picocli warns on the process's own stderr when a description is not a valid format string.
        assertThat(stderr.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
        assertThat(CommandLineRun.run("demo", "--help").out().replaceAll("\\s+", " ")).contains("shifts 10% -> 50% -> 100%");
    }

    @Test
    void noCommandIsAUsageError() {
        CommandLineRun.Result result = CommandLineRun.run();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing command");
    }

    @Test
    void unknownCommandIsAUsageError() {
        CommandLineRun.Result result = CommandLineRun.run("canery");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("canery").contains("canary");
    }
}
