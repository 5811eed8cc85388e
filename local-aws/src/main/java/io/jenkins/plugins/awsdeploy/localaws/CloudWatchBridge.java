package io.jenkins.plugins.awsdeploy.localaws;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * One loopback endpoint for every AWS service in front of moto_server, which speaks CloudWatch's JSON 1.0 but
 * not the Smithy RPC v2 CBOR protocol that the AWS SDK for Java v2 uses for CloudWatch since 2.40.7.
 *
 * <p>CloudWatch calls ({@code POST /service/GraniteServiceVersion20100801/operation/<Op>}) are re-encoded as
 * JSON 1.0 and their answers back as CBOR; everything else goes to moto untouched. Only for tests and the demo:
 * a real deployment talks to AWS directly.
 */
public final class CloudWatchBridge implements AutoCloseable {

    private static final String SERVICE = "GraniteServiceVersion20100801";
    private static final String CBOR_OPERATION_PATH = "/service/" + SERVICE + "/operation/";

    // moto does not check signatures, but it routes by the credential scope in Authorization.
    private static final List<String> SIGNING_HEADERS = List.of("Authorization", "X-Amz-Date", "X-Amz-Security-Token");

    // CloudWatch is awsQuery-compatible: without x-amzn-query-error the SDK derives a different errorCode().
    private static final List<String> ANSWER_HEADERS = List.of("x-amzn-RequestId", "x-amzn-query-error");

    private final ObjectMapper json = new ObjectMapper();
    private final CBORMapper cbor = new CBORMapper();
    private final Upstream moto;
    private final LoopbackHttpServer server;

    private CloudWatchBridge(URI moto) throws IOException {
        this.moto = new Upstream(moto);
        this.server = new LoopbackHttpServer("cloudwatch-bridge", this::handle);
    }

    /** Starts the bridge on a free loopback port in front of {@code moto} (e.g. {@link MotoServer#endpoint()}). */
    public static CloudWatchBridge start(URI moto) throws IOException {
        return new CloudWatchBridge(moto);
    }

    /** The endpoint to give every SDK client ({@code endpointOverride}), whatever the service. */
    public URI endpoint() {
        return server.endpoint();
    }

    @Override
    public void close() {
        server.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getRawPath();
        if (path.startsWith(CBOR_OPERATION_PATH)) {
            translate(exchange, path.substring(CBOR_OPERATION_PATH.length()), body);
        } else {
            Upstream.relay(exchange, moto.forward(exchange, body));
        }
    }

    private void translate(HttpExchange exchange, String operation, byte[] body) throws IOException {
        byte[] plain = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                ? gunzip(body) : body;
        HttpRequest.Builder request = moto.newRequest("/")
                .POST(HttpRequest.BodyPublishers.ofByteArray(cborToJson(plain)))
                .header("X-Amz-Target", SERVICE + "." + operation)
                .header("Content-Type", "application/x-amz-json-1.0");
        for (String name : SIGNING_HEADERS) {
            String value = exchange.getRequestHeaders().getFirst(name);
            if (value != null) {
                request.header(name, value);
            }
        }
        HttpResponse<byte[]> response = moto.send(request.build());

        for (String name : ANSWER_HEADERS) {
            response.headers().firstValue(name).ifPresent(value -> exchange.getResponseHeaders().set(name, value));
        }
        exchange.getResponseHeaders().set("Content-Type", "application/cbor");
        // Required on every answer by the RPC v2 CBOR spec; SDK 2.42 does not check it, a later one may.
        exchange.getResponseHeaders().set("smithy-protocol", "rpc-v2-cbor");
        Upstream.answer(exchange, response.statusCode(), jsonToCbor(response.body()));
    }

    /**
     * The SDK sends timestamps as CBOR tag 1 around epoch seconds; the tree model drops the tag and keeps the
     * number, which is exactly JSON 1.0's timestamp format. Blobs become base64 strings, as JSON 1.0 wants.
     */
    private byte[] cborToJson(byte[] body) throws IOException {
        if (body.length == 0) {
            return "{}".getBytes(StandardCharsets.UTF_8);
        }
        return json.writeValueAsBytes(cbor.readTree(body));
    }

    /** The SDK's CBOR reader takes plain numbers as epoch-second timestamps, so no tag needs adding back. */
    private byte[] jsonToCbor(byte[] body) throws IOException {
        JsonNode tree;
        try {
            tree = json.readTree(body);
            if (tree.isMissingNode()) {
                tree = json.createObjectNode();
            }
        } catch (JacksonException notJson) {
            // moto's crash pages are HTML; keep their text where a test failure message will show it.
            ObjectNode failure = json.createObjectNode();
            failure.put("__type", "InternalFailure");
            failure.put("message", new String(body, StandardCharsets.UTF_8));
            tree = failure;
        }
        return cbor.writeValueAsBytes(tree);
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
