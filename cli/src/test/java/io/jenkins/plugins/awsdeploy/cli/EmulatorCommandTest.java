package io.jenkins.plugins.awsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code aws-deploy emulator} as a person uses it: start it, paste its setup into a shell, run the canary it
 * suggests against the endpoint it printed, then stop it with SIGTERM.
 */
@Timeout(180)
class EmulatorCommandTest {

    private static final Pattern ENDPOINT = Pattern.compile("--endpoint-url (http://127\\.0\\.0\\.1:\\d+) --region us-east-1");

    @Test
    void printsASetupThatWorksAsPastedAndStopsCleanlyOnSigterm() throws Exception {
        AwsDeployProcess emulator = AwsDeployProcess.start("emulator");
        try {
            emulator.awaitLine("Ctrl-C stops the emulator.");
            String printed = String.join("\n", emulator.seen);
            Matcher m = ENDPOINT.matcher(printed);
            assertThat(m.find()).as(printed).isTrue();
            URI endpoint = URI.create(m.group(1));

            List<String> arns = runSetup(printed.substring(printed.indexOf("export "), printed.indexOf("'set up by hand'") + 16));
            assertThat(arns).hasSize(3).allMatch(a -> a.startsWith("arn:aws:elasticloadbalancing:us-east-1:"));

            System.setProperty("aws.accessKeyId", "test");
            System.setProperty("aws.secretAccessKey", "test");
            CommandLineRun.Result canary = CommandLineRun.run("canary", "--endpoint-url", endpoint.toString(), "--region",
                    "us-east-1", "--listener-arn", arns.get(0), "--stable-target-group", arns.get(1),
                    "--canary-target-group", arns.get(2), "--steps", "50,100", "--bake", "1s", "--poll", "1s",
                    "--alarm", EmulatorCommand.ALARM);
            assertThat(canary.exitCode()).as(canary.toString()).isZero();
            assertThat(canary.out()).contains("alarms stayed OK");

            emulator.process.toHandle().destroy();

            assertThat(emulator.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(emulator.process.exitValue()).as(emulator.output()).isZero();
            assertThat(emulator.output()).contains("terminated (SIGTERM): stopping the emulator");
            assertThatThrownBy(() -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 2000);
                }
            }).as("nothing listens on the endpoint any more").isInstanceOf(IOException.class);
        } finally {
            emulator.process.destroyForcibly();
        }
    }

    /** Runs the pasted lines in bash, as a person would, and returns the listener's and both target groups' ARNs. */
    private static List<String> runSetup(String script) throws IOException, InterruptedException {
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", "set -e\n" + script
                + "\nprintf '%s\\n' \"$LISTENER\" \"$STABLE_TG\" \"$CANARY_TG\"").redirectErrorStream(true);
        bash.environment().remove("AWS_PROFILE");
        Process p = bash.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().filter(l -> l.startsWith("arn:")).toList();
    }
}
