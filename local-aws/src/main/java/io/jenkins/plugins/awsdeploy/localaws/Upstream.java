package io.jenkins.plugins.awsdeploy.localaws;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The server a loopback proxy forwards to, and the plumbing to pass exchanges through unchanged. */
final class Upstream {

    // Hop-by-hop headers, and those java.net.http computes itself (it refuses them when set by hand).
    private static final Set<String> NOT_COPIED = Set.of(
            "connection", "content-length", "expect", "host", "upgrade", "keep-alive",
            "proxy-connection", "te", "trailer", "transfer-encoding");

    // moto needs up to ~1.3 s for the first call to a service; the SDK under test has its own, shorter timeouts.
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final URI target;
    private final HttpClient client;

    Upstream(URI target) {
        this.target = target;
        // HTTP/1.1 only: no h2c upgrade attempt, which neither moto nor the JDK server speaks.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Sends the exchange's method, path, query and headers with {@code body} to the target, as they came. */
    HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException {
        URI uri = exchange.getRequestURI();
        String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        HttpRequest.Builder request = newRequest(pathAndQuery)
                .method(exchange.getRequestMethod(), publisherOf(body));
        exchange.getRequestHeaders().forEach((name, values) -> copyHeader(request, name, values));
        return send(request.build());
    }

    HttpRequest.Builder newRequest(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(target.getScheme() + "://" + target.getRawAuthority() + pathAndQuery))
                .timeout(REQUEST_TIMEOUT);
    }

    HttpResponse<byte[]> send(HttpRequest request) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + target, e);
        }
    }

    static HttpRequest.BodyPublisher publisherOf(byte[] body) {
        return body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
    }

    /** Answers the exchange with the target's status, headers and body. */
    static void relay(HttpExchange exchange, HttpResponse<byte[]> response) throws IOException {
        response.headers().map().forEach((name, values) -> {
            if (!NOT_COPIED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        answer(exchange, response.statusCode(), response.body());
    }

    /** Sends status and body, declaring the length so that the SDK can reuse the connection. */
    static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean bodyless = body.length == 0 || status == 204 || status == 304
                || "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        // -1 tells the JDK server "no body"; 0 would mean "chunked, length unknown".
        exchange.sendResponseHeaders(status, bodyless ? -1 : body.length);
        if (!bodyless) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    /** A 502 naming the cause: the SDK treats it as a retryable service error, and a test log shows why. */
    static void answerFailure(HttpExchange exchange, Exception cause) {
        try {
            byte[] body = ("local AWS proxy failed: " + cause).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            answer(exchange, 502, body);
        } catch (IOException | RuntimeException alreadyAnswered) {
            exchange.close();
        }
    }

    private static void copyHeader(HttpRequest.Builder request, String name, List<String> values) {
        if (NOT_COPIED.contains(name.toLowerCase(Locale.ROOT))) {
            return;
        }
        for (String value : values) {
            try {
                request.header(name, value);
            } catch (IllegalArgumentException restrictedByThisJdk) {
                // Some JDKs restrict more names (e.g. Date); moto reads none of them.
                return;
            }
        }
    }
}
