package io.jenkins.plugins.awsdeploy.localaws;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A JDK HTTP server bound to a free loopback port, serving every path with one handler. */
final class LoopbackHttpServer implements AutoCloseable {

    // The SDK may run a few calls in parallel; moto itself serves about 300 requests/s, so more threads would not help.
    private static final int THREADS = 4;

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm meets the
        // client's delayed ACK and every proxied call waits ~40 ms per hop (measured: 60 ms -> 15 ms a call).
        // It closes idle connections after 30 s, while the SDK's Apache client keeps them up to 60 s: a call on
        // such a connection would fail like an injected drop, and tests without retries would flake.
        // Both are read once, when the JVM creates its first HttpServer; explicit settings are left alone.
        defaultProperty("sun.net.httpserver.nodelay", "true");
        defaultProperty("sun.net.httpserver.idleInterval", "120");
    }

    private final HttpServer server;
    private final ExecutorService executor;

    LoopbackHttpServer(String name, HttpHandler handler) throws IOException {
        // IPv4 literally, not getLoopbackAddress(): that may be ::1, and endpoint() promises 127.0.0.1.
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
        AtomicInteger counter = new AtomicInteger();
        // Daemon threads: a test that forgets close() must not keep the JVM (and so the Maven build) alive.
        executor = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try {
                handler.handle(exchange);
            } catch (IOException | RuntimeException e) {
                // Uncaught, the JDK server would just drop the connection: indistinguishable from an injected fault.
                Upstream.answerFailure(exchange, e);
            }
        });
        server.start();
    }

    private static void defaultProperty(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
