package io.jenkins.plugins.awsdeploy.engine.ecs;

import io.jenkins.plugins.awsdeploy.engine.aws.AwsAccess;
import io.jenkins.plugins.awsdeploy.engine.aws.SessionCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private {@code moto_server} on a free loopback port, for this package's integration tests until the
 * {@code local-aws} module's MotoServer lands; ECS needs none of its CloudWatch bridge.
 */
final class MotoServerProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(30);

    private final Process process;
    private final URI endpoint;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private MotoServerProcess(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    /** Starts the server with extra environment (e.g. MOTO_ECS_SERVICE_RUNNING) and waits until it answers. */
    static MotoServerProcess start(Map<String, String> environment) {
        int port = freePort();
        try {
            Path log = Files.createTempFile("moto-server-", ".log");
            ProcessBuilder pb = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", String.valueOf(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(environment);
            MotoServerProcess moto = new MotoServerProcess(pb.start(), URI.create("http://127.0.0.1:" + port), log);
            moto.awaitUp();
            return moto;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start moto_server (pip install 'moto[server]')", e);
        }
    }

    URI endpoint() {
        return endpoint;
    }

    /** How the engine reaches this server: any region works, dummy credentials, but signed requests. */
    AwsAccess access() {
        return new AwsAccess("us-east-1", endpoint, new SessionCredentials("test", "test", "test", null), null, null);
    }

    /** Forgets every resource, between test classes or tests. */
    void reset() {
        send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset")).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // a log left in the temp directory is harmless
        }
    }

    private void awaitUp() throws IOException {
        long until = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited at start: " + Files.readString(log));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/data.json"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep();
        }
        String output = Files.readString(log);
        close();
        throw new IllegalStateException("moto_server did not answer within " + STARTUP.toSeconds() + "s: " + output);
    }

    private void send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IllegalStateException(request.uri() + " answered " + r.statusCode());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
