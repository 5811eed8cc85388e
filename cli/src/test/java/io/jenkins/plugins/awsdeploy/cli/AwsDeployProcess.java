package io.jenkins.plugins.awsdeploy.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** {@code aws-deploy} in a JVM of its own, on the test class path, whose stdout is read line by line. */
final class AwsDeployProcess {
    final Process process;
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    final List<String> seen = new ArrayList<>();
    final Thread reader;

    private AwsDeployProcess(Process process) {
        this.process = process;
        reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                r.lines().forEach(lines::add);
            } catch (IOException | UncheckedIOException e) {
                // the process died; whatever it said is in the queue
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    static AwsDeployProcess start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                AwsDeploy.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("AWS_ACCESS_KEY_ID", "test");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "test");
        builder.environment().remove("AWS_PROFILE");
        return new AwsDeployProcess(builder.start());
    }

    void awaitLine(String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (line.contains(fragment)) return;
            }
        }
        process.destroyForcibly();
        throw new AssertionError("never printed '" + fragment + "':\n" + String.join("\n", seen));
    }

    /** Everything printed, once the process has ended. */
    String output() throws InterruptedException {
        reader.join(TimeUnit.SECONDS.toMillis(10));
        lines.drainTo(seen);
        return String.join("\n", seen);
    }
}
