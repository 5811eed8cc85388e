package io.jenkins.plugins.awsdeploy.localaws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * How an AWS request was encoded, as far as a fault injector must know: to name its operation, and to
 * phrase an error the SDK parses into the right {@code errorCode()} for that protocol.
 */
enum WireProtocol {

    /** Smithy RPC v2 CBOR (CloudWatch since SDK 2.40.7): {@code POST /service/<Service>/operation/<Op>}. */
    RPC_V2_CBOR {
        @Override
        String operation(HttpExchange exchange, byte[] body) {
            String path = exchange.getRequestURI().getRawPath();
            return path.substring(path.lastIndexOf('/') + 1);
        }

        @Override
        void answerError(HttpExchange exchange, AwsError error) throws IOException {
            Headers headers = exchange.getResponseHeaders();
            headers.set("Content-Type", "application/cbor");
            headers.set("smithy-protocol", "rpc-v2-cbor");
            Upstream.answer(exchange, error.status(), CBOR.writeValueAsBytes(typedError(error)));
        }
    },

    /** AWS JSON 1.0 / 1.1 (ECS, and REST-JSON services such as Lambda): errors named by {@code __type}. */
    AWS_JSON {
        @Override
        String operation(HttpExchange exchange, byte[] body) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            return target != null ? target.substring(target.lastIndexOf('.') + 1) : restOperation(exchange);
        }

        @Override
        void answerError(HttpExchange exchange, AwsError error) throws IOException {
            String requestType = exchange.getRequestHeaders().getFirst("Content-Type");
            exchange.getResponseHeaders().set("Content-Type",
                    requestType != null && requestType.startsWith("application/x-amz-json") ? requestType : "application/json");
            Upstream.answer(exchange, error.status(), JSON.writeValueAsBytes(typedError(error)));
        }
    },

    /** awsQuery (ELBv2, STS, ...) and REST-XML: form-encoded requests, XML {@code ErrorResponse} answers. */
    AWS_QUERY {
        @Override
        String operation(HttpExchange exchange, byte[] body) {
            String form = new String(body, StandardCharsets.UTF_8);
            for (String pair : form.split("&")) {
                if (pair.startsWith("Action=")) {
                    return URLDecoder.decode(pair.substring("Action=".length()), StandardCharsets.UTF_8);
                }
            }
            return restOperation(exchange);
        }

        @Override
        void answerError(HttpExchange exchange, AwsError error) throws IOException {
            String xml = "<ErrorResponse><Error><Type>" + error.fault() + "</Type><Code>" + error.queryCode()
                    + "</Code><Message>" + error.message() + "</Message></Error><RequestId>"
                    + exchange.getResponseHeaders().getFirst("x-amzn-RequestId") + "</RequestId></ErrorResponse>";
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            Upstream.answer(exchange, error.status(), xml.getBytes(StandardCharsets.UTF_8));
        }
    };

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CBORMapper CBOR = new CBORMapper();

    /** An AWS error: {@code code} for JSON and CBOR bodies, {@code queryCode} where awsQuery names it. */
    record AwsError(int status, String code, String queryCode, String fault, String message) {
    }

    static WireProtocol of(HttpExchange exchange) {
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (exchange.getRequestURI().getRawPath().contains("/operation/") || contentType.startsWith("application/cbor")) {
            return RPC_V2_CBOR;
        }
        if (contentType.contains("json") || exchange.getRequestHeaders().containsKey("X-Amz-Target")) {
            return AWS_JSON;
        }
        return AWS_QUERY;
    }

    /** The operation's name as sent on the wire, e.g. {@code DescribeAlarms}; {@code GET /path} for REST calls. */
    abstract String operation(HttpExchange exchange, byte[] body);

    abstract void answerError(HttpExchange exchange, AwsError error) throws IOException;

    /**
     * Answers with {@code error} encoded for this protocol. Headers that other protocols read are set too, since
     * the guess of the protocol can be wrong for bodiless REST calls, and each SDK parser ignores the others:
     * {@code x-amzn-ErrorType} is what REST-JSON reads first, and {@code x-amzn-query-error} is what an
     * awsQuery-compatible JSON or CBOR service (CloudWatch) takes its {@code errorCode()} from.
     */
    void answer(HttpExchange exchange, AwsError error) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("x-amzn-RequestId", UUID.randomUUID().toString());
        headers.set("x-amzn-ErrorType", error.code());
        headers.set("x-amzn-query-error", error.queryCode() + ";" + error.fault());
        answerError(exchange, error);
    }

    private static ObjectNode typedError(AwsError error) {
        ObjectNode body = JSON.createObjectNode();
        body.put("__type", error.code());
        body.put("message", error.message());
        return body;
    }

    private static String restOperation(HttpExchange exchange) {
        return exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
    }
}
