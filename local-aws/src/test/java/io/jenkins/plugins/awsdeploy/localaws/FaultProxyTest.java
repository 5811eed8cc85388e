package io.jenkins.plugins.awsdeploy.localaws;

import io.jenkins.plugins.awsdeploy.localaws.FaultProxy.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Faults as the real SDK sees them: classified as AWS's own would be, and retried (or not) accordingly. */
class FaultProxyTest {

    private static LocalAws aws;
    private FaultProxy proxy;

    @BeforeAll
    static void startLocalAws() throws IOException {
        aws = LocalAws.start();
    }

    @AfterAll
    static void stopLocalAws() {
        aws.close();
    }

    @BeforeEach
    void forgetEverything() {
        aws.reset();
    }

    @AfterEach
    void stopProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void standardRetriesRideOutAHighFaultRate() throws IOException {
        proxy = FaultProxy.builder(aws.endpoint()).seed(7)
                .rate(Fault.THROTTLING, 0.15)
                .rate(Fault.INTERNAL_ERROR, 0.1)
                .rate(Fault.SERVICE_UNAVAILABLE, 0.1)
                .rate(Fault.DROP, 0.1)
                .start();
        try (CloudWatchClient cloudWatch = SdkClients.cloudWatch(proxy.endpoint(), SdkClients.patientRetries());
             ElasticLoadBalancingV2Client elbv2 = SdkClients.elbv2(proxy.endpoint(), SdkClients.patientRetries())) {
            for (int i = 0; i < 20; i++) {
                assertThat(cloudWatch.describeAlarms().metricAlarms()).isEmpty();
                assertThat(elbv2.describeLoadBalancers().loadBalancers()).isEmpty();
            }
        }

        // Each call reached moto exactly once: every fault was injected before forwarding.
        assertThat(proxy.passed()).isEqualTo(40);
        for (Fault fault : Set.of(Fault.THROTTLING, Fault.INTERNAL_ERROR, Fault.SERVICE_UNAVAILABLE, Fault.DROP)) {
            assertThat(proxy.injected(fault)).as("%s injected", fault).isPositive();
        }
        assertThat(proxy.injected(Fault.DROP_AFTER_FORWARD)).isZero();
        assertThat(proxy.injectedTotal()).isGreaterThan(10);
    }

    @Test
    void throttlingIsRecognisedInEveryProtocol() throws IOException {
        proxy = FaultProxy.builder(aws.endpoint()).rate(Fault.THROTTLING, 1).start();
        try (CloudWatchClient cloudWatch = SdkClients.cloudWatch(proxy.endpoint(), SdkClients.noRetries());
             ElasticLoadBalancingV2Client elbv2 = SdkClients.elbv2(proxy.endpoint(), SdkClients.noRetries());
             EcsClient ecs = SdkClients.ecs(proxy.endpoint(), SdkClients.noRetries())) {

            // awsQuery: the XML error's Code.
            assertThat(serviceError(() -> elbv2.describeLoadBalancers()))
                    .isInstanceOf(ElasticLoadBalancingV2Exception.class)
                    .satisfies(e -> assertThrottling(e, "Throttling"));
            // RPC v2 CBOR, awsQuery-compatible: x-amzn-query-error wins over the body's __type.
            assertThat(serviceError(() -> cloudWatch.describeAlarms()))
                    .isInstanceOf(CloudWatchException.class)
                    .satisfies(e -> assertThrottling(e, "Throttling"));
            // JSON 1.1: the __type (or x-amzn-ErrorType).
            assertThat(serviceError(() -> ecs.listClusters()))
                    .isInstanceOf(EcsException.class)
                    .satisfies(e -> assertThrottling(e, "ThrottlingException"));
        }
        assertThat(proxy.injected(Fault.THROTTLING)).isEqualTo(3);
        assertThat(proxy.passed()).isZero();
    }

