package io.jenkins.plugins.awsdeploy.engine.canary;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.analysis.AnalysisRequest;
import io.jenkins.plugins.awsdeploy.engine.analysis.Verdict;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsSession;
import io.jenkins.plugins.awsdeploy.engine.testing.Moto;
import io.jenkins.plugins.awsdeploy.engine.testing.MotoAlb;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/**
 * The analysis end to end: the real SDK's GetMetricData (through the CloudWatch bridge) against moto, with the load
 * balancer's metrics put into moto minute by minute while the canary bakes. Time is virtual so that minutes pass at once.
 */
@ExtendWith(Moto.class)
class CanaryAnalysisOnMotoTest {

    static int count;

    /** Runs a canary 50% → 100% (bake 3m each) while putting one minute of metrics for each side as time passes. */
    static Ticker run(MotoAlb alb, long canaryErrors) {
        VirtualClock clock = new VirtualClock(Instant.parse("2026-11-21T12:00:00Z"));
        CanarySpec spec = new CanaryRequest().listenerArn(alb.listenerArn).stableTargetGroup(alb.blueTg)
                .canaryTargetGroup(alb.greenTg).steps(List.of(50, 100)).bake("3m").poll("30s").region(Moto.REGION)
                .analysis(new AnalysisRequest().errorRate(1.0).latencyRatio(1.5).delay("1m").minRequests(100)).toSpec();
        try (AwsSession session = new AwsSession(Moto.access())) {
            Ticker t = new Ticker(new Engine(session.ports(), clock), clock, CanaryCheckpoint.start(spec));
            Instant put = clock.instant();
            while (t.step()) {
                for (; !put.isAfter(clock.instant()); put = put.plusSeconds(60)) {
                    minute(alb, alb.blueTg, put, 1000, 5, 0.080);
                    minute(alb, alb.greenTg, put, 1000, canaryErrors, 0.085);
                }
            }
            return t;
        }
    }

    /** One minute of a target group, as ALB publishes it: counts as sums, the response time as a statistic set. */
    static void minute(MotoAlb alb, String targetGroupArn, Instant at, long requests, long errors, double seconds) {
        List<Dimension> dims = List.of(
                Dimension.builder().name("LoadBalancer").value(alb.listenerArn.split(":listener/")[1].replaceFirst("/[^/]+$", "")).build(),
                Dimension.builder().name("TargetGroup").value(targetGroupArn.split(":", 6)[5]).build());
        MetricDatum req = MetricDatum.builder().metricName("RequestCount").dimensions(dims).timestamp(at)
                .value((double) requests).unit(StandardUnit.COUNT).build();
        MetricDatum err = MetricDatum.builder().metricName("HTTPCode_Target_5XX_Count").dimensions(dims).timestamp(at)
                .value((double) errors).unit(StandardUnit.COUNT).build();
        MetricDatum time = MetricDatum.builder().metricName("TargetResponseTime").dimensions(dims).timestamp(at)
                .statisticValues(s -> s.sampleCount((double) requests).sum(seconds * requests).minimum(seconds).maximum(seconds))
                .unit(StandardUnit.SECONDS).build();
        alb.cloudWatch.putMetricData(r -> r.namespace("AWS/ApplicationELB")
                .metricData(errors > 0 ? List.of(req, err, time) : List.of(req, time)));
    }

    @Test
    void aCanaryWithMore5xxThanTheStableSideRollsBackWithExitCode3() {
        try (MotoAlb alb = MotoAlb.create("analysis" + ++count)) {
            Ticker t = run(alb, 150);
            Outcome outcome = t.checkpoint().outcome().orElseThrow();

            assertThat(outcome).isInstanceOf(Outcome.RolledBack.class);
            assertThat(outcome.exitCode()).isEqualTo(3);
            assertThat(outcome.message()).contains("5xx rate 15.0% on the new side vs 0.5% on the stable side over 12:00-12:01");
            assertThat(alb.listenerSplit()).isEqualTo(Split.ALL_STABLE);
        }
    }

    @Test
    void aCanaryAsGoodAsTheStableSidePasses() {
        try (MotoAlb alb = MotoAlb.create("analysis" + ++count)) {
            Ticker t = run(alb, 5);
            Outcome outcome = t.checkpoint().outcome().orElseThrow();

            assertThat(outcome).as(outcome.message()).isInstanceOf(Outcome.Succeeded.class);
            assertThat(alb.listenerSplit()).isEqualTo(new Split(0, 100));
            assertThat(t.events()).filteredOn(e -> e.kind() == EventKind.ANALYSED).isNotEmpty()
                    .allSatisfy(e -> {
                        assertThat(e.judgement().verdict()).isEqualTo(Verdict.PASS);
                        assertThat(e.judgement().canary().requests()).isEqualTo(1000);
                        assertThat(e.judgement().canary().latencyMs()).isCloseTo(85.0, org.assertj.core.data.Offset.offset(0.01));
                    });
        }
    }
}
