package io.jenkins.plugins.awsdeploy.engine.canary;

import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.BLUE_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.GREEN_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.LISTENER;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.Cause;
import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.JsonCodec;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.analysis.AnalysisRequest;
import io.jenkins.plugins.awsdeploy.engine.analysis.Judgement;
import io.jenkins.plugins.awsdeploy.engine.analysis.MetricQuery;
import io.jenkins.plugins.awsdeploy.engine.analysis.Verdict;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAws;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualClock;
import io.jenkins.plugins.awsdeploy.engine.timeline.TimelineChart;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The canary analysis over time, with the in-memory CloudWatch and a virtual clock. */
class CanaryAnalysisTest {

    static final String LB = "app/web/50dc6c495c0c9188";
    static final String BLUE = "targetgroup/web-blue/73e2d6bc24d8a067";
    static final String GREEN = "targetgroup/web-green/2453ed029918f21f";
    static final Instant START = Instant.parse("2026-11-21T12:00:00Z");

    final FakeAws aws = FakeAws.standard();
    final VirtualClock clock = new VirtualClock(START);

    Ticker canary(UnaryOperator<AnalysisRequest> analysis) {
        CanarySpec spec = CanaryRequestTest.valid().bake("5m").poll("5s")
                .analysis(analysis.apply(new AnalysisRequest().errorRate(1.0).latencyRatio(1.5))).toSpec();
        return new Ticker(new Engine(aws.ports(), clock), clock, CanaryCheckpoint.start(spec));
    }

    /** Each minute from {@code from} for {@code minutes}: these figures on the stable and on the new side. */
    void minutes(Instant from, int minutes, long sReq, long sErr, double sMs, long cReq, long cErr, double cMs) {
        for (int i = 0; i < minutes; i++) {
            Instant m = from.plusSeconds(60L * i);
            aws.metrics().albMinute(LB, BLUE, m, sReq, sErr, sMs);
            aws.metrics().albMinute(LB, GREEN, m, cReq, cErr, cMs);
        }
    }

    Split live() {
        return aws.weights(LISTENER).asSplit(BLUE_TG, GREEN_TG).orElseThrow();
    }

    static Outcome outcome(Ticker t) {
        return t.checkpoint().outcome().orElseThrow();
    }

    static List<Judgement> judged(Ticker t) {
        return t.events().stream().filter(e -> e.kind() == EventKind.ANALYSED).map(DeploymentEvent::judgement).toList();
    }