    @Test
    void serverErrorsKeepTheirStatus() throws IOException {
        proxy = FaultProxy.builder(aws.endpoint()).start();
        try (CloudWatchClient cloudWatch = SdkClients.cloudWatch(proxy.endpoint(), SdkClients.noRetries());
             ElasticLoadBalancingV2Client elbv2 = SdkClients.elbv2(proxy.endpoint(), SdkClients.noRetries())) {
            proxy.injectNext(Fault.INTERNAL_ERROR, Fault.INTERNAL_ERROR, Fault.SERVICE_UNAVAILABLE, Fault.SERVICE_UNAVAILABLE);

            assertServerError(serviceError(() -> elbv2.describeLoadBalancers()), 500, "InternalFailure");
            assertServerError(serviceError(() -> cloudWatch.describeAlarms()), 500, "InternalFailure");
            assertServerError(serviceError(() -> elbv2.describeLoadBalancers()), 503, "ServiceUnavailable");
            assertServerError(serviceError(() -> cloudWatch.describeAlarms()), 503, "ServiceUnavailable");

            assertThat(elbv2.describeLoadBalancers().loadBalancers()).as("scripted faults are used up").isEmpty();
        }
        assertThat(counts()).containsEntry(Fault.INTERNAL_ERROR, 2L).containsEntry(Fault.SERVICE_UNAVAILABLE, 2L);
        assertThat(proxy.passed()).isEqualTo(1);
    }

    @Test
    void aDroppedConnectionIsAClientErrorThatOnlyTheSdkRetries() throws IOException {
        proxy = FaultProxy.builder(aws.endpoint()).start();
        try (CloudWatchClient cloudWatch = SdkClients.cloudWatch(proxy.endpoint(), SdkClients.noRetries());
             ElasticLoadBalancingV2Client elbv2 = SdkClients.elbv2(proxy.endpoint(), SdkClients.noRetries());
             ElasticLoadBalancingV2Client retrying = SdkClients.elbv2(proxy.endpoint(), SdkClients.patientRetries())) {
            proxy.injectNext(Fault.DROP, Fault.DROP);
            assertDropped(() -> elbv2.describeLoadBalancers());
            assertDropped(() -> cloudWatch.describeAlarms());
            // Counted once each: the HTTP client itself does not retry behind the SDK's back.
            assertThat(proxy.injected(Fault.DROP)).isEqualTo(2);

            proxy.injectNext(Fault.DROP, Fault.DROP);
            assertThat(retrying.describeLoadBalancers().loadBalancers()).isEmpty();
            assertThat(proxy.injected(Fault.DROP)).isEqualTo(4);
        }
    }

    @Test
    void noAnswerHoldsTheCallUntilTheClientGivesUpAndNeverReachesTheTarget() throws Exception {
        proxy = FaultProxy.builder(aws.endpoint()).start();
        proxy.injectNext(Fault.NO_ANSWER);
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(proxy.endpoint().resolve("/?Action=DescribeLoadBalancers&Version=2015-12-01"))
                .timeout(Duration.ofSeconds(1)).GET().build();

        assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(proxy.injected(Fault.NO_ANSWER)).isEqualTo(1);
        assertThat(proxy.passed()).isZero();
    }

    @Test
    void dropAfterForwardingLosesTheAnswerButNotTheEffect() throws IOException {
        proxy = FaultProxy.builder(aws.endpoint()).start();
        try (CloudWatchClient cloudWatch = SdkClients.cloudWatch(proxy.endpoint(), SdkClients.noRetries())) {
            proxy.injectNext(Fault.DROP_AFTER_FORWARD);

            assertDropped(() -> cloudWatch.putMetricAlarm(alarm("canary-5xx")));

            assertThat(cloudWatch.describeAlarms(b -> b.alarmNames("canary-5xx")).metricAlarms()).hasSize(1);
        }
        assertThat(proxy.injected(Fault.DROP_AFTER_FORWARD)).isEqualTo(1);
        assertThat(proxy.passed()).isEqualTo(1);
    }

