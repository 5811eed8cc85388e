package io.jenkins.plugins.awsdeploy.cli;

import io.jenkins.plugins.awsdeploy.engine.Heartbeat;
import io.jenkins.plugins.awsdeploy.engine.InvalidInputException;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsRegion;
import io.jenkins.plugins.awsdeploy.engine.params.CommonParameters;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options every deployment command takes: where AWS is, where to keep state, and how to report. Their
 * {@code order} starts at 101 so that, with {@code sortOptions = false}, a command's own options (order 1..100)
 * come first in its help.
 */
public final class CommonOptions {

    @Option(names = "--region", order = 101, paramLabel = "REGION",
            description = "AWS region. Default: the AWS_REGION or AWS_DEFAULT_REGION environment variable.")
    String region;

    @Option(names = "--endpoint-url", order = 102, paramLabel = "URL",
            description = "Send every AWS call to this endpoint instead, e.g. a local emulator.")
    String endpointUrl;

    @Option(names = "--state-file", order = 103, paramLabel = "FILE",
            description = "Save the deployment's state here after every step. Run the same command again with an "
                    + "unfinished state file to resume after a crash.")
    Path stateFile;

    @Option(names = "--timeline", order = 104, paramLabel = "FILE.svg",
            description = "At the end, draw the deployment's timeline as an SVG picture.")
    Path timeline;

    @Option(names = "--json", order = 105, description = "Print each event as one JSON object per line, and a last line "
            + "with the outcome and exit code.")
    boolean json;

    // TIME, not DURATION: a label one character longer widens the option column of every command's help.
    @Option(names = "--heartbeat", order = 106, paramLabel = "TIME", defaultValue = "1m",
            description = "Without a terminal (a pipe, a CI log) or with --json: a line saying where the deployment "
                    + "stands whenever nothing was printed for this long; 0 for none. On a terminal a live status line "
                    + "shows it instead. Default: ${DEFAULT-VALUE}.")
    String heartbeat;

    /** The heartbeat interval; zero for none; null (with a problem) when it is no duration. */
    Duration heartbeat(List<Problem> problems) {
        try {
            return Heartbeat.parse("heartbeat", heartbeat);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    @Option(names = "--call-timeout", order = 107, paramLabel = "DURATION", defaultValue = "20s",
            description = "The longest one AWS call may take, retries included. A check that gets no answer in time ends "
                    + "the command (exit code 2) naming the call. Default: ${DEFAULT-VALUE}.")
    String callTimeout;

    /** The call timeout asked for; null (with a problem) if it is no duration or out of bounds. */
    Duration callTimeout(List<Problem> problems) {
        return CommonParameters.CALL_TIMEOUT.duration(callTimeout, problems);
    }

    /** The region asked for, else the environment's; null (with a problem) if there is none. */
    String region(Map<String, String> env, List<Problem> problems) {
        String r = firstSet(region, env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"));
        if (r == null) {
            problems.add(new Problem("region", "no region given; use --region or set AWS_REGION"));
            return null;
        }
        if (!AwsRegion.isName(r)) {
            String from = region != null ? "" : " (from the environment)";
            problems.add(new Problem("region", "'" + r + "'" + from + " is not a region name like us-east-1"));
            return null;
        }
        return r;
    }

    /** The emulator's endpoint, or null for AWS itself. */
    URI endpoint(List<Problem> problems) {
        if (endpointUrl == null) return null;
        try {
            URI uri = new URI(endpointUrl.trim());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below, like any other malformed URL
        }
        problems.add(new Problem("endpointUrl", "'" + endpointUrl + "' is not an http(s) URL like http://127.0.0.1:5000"));
        return null;
    }

    /**
     * Checked before any AWS call: a deployment whose checkpoints cannot be stored is stopped and rolled back, and
     * finding out at the end that the picture cannot be written would be too late.
     */
    void checkFiles(List<Problem> problems) {
        checkWritable("--state-file", stateFile, problems);
        checkWritable("--timeline", timeline, problems);
    }

    /** Creates and removes a file next to {@code file}, the way a save will, so that the OS gives its own reason. */
    private static void checkWritable(String parameter, Path file, List<Problem> problems) {
        if (file == null) return;
        if (Files.isDirectory(file)) {
            problems.add(new Problem(parameter, file + " is a directory, not a file"));
            return;
        }
        Path dir = file.toAbsolutePath().getParent();
        File probe = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".probe").toFile();
        try (FileOutputStream out = new FileOutputStream(probe)) {
            out.flush();
        } catch (IOException e) {
            // FileOutputStream's message carries the OS's words: "(Permission denied)", "(No such file or directory)".
            problems.add(new Problem(parameter, file + " cannot be written: " + e.getMessage()));
        } finally {
            probe.delete();
        }
    }

    public Path stateFile() {
        return stateFile;
    }

    public Path timeline() {
        return timeline;
    }

    public boolean json() {
        return json;
    }

    private static String firstSet(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) return v.trim();
        }
        return null;
    }
}
