package io.jenkins.plugins.awsdeploy.engine.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * A Lambda function in moto as a canary on an alias needs it: its execution role in IAM (moto refuses a function
 * whose role does not exist), published versions 1 to {@code versions} (each from different code, since moto
 * returns the existing version for unchanged code), and alias "live" on version 1. Docker is switched off first:
 * moto would otherwise try to run the functions, and flipping it later hides the functions made before.
 */
public final class MotoLambda implements AutoCloseable {

    public static final String ALIAS = "live";

    public final String function;
    public final String functionArn;
    public final String role;
    public final LambdaClient lambda;
    private final SdkHttpClient http = ApacheHttpClient.builder().build();

    private MotoLambda(URI endpoint, String name, int versions) {
        role = "arn:aws:iam::123456789012:role/" + name + "-runs";
        noDocker(endpoint);
        createRole(endpoint, name + "-runs");
        lambda = LambdaClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).httpClient(http)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
        function = name;
        functionArn = lambda.createFunction(r -> r.functionName(name).runtime(Runtime.PYTHON3_12).role(role)
                .handler("index.handler").code(c -> c.zipFile(code(0)))).functionArn();
        for (int v = 1; v <= versions; v++) publish(v);
        lambda.createAlias(r -> r.functionName(name).name(ALIAS).functionVersion("1"));
    }

    /** Function {@code name} with versions 1 and 2 and alias live on 1. */
    public static MotoLambda create(String name) {
        return new MotoLambda(Moto.endpoint(), name, 2);
    }

    public static MotoLambda create(URI endpoint, String name, int versions) {
        return new MotoLambda(endpoint, name, versions);
    }

    /** Publishes the next version from new code; returns its number. */
    public String publish(int marker) {
        lambda.updateFunctionCode(r -> r.functionName(function).zipFile(code(marker)));
        return lambda.publishVersion(r -> r.functionName(function)).version();
    }

    public GetAliasResponse alias() {
        return lambda.getAlias(r -> r.functionName(function).name(ALIAS));
    }

    /** The alias's version and extra-version weights, which a refused deployment must leave exactly as they were. */
    public String aliasShape() {
        GetAliasResponse a = alias();
        Map<String, Double> weights = a.routingConfig() == null ? Map.of() : a.routingConfig().additionalVersionWeights();
        return a.functionVersion() + " " + weights;
    }

    public void setAlias(String version, Map<String, Double> weights) {
        lambda.updateAlias(r -> r.functionName(function).name(ALIAS).functionVersion(version)
                .routingConfig(c -> c.additionalVersionWeights(weights)));
    }

    public Map<String, String> tags() {
        return lambda.listTags(r -> r.resource(functionArn)).tags();
    }

    private static SdkBytes code(int marker) {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("index.py"));
            out.write(("def handler(event, context):\n    return " + marker + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SdkBytes.fromByteArray(zip.toByteArray());
    }

    private static void noDocker(URI endpoint) {
        post(endpoint.resolve("/moto-api/config"), "application/json", "{\"lambda\":{\"use_docker\":false}}", null);
    }

    /** IAM has no client among the engine's dependencies; its query API is one form post (moto reads only the scope). */
    private static void createRole(URI endpoint, String name) {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
        String body = "Action=CreateRole&Version=2010-05-08&RoleName=" + name + "&AssumeRolePolicyDocument="
                + URLEncoder.encode(trust, StandardCharsets.UTF_8);
        post(endpoint.resolve("/"), "application/x-www-form-urlencoded", body,
                "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0");
    }

    private static void post(URI uri, String type, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) request.header("Authorization", authorization);
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 300 && !answer.body().contains("EntityAlreadyExists")) {
                throw new IllegalStateException(uri + " answered " + answer.statusCode() + ": " + answer.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        lambda.close();
        http.close();
    }
}