    @Test
    void faultsCanBeLimitedToSomeOperations() throws IOException {
        proxy = FaultProxy.builder(aws.endpoint())
                .rate(Fault.THROTTLING, 1)
                .onlyFor(Set.of("PutMetricAlarm", "CreateTargetGroup")::contains)
                .start();
        try (CloudWatchClient cloudWatch = SdkClients.cloudWatch(proxy.endpoint(), SdkClients.noRetries());
             ElasticLoadBalancingV2Client elbv2 = SdkClients.elbv2(proxy.endpoint(), SdkClients.noRetries())) {
            assertThat(cloudWatch.describeAlarms().metricAlarms()).isEmpty();
            assertThat(elbv2.describeTargetGroups().targetGroups()).isEmpty();

            assertThat(serviceError(() -> cloudWatch.putMetricAlarm(alarm("a"))).isThrottlingException()).isTrue();
            assertThat(serviceError(() -> elbv2.createTargetGroup(b -> b.name("g").targetType(TargetTypeEnum.LAMBDA)))
                    .isThrottlingException()).isTrue();

            proxy.setRate(Fault.THROTTLING, 0);
            cloudWatch.putMetricAlarm(alarm("a"));
        }
        assertThat(proxy.injected(Fault.THROTTLING)).isEqualTo(2);
        assertThat(proxy.passed()).isEqualTo(3);
    }

    @Test
    void theSameSeedInjectsTheSameFaults() throws IOException {
        assertThat(faultsOfTenCalls(11)).isEqualTo(faultsOfTenCalls(11));
    }

    @Test
    void probabilitiesMustMakeSense() {
        FaultProxy.Builder builder = FaultProxy.builder(aws.endpoint()).rate(Fault.THROTTLING, 0.7);

        assertThatThrownBy(() -> builder.rate(Fault.DROP, 0.4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 1");
        assertThatThrownBy(() -> builder.rate(Fault.DROP, -0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.rate(Fault.DROP, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    private Map<Fault, Long> faultsOfTenCalls(long seed) throws IOException {
        try (FaultProxy seeded = FaultProxy.builder(aws.endpoint()).seed(seed)
                .rate(Fault.THROTTLING, 0.2).rate(Fault.INTERNAL_ERROR, 0.2).rate(Fault.DROP, 0.2).start();
             CloudWatchClient cloudWatch = SdkClients.cloudWatch(seeded.endpoint(), SdkClients.patientRetries())) {
            for (int i = 0; i < 10; i++) {
                cloudWatch.describeAlarms();
            }
            return Stream.of(Fault.values()).collect(Collectors.toMap(Function.identity(), seeded::injected));
        }
    }

    private Map<Fault, Long> counts() {
        return Stream.of(Fault.values()).collect(Collectors.toMap(Function.identity(), proxy::injected));
    }

    private static AwsServiceException serviceError(Runnable call) {
        try {
            call.run();
        } catch (AwsServiceException e) {
            return e;
        }
        throw new AssertionError("expected an AWS service error");
    }

    private static void assertThrottling(Throwable error, String code) {
        AwsServiceException e = (AwsServiceException) error;
        assertThat(e.isThrottlingException()).isTrue();
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
        assertThat(e.retryable()).isFalse();
    }

    private static void assertServerError(AwsServiceException e, int status, String code) {
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.isThrottlingException()).isFalse();
    }

    private static void assertDropped(Runnable call) {
        assertThatThrownBy(call::run)
                .isInstanceOf(SdkClientException.class)
                .isNotInstanceOf(AwsServiceException.class)
                .hasMessageContaining("failed to respond")
                .hasRootCauseInstanceOf(IOException.class);
    }

    private static PutMetricAlarmRequest alarm(String name) {
        return PutMetricAlarmRequest.builder().alarmName(name).namespace("AWS/ApplicationELB")
                .metricName("HTTPCode_Target_5XX_Count").statistic(Statistic.SUM).period(60).evaluationPeriods(1)
                .threshold(5.0).comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD).build();
    }
}
