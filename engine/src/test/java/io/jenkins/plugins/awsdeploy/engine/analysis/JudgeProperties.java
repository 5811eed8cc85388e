package io.jenkins.plugins.awsdeploy.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** What the judge must do whatever the traffic: never fail an equal canary, always fail a clearly worse one. */
class JudgeProperties {

    static final Instant T = Instant.parse("2026-11-21T12:00:00Z");

    static AnalysisSpec spec(double points, double ratio) {
        return new AnalysisSpec(points, ratio, Duration.ofMinutes(1), Duration.ofMinutes(2), 50, 1, Duration.ofMinutes(10), false);
    }

    /** Drawn from one distribution: requests around {@code n}, each an error with probability {@code p}. */
    static SideFigures draw(Random random, int n, double p, double latencyMs) {
        int requests = n + random.nextInt(n / 10 + 1);
        long errors = 0;
        for (int i = 0; i < requests; i++) if (random.nextDouble() < p) errors++;
        return new SideFigures(requests, errors, latencyMs * (0.9 + 0.2 * random.nextDouble()));
    }

    @Property(tries = 200)
    void aCanaryNoWorseThanTheStableSideNeverFails(@ForAll @LongRange(min = 50, max = 1_000_000) long stableRequests,
                                                   @ForAll @LongRange(min = 50, max = 1_000_000) long canaryRequests,
                                                   @ForAll @DoubleRange(min = 0, max = 1) double stableRate,
                                                   @ForAll @DoubleRange(min = 0, max = 1) double share,
                                                   @ForAll @DoubleRange(min = 1, max = 5000) double stableMs,
                                                   @ForAll @DoubleRange(min = 0, max = 1) double latencyShare,
                                                   @ForAll @DoubleRange(min = 0, max = 10) double points,
                                                   @ForAll @DoubleRange(min = 1, max = 3) double ratio) {
        SideFigures stable = new SideFigures(stableRequests, Math.round(stableRequests * stableRate), stableMs);
        long canaryErrors = (long) Math.floor(canaryRequests * stable.errorRate() * share);
        SideFigures canary = new SideFigures(canaryRequests, canaryErrors, stableMs * latencyShare);
        Judge judge = new Judge(spec(points, ratio), "5xx rate");
        List<Judgement> earlier = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Judgement j = judge.judge(T.plusSeconds(60L * i), T.plusSeconds(60L * i + 60), new Measurement(stable, canary), earlier);
            assertThat(j.verdict()).as(j.reason()).isEqualTo(Verdict.PASS);
            earlier.add(j);
        }
    }

    @Property(tries = 60)
    void twoSidesDrawnFromTheSameDistributionNeverFail(@ForAll @IntRange(min = 10_000, max = 40_000) int requests,
                                                      @ForAll @DoubleRange(min = 0, max = 0.2) double errorRate,
                                                      @ForAll @DoubleRange(min = 5, max = 2000) double latencyMs,
                                                      @ForAll long seed) {
        Random random = new Random(seed);
        Judge judge = new Judge(spec(3.0, 1.5), "5xx rate");
        List<Judgement> earlier = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Measurement m = new Measurement(draw(random, requests, errorRate, latencyMs), draw(random, requests, errorRate, latencyMs));
            Judgement j = judge.judge(T.plusSeconds(60L * i), T.plusSeconds(60L * i + 60), m, earlier);
            assertThat(j.verdict()).as(j.reason()).isEqualTo(Verdict.PASS);
            earlier.add(j);
        }
    }

    @Property(tries = 100)
    void aClearlyWorseCanaryWithEnoughRequestsAlwaysFails(@ForAll @IntRange(min = 1000, max = 20_000) int requests,
                                                         @ForAll @DoubleRange(min = 0, max = 0.3) double stableRate,
                                                         @ForAll @DoubleRange(min = 0, max = 5) double points,
                                                         @ForAll long seed) {
        Random random = new Random(seed);
        double worse = stableRate + points / 100 + 0.08;
        Judge judge = new Judge(spec(points, 1.5), "5xx rate");
        Measurement m = new Measurement(draw(random, requests, stableRate, 100), draw(random, requests, worse, 100));
        Judgement j = judge.judge(T, T.plusSeconds(60), m, List.of());

        assertThat(j.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(j.reason()).startsWith("5xx rate ");
    }

    @Property(tries = 100)
    void aClearlySlowerCanaryFailsOnceTheBakeHasEnoughIntervals(@ForAll @DoubleRange(min = 5, max = 2000) double stableMs,
                                                               @ForAll @DoubleRange(min = 1, max = 3) double ratio,
                                                               @ForAll long seed) {
        Random random = new Random(seed);
        Judge judge = new Judge(spec(5, ratio), "5xx rate");
        List<Judgement> earlier = new ArrayList<>();
        for (int i = 0; i < Judge.MIN_INTERVALS; i++) {
            Measurement m = new Measurement(draw(random, 1000, 0.01, stableMs), draw(random, 1000, 0.01, stableMs * ratio * 2));
            Judgement j = judge.judge(T.plusSeconds(60L * i), T.plusSeconds(60L * i + 60), m, earlier);
            earlier.add(j);
        }
        Judgement last = earlier.get(earlier.size() - 1);
        assertThat(last.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(last.reason()).contains("latency", "Mann-Whitney p=");
    }
}
