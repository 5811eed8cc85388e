package io.jenkins.plugins.awsdeploy.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JudgeTest {

    static final Instant T = Instant.parse("2026-11-21T12:01:00Z");

    @Test
    void fewerThanTheMinimumRequestsOnEitherSideIsInconclusive() {
        Judge judge = new Judge(JudgeProperties.spec(1, 1.5), "5xx rate");
        Judgement j = judge.judge(T, T.plusSeconds(60), new Measurement(new SideFigures(1000, 0, 80.0),
                new SideFigures(49, 40, 900.0)), List.of());

        assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(j.reason()).isEqualTo("the new side had 49 requests, fewer than the 50 needed");
    }

    @Test
    void theErrorRateFailureNamesTheMetricBothValuesAndTheInterval() {
        Judge judge = new Judge(JudgeProperties.spec(1, 1.5), "5xx rate");
        Judgement j = judge.judge(T, T.plusSeconds(60), new Measurement(new SideFigures(1800, 9, 80.0),
                new SideFigures(200, 30, 80.0)), List.of());

        assertThat(j.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(j.reason()).startsWith("5xx rate 15.0% on the new side vs 0.5% on the stable side over 12:01-12:02");
    }

    @Test
    void aSlowerIntervalAloneFailsUntilTheBakeHasEnoughIntervalsThenMannWhitneyMustAgree() {
        Judge judge = new Judge(JudgeProperties.spec(1, 1.5), "5xx rate");
        List<Judgement> earlier = new ArrayList<>();
        // Four intervals where the new side was as fast: then one twice as slow.
        for (int i = 0; i < 4; i++) {
            earlier.add(judge.judge(T, T.plusSeconds(60), new Measurement(new SideFigures(500, 0, 100.0 + i),
                    new SideFigures(500, 0, 99.0 + i)), earlier));
        }
        Judgement slow = judge.judge(T, T.plusSeconds(60), new Measurement(new SideFigures(500, 0, 100.0),
                new SideFigures(500, 0, 200.0)), earlier);
        assertThat(slow.verdict()).as("one slow interval among five is no evidence over the bake").isEqualTo(Verdict.PASS);

        Judgement early = judge.judge(T, T.plusSeconds(60), new Measurement(new SideFigures(500, 0, 100.0),
                new SideFigures(500, 0, 200.0)), List.of());
        assertThat(early.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(early.reason()).contains("latency 200 ms on the new side vs 100 ms", "2.00x, limit 1.50x");
    }

    @Test
    void intervalsLieOnTheGridAfterTheFirstShift() {
        assertThat(AnalysisState.from(Instant.parse("2026-11-21T12:00:30Z"), Duration.ofMinutes(1)).next())
                .isEqualTo(Instant.parse("2026-11-21T12:01:00Z"));
        assertThat(AnalysisState.from(Instant.parse("2026-11-21T12:00:00Z"), Duration.ofMinutes(5)).next())
                .isEqualTo(Instant.parse("2026-11-21T12:00:00Z"));
        assertThat(AnalysisState.from(Instant.parse("2026-11-21T12:00:00.5Z"), Duration.ofMinutes(1)).next())
                .isEqualTo(Instant.parse("2026-11-21T12:01:00Z"));
    }

    @Test
    void theLoadBalancerAndTargetGroupDimensionsComeFromTheArns() {
        AlbTargetGroups alb = AlbTargetGroups.of(
                "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee",
                "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-blue/73e2d6bc24d8a067",
                "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-green/2453ed029918f21f");

        // In AWS's order: moto matches a dimension set only in the order it was put.
        assertThat(alb.dimensions(false)).containsExactly(Map.entry("LoadBalancer", "app/web/50dc6c495c0c9188"),
                Map.entry("TargetGroup", "targetgroup/web-blue/73e2d6bc24d8a067"));
        assertThat(alb.queries()).hasSize(6).extracting(MetricQuery::id)
                .containsExactly("s_req", "s_err", "s_lat", "c_req", "c_err", "c_lat");
        // TargetResponseTime is in seconds.
        assertThat(alb.measure(Map.of("c_req", 10.0, "c_lat", 0.25)).canary()).isEqualTo(new SideFigures(10, 0, 250.0));
    }

    @Test
    void lambdaVersionsAreToldApartByTheExecutedVersionUnderTheAlias() {
        LambdaVersions lambda = new LambdaVersions("orders", "live", "7", "8");

        assertThat(lambda.queries()).extracting(MetricQuery::metric)
                .containsExactly("Invocations", "Errors", "Duration", "Invocations", "Errors", "Duration");
        assertThat(lambda.dimensions(true)).containsExactly(Map.entry("FunctionName", "orders"),
                Map.entry("Resource", "orders:live"), Map.entry("ExecutedVersion", "8"));
        assertThat(lambda.measure(Map.of("s_req", 100.0, "s_err", 2.0, "s_lat", 12.5)).stable())
                .isEqualTo(new SideFigures(100, 2, 12.5));
    }
}