    @Test
    void aCanaryWithMoreErrorsRollsBackNamingTheMetricAndBothValues() {
        minutes(START, 60, 1800, 9, 80, 200, 30, 80);
        Ticker t = canary(a -> a).runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.RolledBack.class);
        assertThat(outcome(t).exitCode()).isEqualTo(3);
        assertThat(outcome(t).message())
                .contains("5xx rate 15.0% on the new side vs 0.5% on the stable side over 12:00-12:01", "100/0");
        assertThat(live()).isEqualTo(Split.ALL_STABLE);
        assertThat(((Outcome.RolledBack) outcome(t)).cause())
                .isEqualTo(new Cause.AnalysisFailed("5xx rate", outcome(t).message().substring(0, outcome(t).message().indexOf("; all traffic"))));
        // Judged once the interval's end was 2m old, not before.
        DeploymentEvent first = t.events().stream().filter(e -> e.kind() == EventKind.ANALYSED).findFirst().orElseThrow();
        assertThat(first.at()).isEqualTo(Instant.parse("2026-11-21T12:03:00Z"));
        assertThat(first.message()).contains("analysis 12:00-12:01: fail", "15.0% (30 of 200)", "0.5% (9 of 1800)");
        assertThat(t.events().get(0).message()).contains("canary analysis: 5xx rate at most 1.0 points above the stable"
                + " side's and latency at most 1.50x the stable side's, judged per 1m once 2m old");
        assertThat(t.events()).filteredOn(e -> e.kind() == EventKind.SHIFTED).first().extracting(DeploymentEvent::next)
                .isEqualTo("bake 5m watching 1 alarm(s) and the canary analysis, then step to 50%");
    }

    @Test
    void anEqualCanaryPassesEveryStepWithOneCallPerInterval() {
        minutes(START, 60, 900, 5, 80, 900, 5, 82);
        Ticker t = canary(a -> a).runToEnd();

        assertThat(outcome(t)).as(outcome(t).message()).isInstanceOf(Outcome.Succeeded.class);
        assertThat(outcome(t).message()).contains("canary analysis:", "passed");
        assertThat(live()).isEqualTo(new Split(0, 100));
        List<Judgement> judged = judged(t);
        assertThat(judged).allMatch(j -> j.verdict() == Verdict.PASS);
        // Every interval from the first shift until all traffic moved, each once, with one call of six queries.
        assertThat(judged).extracting(Judgement::start).doesNotHaveDuplicates();
        assertThat(judged.get(0).start()).isEqualTo(START);
        assertThat(aws.metrics().calls()).isEqualTo(judged.size());
        assertThat(aws.metrics().lastCall()).extracting(MetricQuery::metric)
                .containsExactly("RequestCount", "HTTPCode_Target_5XX_Count", "TargetResponseTime", "RequestCount",
                        "HTTPCode_Target_5XX_Count", "TargetResponseTime");
        Instant allNew = t.events().stream().filter(e -> e.kind() == EventKind.SHIFTED && e.weights().canary() == 100)
                .findFirst().orElseThrow().at();
        assertThat(judged.get(judged.size() - 1).end()).isAfterOrEqualTo(allNew);
        assertThat(judged).allMatch(j -> j.start().isBefore(allNew));
    }

    @Test
    void aSlowerCanaryRollsBackOnLatency() {
        minutes(START, 60, 900, 5, 80, 900, 5, 400);
        Ticker t = canary(a -> a).runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.RolledBack.class);
        assertThat(outcome(t).message()).contains("latency 400 ms on the new side vs 80 ms on the stable side", "5.00x",
                "limit 1.50x");
        assertThat(((Outcome.RolledBack) outcome(t)).cause()).extracting(c -> ((Cause.AnalysisFailed) c).metric())
                .isEqualTo("latency");
    }

    @Test
    void aDifferenceBelowThePointsOrNotSignificantDoesNotFail() {
        // 2 errors in 60 requests (3.3%) against 0 of 60: 3.3 points, but 60 requests cannot show it is more than luck.
        minutes(START, 60, 60, 0, 80, 60, 2, 80);
        Ticker t = canary(a -> a).runToEnd();

        assertThat(outcome(t)).as(outcome(t).message()).isInstanceOf(Outcome.Succeeded.class);
    }

    @Test
    void tooFewRequestsAreInconclusiveAndTheStepWaitsThenRollsBack() {
        minutes(START, 60, 900, 0, 80, 20, 0, 80);
        Ticker t = canary(a -> a.timeout("10m")).runToEnd();

        assertThat(judged(t)).allMatch(j -> j.verdict() == Verdict.INCONCLUSIVE);
        assertThat(outcome(t)).isInstanceOf(Outcome.RolledBack.class);
        assertThat(outcome(t).message()).contains("canary analysis inconclusive", "within 10m after the bake");
        assertThat(((Outcome.RolledBack) outcome(t)).cause()).extracting(c -> ((Cause.AnalysisFailed) c).metric())
                .isEqualTo("inconclusive");
        // The first step's bake ended at 12:05; it waited 10 minutes more for an interval that passes.
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-21T12:15:00Z"));
        assertThat(t.events()).filteredOn(e -> e.kind() == EventKind.INFO && e.message().startsWith("bake over"))
                .hasSize(1);
        assertThat(live()).isEqualTo(Split.ALL_STABLE);
    }

    @Test
    void missingDataWithAllowInconclusiveGoesOnWithAWarning() {
        Ticker t = canary(a -> a.allowInconclusive(true)).runToEnd();

        assertThat(outcome(t)).as(outcome(t).message()).isInstanceOf(Outcome.Succeeded.class);
        assertThat(t.events()).filteredOn(e -> e.kind() == EventKind.INFO && e.message().startsWith("warning: canary analysis inconclusive"))
                .hasSize(2);
    }

    @Test
    void aStepWaitsPastItsBakeForTheDelayedMetricsThenGoesOn() {
        minutes(START, 60, 900, 5, 80, 900, 5, 80);
        Ticker t = canary(a -> a.delay("4m"));
        t.runUntil(x -> live().equals(new Split(50, 50)), 1000);

        // Bake 12:00-12:05; the first interval (12:00-12:01) can be judged at 12:05 with a 4m delay, so the step
        // needed no wait; the second step began when the first step's interval had passed.
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-21T12:05:00Z"));
        t.runToEnd();
        assertThat(outcome(t)).isInstanceOf(Outcome.Succeeded.class);
    }

    @Test
    void failuresBelowTheLimitInARowDoNotRollBack() {
        minutes(START, 2, 900, 5, 80, 900, 90, 80);
        minutes(START.plusSeconds(120), 60, 900, 5, 80, 900, 5, 80);
        Ticker t = canary(a -> a.failureLimit(3)).runToEnd();

        assertThat(outcome(t)).as(outcome(t).message()).isInstanceOf(Outcome.Succeeded.class);
        assertThat(judged(t)).extracting(Judgement::verdict).startsWith(Verdict.FAIL, Verdict.FAIL, Verdict.PASS);
        assertThat(t.events()).filteredOn(e -> e.kind() == EventKind.ANALYSED).first()
                .extracting(DeploymentEvent::next).isEqualTo("2 more failed interval(s) in a row roll back");
    }

    @Test
    void failuresUpToTheLimitInARowRollBack() {
        minutes(START, 3, 900, 5, 80, 900, 90, 80);
        minutes(START.plusSeconds(180), 60, 900, 5, 80, 900, 5, 80);
        Ticker t = canary(a -> a.failureLimit(3)).runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.RolledBack.class);
        assertThat(outcome(t).message()).contains("over 12:02-12:03", "(3 failed intervals in a row)");
    }

    @Test
    void metricsThatCannotBeReadFailTheirInterval() {
        minutes(START, 60, 900, 5, 80, 900, 5, 80);
        aws.metrics().failNextReads(1);
        Ticker t = canary(a -> a).runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.RolledBack.class);
        assertThat(outcome(t).message()).contains("the metrics over 12:00-12:01 could not be read", "Rate exceeded");
        assertThat(t.events()).filteredOn(e -> e.kind() == EventKind.ANALYSED).first().extracting(DeploymentEvent::message)
                .asString().startsWith("analysis 12:00-12:01: fail: the metrics over 12:00-12:01 could not be read");
        assertThat(live()).isEqualTo(Split.ALL_STABLE);
    }

    @Test
    void aRestartedCanaryNeitherJudgesAnIntervalTwiceNorSkipsOne() {
        minutes(START, 60, 900, 5, 80, 900, 5, 80);
        Ticker t = canary(a -> a);
        t.runUntil(x -> judged(x).size() == 3, 10_000);
        t.restartFromStore();
        t.runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.Succeeded.class);
        List<Instant> starts = judged(t).stream().map(Judgement::start).toList();
        assertThat(starts).doesNotHaveDuplicates();
        for (int i = 1; i < starts.size(); i++) {
            assertThat(Duration.between(starts.get(i - 1), starts.get(i))).isEqualTo(Duration.ofMinutes(1));
        }
    }

    @Test
    void theCheckpointKeepsEveryJudgementAndOldCheckpointsWithoutOneStillLoad() {
        minutes(START, 60, 900, 5, 80, 900, 5, 80);
        Ticker t = canary(a -> a).runUntil(x -> judged(x).size() == 2, 10_000);
        CanaryCheckpoint cp = (CanaryCheckpoint) t.checkpoint();
        assertThat(cp.analysis().judgements()).hasSize(2);
        assertThat(cp.analysis().judgements().get(0).canary().requests()).isEqualTo(900);

        String json = JsonCodec.write(cp);
        String old = json.replaceFirst(",\"analysis\":\\{\"next\".*?\"judgements\":\\[.*?\\]\\}(?=[,}])", "");
        assertThat(old).doesNotContain("judgements");
        CanaryCheckpoint loaded = (CanaryCheckpoint) JsonCodec.readCheckpoint(old);
        assertThat(loaded.analysis()).isNull();
        assertThat(loaded.spec()).isEqualTo(cp.spec());
    }

    @Test
    void theJsonOfAJudgedEventCarriesTheNumbers() {
        minutes(START, 60, 1800, 9, 80, 200, 30, 80);
        Ticker t = canary(a -> a).runToEnd();
        DeploymentEvent e = t.events().stream().filter(x -> x.kind() == EventKind.ANALYSED).findFirst().orElseThrow();

        assertThat(JsonCodec.write(e)).contains("\"judgement\":{", "\"verdict\":\"FAIL\"", "\"requests\":200",
                "\"errors\":30", "\"requests\":1800");
    }

    @Test
    void theTimelineGainsALowerPanelWithBothErrorRatesPerInterval() {
        minutes(START, 2, 900, 5, 80, 900, 5, 80);
        minutes(START.plusSeconds(120), 60, 900, 5, 80, 900, 90, 80);
        Ticker t = canary(a -> a).runToEnd();
        String svg = TimelineChart.render("canary", t.events());
        String without = TimelineChart.render("canary", t.events().stream().filter(e -> e.judgement() == null).toList());

        assertThat(judged(t)).extracting(Judgement::verdict).containsExactly(Verdict.PASS, Verdict.PASS, Verdict.FAIL);
        assertThat(svg).contains("height=\"" + (TimelineChart.HEIGHT + 130) + "\"", "canary analysis: error rate per interval");
        // One pair of bars per interval; the failed interval's new-side bar is red.
        assertThat(svg.split("fill=\"#cf222e\" fill-opacity=\"1\"", -1)).hasSize(2);
        assertThat(without).contains("height=\"" + TimelineChart.HEIGHT + "\"").doesNotContain("canary analysis");
        assertThat(TimelineChart.render("canary", t.events())).isEqualTo(svg);
    }

    @Test
    void theProgressOfAStepWaitingForItsAnalysisSaysSo() {
        Ticker t = canary(a -> a.timeout("10m"));
        t.runUntil(x -> clock.instant().isAfter(Instant.parse("2026-11-21T12:06:00Z")), 10_000);
        var progress = CanaryProgress.of((CanaryCheckpoint) t.checkpoint(), clock.instant());

        assertThat(progress.doing()).isEqualTo("step 1/3 at 10% baked, waiting for the canary analysis");
        assertThat(progress.waitEnds()).isEqualTo(Instant.parse("2026-11-21T12:15:00Z"));
    }

    /** One minute of a Lambda version under the alias, as Lambda publishes it. */
    void lambdaMinute(String version, Instant minute, long invocations, long errors, double ms) {
        java.util.Map<String, String> dims = new java.util.LinkedHashMap<>();
        dims.put("FunctionName", "api");
        dims.put("Resource", "api:live");
        dims.put("ExecutedVersion", version);
        aws.metrics().put("AWS/Lambda", "Invocations", dims, minute, invocations, 1);
        aws.metrics().put("AWS/Lambda", "Errors", dims, minute, errors, 1);
        aws.metrics().put("AWS/Lambda", "Duration", dims, minute, ms * invocations, invocations);
    }

    @Test
    void aLambdaVersionWithMoreErrorsThanTheAliasVersionRollsBack() {
        for (int i = 0; i < 60; i++) {
            lambdaMinute("1", START.plusSeconds(60L * i), 2000, 4, 20);
            lambdaMinute("2", START.plusSeconds(60L * i), 300, 45, 21);
        }
        CanarySpec spec = LambdaAliasCanaryTest.onAlias().bake("5m")
                .analysis(new AnalysisRequest().errorRate(1.0).latencyRatio(1.5)).toSpec();
        Ticker t = new Ticker(new Engine(aws.ports(), clock), clock, CanaryCheckpoint.start(spec)).runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.RolledBack.class);
        assertThat(outcome(t).message()).contains("error rate 15.0% on the new side vs 0.2% on the stable side over 12:00-12:01");
        assertThat(aws.metrics().lastCall()).allSatisfy(q -> assertThat(q.dimensions()).containsKeys("FunctionName",
                "Resource", "ExecutedVersion"));
        assertThat(aws.lambda().alias("live").weights()).isEmpty();
    }

    @Test
    void route53RecordsCannotBeAnalysed() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.jenkins.plugins.awsdeploy.engine.InvalidInputException.class,
                () -> new CanaryRequest().hostedZoneId("Z0123456789ABCDEFGHIJ").recordName("api.example.com")
                        .stableSetIdentifier("blue").canarySetIdentifier("green").steps(List.of(10, 100)).bake("5m")
                        .region("us-east-1").analysis(new AnalysisRequest().errorRate(1.0)).toSpec());

        assertThat(e.getMessage()).contains("compareErrorRate", "cannot be analysed");
    }
}
