package io.jenkins.plugins.awsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An endpoint that denies every call, the way IAM does: the message names the denied action and resource as AWS
 * said them; an answer the SDK cannot parse (a proxy's page) is shown as it came.
 */
class AccessDeniedTest {

    private static final String LISTENER = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2";

    private HttpServer server;

    @BeforeAll
    static void credentials() {
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    private String answering(String contentType, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(403, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static CommandLineRun.Result canary(String endpoint) {
        return CommandLineRun.run("canary", "--listener-arn", LISTENER,
                "--stable-target-group", "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-blue/73e2d6bc24d8a067",
                "--canary-target-group", "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-green/2453ed029918f21f",
                "--steps", "100", "--bake", "0s", "--region", "us-east-1", "--endpoint-url", endpoint, "--call-timeout", "5s");
    }

    @Test
    void theDeniedActionAndResourceComeFirst() throws IOException {
        String endpoint = answering("text/xml", "<ErrorResponse xmlns=\"https://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\">"
                + "<Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:sts::123456789012:assumed-role/"
                + "jenkins-deployer/i-0123456789abcdef0 is not authorized to perform: elasticloadbalancing:DescribeListeners on"
                + " resource: " + LISTENER + " because no identity-based policy allows the elasticloadbalancing:DescribeListeners"
                + " action</Message></Error><RequestId>2b1f7a3e</RequestId></ErrorResponse>");

        CommandLineRun.Result result = canary(endpoint);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("--listener-arn: could not be read: access denied to "
                + "elasticloadbalancing:DescribeListeners on " + LISTENER + ": AccessDenied: User: ")
                .contains("because no identity-based policy allows");
    }

    @Test
    void anAnswerTheSdkCannotParseIsShownAsItCame() throws IOException {
        String endpoint = answering("text/html", "<html><body>403 Forbidden: blocked by the egress proxy</body></html>");

        CommandLineRun.Result result = canary(endpoint);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("blocked by the egress proxy");
    }
}
