package io.jenkins.plugins.awsdeploy.engine.aws;

import java.time.Duration;
import io.jenkins.plugins.awsdeploy.engine.ownership.AsgLeases;
import io.jenkins.plugins.awsdeploy.engine.ownership.EcsLeases;
import io.jenkins.plugins.awsdeploy.engine.ownership.ElbLeases;
import io.jenkins.plugins.awsdeploy.engine.ownership.LambdaLeases;
import io.jenkins.plugins.awsdeploy.engine.ownership.LeasesByService;
import io.jenkins.plugins.awsdeploy.engine.ownership.Route53Leases;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClientBuilder;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The SDK clients of one deployment, built the same way in the CLI and on a Jenkins agent: one explicit
 * Apache HTTP client (no service discovery through remote class loading), the standard retry strategy
 * with backoff and jitter for throttling, 5xx and dropped connections, and bounded call times
 * ({@link AwsAccess#callTimeout()}) so a dead connection cannot hang a tick.
 */
public final class AwsSession implements AutoCloseable {

    /** Attempts per call, the first included. Every call the engine makes is idempotent or guarded. */
    static final int MAX_ATTEMPTS = 6;

    private final SdkHttpClient http;
    private final StsClient sts;
    private final AwsCredentialsProvider credentials;
    private final ElasticLoadBalancingV2Client elb;
    private final CloudWatchClient cloudWatch;
    private final EcsClient ecs;
    private final LambdaClient lambda;
    private final Route53Client route53;
    private final AutoScalingClient autoScaling;
    private final Ec2Client ec2;
    private final AwsPorts ports;

    public AwsSession(AwsAccess access) {
        this(access, standardRetry());
    }

    /** With a retry strategy of the caller's, e.g. none, for tests that must see the first failure. */
    public AwsSession(AwsAccess access, RetryStrategy retry) {
        http = http(access.callTimeout()).build();
        ClientOverrideConfiguration override = override(access.callTimeout(), retry);
        AwsCredentialsProvider base = access.credentials() == null
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(sdkCredentials(access.credentials()));
        if (access.roleArn() != null && !access.roleArn().isBlank()) {
            sts = configure(StsClient.builder(), access, base, override).build();
            credentials = StsAssumeRoleCredentialsProvider.builder()
                    .stsClient(sts)
                    .refreshRequest(r -> {
                        r.roleArn(access.roleArn()).roleSessionName("aws-deployment-strategies");
                        if (access.externalId() != null && !access.externalId().isBlank()) r.externalId(access.externalId());
                    })
                    .build();
        } else {
            sts = null;
            credentials = base;
        }
        elb = configure(ElasticLoadBalancingV2Client.builder(), access, credentials, override).build();
        CloudWatchClientBuilder cw = configure(CloudWatchClient.builder(), access, credentials, override);
        if (access.cloudWatchEndpoint() != null) cw.endpointOverride(access.cloudWatchEndpoint());
        cloudWatch = cw.build();
        ecs = configure(EcsClient.builder(), access, credentials, override).build();
        // Route 53 is global: its one endpoint answers for the partition's global region, whatever region the rest uses.
        route53 = configure(Route53Client.builder(), access, credentials, override).region(globalRegion(access.region())).build();
        lambda = configure(LambdaClient.builder(), access, credentials, override).build();
        autoScaling = configure(AutoScalingClient.builder(), access, credentials, override).build();
        ec2 = configure(Ec2Client.builder(), access, credentials, override).build();
        ports = new AwsPorts(new ElbTraffic(elb), new CloudWatchAlarms(cloudWatch), new EcsServices(ecs),
                new LeasesByService(new ElbLeases(elb), new EcsLeases(ecs), new Route53Leases(route53), new LambdaLeases(lambda),
                        new AsgLeases(autoScaling)),
                new Route53RecordSets(route53), new LambdaAliases(lambda), new Ec2AutoScaling(autoScaling, ec2, elb),
                new CloudWatchMetrics(cloudWatch));
    }

    /**
     * An STS client set up like the clients of a session (region, endpoint, timeouts, retries) that calls with
     * {@code credentials}: the Jenkins controller issues session credentials with it. It owns its HTTP client; close it.
     */
    public static StsClient sts(AwsAccess access, AwsCredentialsProvider credentials) {
        StsClientBuilder builder = StsClient.builder().region(Region.of(access.region())).credentialsProvider(credentials)
                .overrideConfiguration(override(access.callTimeout(), standardRetry()))
                .httpClientBuilder(http(access.callTimeout()));
        if (access.endpoint() != null) builder.endpointOverride(access.endpoint());
        return builder.build();
    }

    private static RetryStrategy standardRetry() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(MAX_ATTEMPTS)
                // The token bucket would stop retrying during exactly the bursts of throttling we must ride out.
                .circuitBreakerEnabled(false)
                .build();
    }

    /**
     * The Apache client, not the newer Apache 5 one the SDK now recommends: inside Jenkins the SDK comes from the
     * aws-java-sdk2 API plugins, whose line has only this one.
     */
    @SuppressWarnings("deprecation")
    private static ApacheHttpClient.Builder http(Duration callTimeout) {
        return ApacheHttpClient.builder()
                .connectionTimeout(min(Duration.ofSeconds(5), callTimeout))
                .socketTimeout(callTimeout)
                .maxConnections(16);
    }

    /**
     * One bound for the whole call, retries included: a preflight against an endpoint that never answers must end in
     * about a minute, not after several full rounds of retries. So an attempt that hangs is not retried within the
     * call (the engine's next tick is the retry); a shorter attempt bound would instead cut off calls that are slow
     * but answering (a large DescribeAlarms on a throttled account) and repeat writes.
     */
    private static ClientOverrideConfiguration override(Duration callTimeout, RetryStrategy retry) {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(retry)
                .apiCallAttemptTimeout(callTimeout)
                .apiCallTimeout(callTimeout)
                .addExecutionInterceptor(new UnansweredCalls(callTimeout))
                .build();
    }

    private <B extends AwsClientBuilder<B, ?> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>> B configure(
            B builder, AwsAccess access, AwsCredentialsProvider creds, ClientOverrideConfiguration override) {
        builder.region(Region.of(access.region())).credentialsProvider(creds).overrideConfiguration(override).httpClient(http);
        if (access.endpoint() != null) builder.endpointOverride(access.endpoint());
        return builder;
    }

    /** The global region of the region's partition, where Route 53 signs and answers. */
    static Region globalRegion(String region) {
        return switch (AwsArn.partitionOf(region)) {
            case "aws-cn" -> Region.AWS_CN_GLOBAL;
            case "aws-us-gov" -> Region.AWS_US_GOV_GLOBAL;
            default -> Region.AWS_GLOBAL;
        };
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static software.amazon.awssdk.auth.credentials.AwsCredentials sdkCredentials(SessionCredentials c) {
        return c.sessionToken() == null
                ? software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())
                : AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
    }

    public AwsPorts ports() {
        return ports;
    }

    @Override
    public void close() {
        elb.close();
        cloudWatch.close();
        ecs.close();
        autoScaling.close();
        ec2.close();
        route53.close();
        lambda.close();
        if (credentials instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing a credentials cache cannot fail in a way that matters here
            }
        }
        if (sts != null) sts.close();
        http.close();
    }
}
