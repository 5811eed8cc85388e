package io.jenkins.plugins.awsdeploy.localaws;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The current SDK's CloudWatch client (RPC v2 CBOR) and other services' clients against moto through the bridge. */
class CloudWatchBridgeTest {

    private static LocalAws aws;
    private static CloudWatchClient cloudWatch;
    private static ElasticLoadBalancingV2Client elbv2;

    @BeforeAll
    static void startLocalAws() throws Exception {
        aws = LocalAws.start();
        cloudWatch = SdkClients.cloudWatch(aws.endpoint(), SdkClients.noRetries());
        elbv2 = SdkClients.elbv2(aws.endpoint(), SdkClients.noRetries());
    }

    @AfterAll
    static void stopLocalAws() {
        cloudWatch.close();
        elbv2.close();
        aws.close();
    }

    @BeforeEach
    void forgetEverything() {
        aws.reset();
    }

    @Test
    void alarmLifecycleRoundTripsThroughCbor() {
        cloudWatch.putMetricAlarm(canaryAlarm("canary-5xx"));

        MetricAlarm created = onlyAlarm("canary-5xx");
        assertThat(created.stateValue()).isEqualTo(StateValue.OK);
        assertThat(created.threshold()).isEqualTo(5.0);
        assertThat(created.comparisonOperator()).isEqualTo(ComparisonOperator.GREATER_THAN_THRESHOLD);
        assertThat(created.dimensions()).containsExactly(Dimension.builder().name("TargetGroup").value("targetgroup/green/1").build());
        // A CBOR timestamp coming back as a plain JSON number must still be read as epoch seconds, not millis.
        assertThat(created.stateUpdatedTimestamp()).isCloseTo(Instant.now(), within60s());

        cloudWatch.setAlarmState(b -> b.alarmName("canary-5xx").stateValue(StateValue.ALARM).stateReason("5xx above 5 on green"));

        MetricAlarm fired = onlyAlarm("canary-5xx");
        assertThat(fired.stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(fired.stateReason()).isEqualTo("5xx above 5 on green");

        cloudWatch.deleteAlarms(b -> b.alarmNames("canary-5xx"));

        assertThat(cloudWatch.describeAlarms(b -> b.alarmNames("canary-5xx")).metricAlarms()).isEmpty();
    }

    @Test
    void modeledErrorBecomesItsExceptionWithTheQueryErrorCode() {
        assertThatThrownBy(() -> cloudWatch.putMetricAlarm(canaryAlarm("bad").toBuilder()
                        .statistic((Statistic) null).extendedStatistic("median").build()))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("median");
                });
    }

    @Test
    void setAlarmStateOnAMissingAlarmIsAPlain404() {
        // moto names the error by its awsQuery code, which the SDK does not map to ResourceNotFoundException.
        assertThatThrownBy(() -> cloudWatch.setAlarmState(b -> b.alarmName("missing").stateValue(StateValue.ALARM).stateReason("x")))
                .isExactlyInstanceOf(CloudWatchException.class)
                .satisfies(e -> {
                    CloudWatchException error = (CloudWatchException) e;
                    assertThat(error.statusCode()).isEqualTo(404);
                    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound");
                    assertThat(error.isThrottlingException()).isFalse();
                });
    }

    @Test
    void gzipCompressedMetricDataIsDecompressed() {
        Map<String, String> sentEncoding = new ConcurrentHashMap<>();
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                context.httpRequest().firstMatchingHeader("Content-Encoding").ifPresent(value -> sentEncoding.put("encoding", value));
            }
        };
        Instant minuteAgo = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
        List<MetricDatum> data = IntStream.range(0, 20)
                .mapToObj(i -> MetricDatum.builder().metricName("Latency").timestamp(minuteAgo).value(10.0 + i)
                        .unit(StandardUnit.MILLISECONDS).dimensions(Dimension.builder().name("Side").value("green").build()).build())
                .toList();

        // PutMetricData is marked for request compression: the SDK gzips bodies above a threshold, lowered here.
        try (CloudWatchClient compressing = SdkClients.cloudWatch(aws.endpoint(), SdkClients.noRetries(), configuration -> configuration
                .compressionConfiguration(c -> c.minimumCompressionThresholdInBytes(1))
                .addExecutionInterceptor(recorder))) {
            compressing.putMetricData(b -> b.namespace("Demo/App").metricData(data));
        }

        assertThat(sentEncoding).containsEntry("encoding", "gzip");
        List<Datapoint> points = cloudWatch.getMetricStatistics(b -> b.namespace("Demo/App").metricName("Latency")
                .dimensions(Dimension.builder().name("Side").value("green").build())
                .startTime(minuteAgo.minus(5, ChronoUnit.MINUTES)).endTime(Instant.now().plusSeconds(60))
                .period(60).statistics(Statistic.SUM, Statistic.SAMPLE_COUNT)).datapoints();
        assertThat(points).singleElement().satisfies(point -> {
            assertThat(point.sampleCount()).isEqualTo(20.0);
            assertThat(point.sum()).isEqualTo(IntStream.range(0, 20).mapToDouble(i -> 10.0 + i).sum());
            assertThat(point.timestamp()).isEqualTo(minuteAgo);
        });
    }

    @Test
    void queryProtocolCallsPassThroughUnchanged() {
        TargetGroup created = elbv2.createTargetGroup(b -> b.name("green").targetType(TargetTypeEnum.LAMBDA))
                .targetGroups().get(0);

        assertThat(elbv2.describeTargetGroups(b -> b.names("green")).targetGroups())
                .extracting(TargetGroup::targetGroupArn).containsExactly(created.targetGroupArn());
        assertThatThrownBy(() -> elbv2.describeTargetGroups(b -> b.names("blue")))
                .isInstanceOfSatisfying(TargetGroupNotFoundException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TargetGroupNotFound"));
    }

    @Test
    void jsonProtocolCallsPassThroughUnchanged() {
        try (EcsClient ecs = SdkClients.ecs(aws.endpoint(), SdkClients.noRetries())) {
            ecs.createCluster(b -> b.clusterName("demo"));

            assertThat(ecs.listClusters().clusterArns()).singleElement().asString().endsWith(":cluster/demo");
        }
    }

    @Test
    void headAndBodilessRequestsPassThrough() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> head = http.send(HttpRequest.newBuilder(aws.endpoint().resolve("/moto-api/"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<String> viaBridge = http.send(HttpRequest.newBuilder(aws.endpoint().resolve("/moto-api/data.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> direct = http.send(HttpRequest.newBuilder(aws.moto().endpoint().resolve("/moto-api/data.json")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(viaBridge.statusCode()).isEqualTo(direct.statusCode()).isEqualTo(200);
        assertThat(viaBridge.headers().firstValue("Content-Type")).isEqualTo(direct.headers().firstValue("Content-Type"));
        assertThat(viaBridge.body()).isEqualTo(direct.body());
    }

    private static PutMetricAlarmRequest canaryAlarm(String name) {
        return PutMetricAlarmRequest.builder()
                .alarmName(name)
                .namespace("AWS/ApplicationELB")
                .metricName("HTTPCode_Target_5XX_Count")
                .dimensions(Dimension.builder().name("TargetGroup").value("targetgroup/green/1").build())
                .statistic(Statistic.SUM)
                .period(60)
                .evaluationPeriods(1)
                .threshold(5.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .build();
    }

    private static MetricAlarm onlyAlarm(String name) {
        List<MetricAlarm> alarms = cloudWatch.describeAlarms(b -> b.alarmNames(name)).metricAlarms();
        assertThat(alarms).hasSize(1);
        return alarms.get(0);
    }

    private static org.assertj.core.data.TemporalUnitOffset within60s() {
        return org.assertj.core.api.Assertions.within(60, ChronoUnit.SECONDS);
    }
}
