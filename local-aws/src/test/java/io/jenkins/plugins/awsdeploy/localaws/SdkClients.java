package io.jenkins.plugins.awsdeploy.localaws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;

/** Real SDK clients, configured as the project's code configures them, pointed at a local endpoint. */
final class SdkClients {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private SdkClients() {
    }

    static CloudWatchClient cloudWatch(URI endpoint, RetryStrategy retries) {
        return cloudWatch(endpoint, retries, configuration -> { });
    }

    static CloudWatchClient cloudWatch(URI endpoint, RetryStrategy retries, Consumer<ClientOverrideConfiguration.Builder> more) {
        ClientOverrideConfiguration.Builder configuration = configuration(retries).toBuilder();
        more.accept(configuration);
        return local(CloudWatchClient.builder(), endpoint, configuration.build());
    }

    static EcsClient ecs(URI endpoint, RetryStrategy retries) {
        return local(EcsClient.builder(), endpoint, configuration(retries));
    }

    static ElasticLoadBalancingV2Client elbv2(URI endpoint, RetryStrategy retries) {
        return local(ElasticLoadBalancingV2Client.builder(), endpoint, configuration(retries));
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C local(
            B builder, URI endpoint, ClientOverrideConfiguration configuration) {
        return builder
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(configuration)
                .build();
    }

    /** moto's 500s are bugs, and a retried create would leave a duplicate: off unless a test is about retries. */
    static RetryStrategy noRetries() {
        return AwsRetryStrategy.doNotRetry();
    }

    /**
     * The SDK's standard retry conditions (throttling, 5xx, I/O errors), with more attempts so that a high fault
     * rate cannot exhaust them, millisecond back-off so that the test stays fast, and no retry quota, which
     * would otherwise run out after some dozens of faults.
     */
    static RetryStrategy patientRetries() {
        BackoffStrategy quick = BackoffStrategy.exponentialDelay(Duration.ofMillis(2), Duration.ofMillis(20));
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(12)
                .backoffStrategy(quick)
                .throttlingBackoffStrategy(quick)
                .circuitBreakerEnabled(false)
                .build();
    }

    private static ClientOverrideConfiguration configuration(RetryStrategy retries) {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(retries)
                .apiCallAttemptTimeout(Duration.ofSeconds(10))
                .build();
    }
}
