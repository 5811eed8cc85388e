package io.jenkins.plugins.awsdeploy.localaws;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private {@code moto_server} child process on a free loopback port: a fake AWS for the demo and the tests.
 * Its output goes to {@link #logFile()}, which is kept after {@link #close()} so that a failed test can be
 * diagnosed (moto writes its Python tracebacks there when it answers 500).
 */
public final class MotoServer implements AutoCloseable {

    public static final String COMMAND = "moto_server";
    public static final String INSTALL_HINT = "pip install 'moto[server]' awscli";

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration STOP_GRACE = Duration.ofSeconds(3);
    // Binding a port we found free can still lose a race with another process: try a few.
    private static final int PORT_ATTEMPTS = 3;

    private final Process process;
    private final int port;
    private final Path logFile;
    private final HttpClient http;
    private final Thread shutdownHook;

    private MotoServer(Process process, int port, Path logFile, HttpClient http, Thread shutdownHook) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.http = http;
        this.shutdownHook = shutdownHook;
    }

    /** Starts moto_server with the default settings and waits until it answers. */
    public static MotoServer start() throws IOException {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** moto itself, e.g. {@code http://127.0.0.1:41234}. SDK clients for CloudWatch need a {@link CloudWatchBridge}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Forgets every resource in every service and region: moto's state is global to the server. */
    public void reset() {
        HttpRequest request = HttpRequest.newBuilder(endpoint().resolve("/moto-api/reset"))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("moto_server refused the reset: HTTP " + response.statusCode()
                        + " " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("moto_server on port " + port + " did not answer the reset", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resetting moto_server", e);
        }
    }

    @Override
    public void close() {
        forget(shutdownHook);
        stop(process);
    }

    /** Registered as soon as the child exists: a JVM killed by Surefire's timeout or Ctrl-C must not orphan it. */
    private static Thread stopOnExit(Process process) {
        Thread hook = new Thread(() -> stop(process), "moto-server-" + process.pid() + "-stopper");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private static void forget(Thread shutdownHook) {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException jvmAlreadyShuttingDown) {
            // The hook is running or about to; stopping twice is harmless.
        }
    }

    /** Where {@value #COMMAND} is on this machine's PATH; throws {@link MotoServerMissing}, saying how to install it. */
    public static Path executable() {
        return locate(System.getenv().getOrDefault("PATH", ""));
    }

    /**
     * Finds {@value #COMMAND} in {@code searchPath} (formatted as the PATH variable), or throws {@link MotoServerMissing}
     * saying how to install it.
     */
    static Path locate(String searchPath) {
        for (String directory : searchPath.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, COMMAND);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new MotoServerMissing(COMMAND + " is not on the PATH. The local AWS (demo and integration tests)"
                + " needs moto 5.x; install it with: " + INSTALL_HINT);
    }

    private static void stop(Process process) {
        // Snapshot first: once the parent is gone, its children are re-parented and no longer found.
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /** Options for the child process. */
    public static final class Builder {

        private final Map<String, String> environment = new LinkedHashMap<>();
        private Duration startupTimeout = Duration.ofSeconds(20);

        private Builder() {
        }

        /** An environment variable for moto, e.g. {@code MOTO_ECS_SERVICE_RUNNING} (running count of new services). */
        public Builder environment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        /**
         * Starts moto_server and waits until it answers.
         *
         * @throws MotoServerMissing if {@value #COMMAND} is not on the PATH
         * @throws IOException if it does not start or does not answer within the startup timeout
         */
        public MotoServer start() throws IOException {
            Path executable = executable();
            Path logDirectory = Files.createTempDirectory("moto-server-");
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(1))
                    .build();
            IOException last = null;
            for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
                int port = freeLoopbackPort();
                Path logFile = logDirectory.resolve("moto_server-" + port + ".log");
                ProcessBuilder builder = new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
                        .redirectErrorStream(true)
                        .redirectOutput(logFile.toFile());
                // Unbuffered, so the log is current when a failing test looks at it.
                builder.environment().put("PYTHONUNBUFFERED", "1");
                builder.environment().putAll(environment);
                Process process = builder.start();
                Thread shutdownHook = stopOnExit(process);
                boolean answered = false;
                try {
                    process.getOutputStream().close();
                    awaitAnswer(process, port, logFile, http);
                    answered = true;
                    return new MotoServer(process, port, logFile, http, shutdownHook);
                } catch (IOException e) {
                    last = e;
                    if (!readLog(logFile).contains("Address already in use")) {
                        break;
                    }
                } finally {
                    if (!answered) {
                        forget(shutdownHook);
                        stop(process);
                    }
                }
            }
            throw last;
        }

        private void awaitAnswer(Process process, int port, Path logFile, HttpClient http) throws IOException {
            HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/moto-api/"))
                    .timeout(Duration.ofSeconds(2))
                    .GET()
                    .build();
            long deadline = System.nanoTime() + startupTimeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IOException(COMMAND + " exited with code " + process.exitValue()
                            + " before answering; its log " + logFile + " says:\n" + tail(logFile));
                }
                try {
                    if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notListeningYet) {
                    // Expected while Python imports moto (about a second).
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for " + COMMAND, e);
                }
                try {
                    Thread.sleep(POLL_INTERVAL.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for " + COMMAND, e);
                }
            }
            throw new IOException(COMMAND + " did not answer on port " + port + " within " + startupTimeout
                    + "; its log " + logFile + " says:\n" + tail(logFile));
        }

        private static int freeLoopbackPort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
                return socket.getLocalPort();
            }
        }

        private static String tail(Path logFile) throws IOException {
            List<String> lines = readLog(logFile).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        }

        // Lenient decoding: a log is read to explain a failure, and must not fail itself on odd bytes.
        private static String readLog(Path logFile) throws IOException {
            return new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8);
        }
    }
}
