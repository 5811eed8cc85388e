package io.jenkins.plugins.awsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The command line itself, without AWS: help, version and usage errors. */
class AwsDeployTest {

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        CommandLineRun.Result result = CommandLineRun.run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("canary", "demo", "Exit codes", "rolled back");
    }

    @Test
    void canaryHelpShowsTheContractsSynopsis() {
        CommandLineRun.Result result = CommandLineRun.run("canary", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("(--listener-arn ARN | --rule-arn ARN)", "--approve-before", "Canary10Percent5Minutes",
                "Default: 5s");
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
