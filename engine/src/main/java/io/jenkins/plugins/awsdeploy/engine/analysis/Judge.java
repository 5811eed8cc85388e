package io.jenkins.plugins.awsdeploy.engine.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.ranking.NaturalRanking;

/**
 * Judges one interval of the new side against the stable one. A metric fails only when the difference is both larger
 * than the user's bound and statistically significant at {@value #CONFIDENCE}: a handful of unlucky requests must not
 * roll a release back. Error rates are compared with a one-sided two-proportion z test; latency by its ratio, confirmed
 * (once {@value #MIN_INTERVALS} intervals on each side have latency) by a one-sided Mann-Whitney U test over the
 * per-interval latencies of the bake so far.
 */
public final class Judge {

    static final double CONFIDENCE = 0.95;
    /** Intervals with latency on both sides before the Mann-Whitney test has a say; fewer cannot reach 95%. */
    static final int MIN_INTERVALS = 5;

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1,
            NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);

    private final AnalysisSpec spec;
    private final String errorName;

    public Judge(AnalysisSpec spec, String errorName) {
        this.spec = spec;
        this.errorName = errorName;
    }

    /** @param earlier the judgements of this deployment so far, oldest first, for the latency test over the bake */
    public Judgement judge(Instant start, Instant end, Measurement m, List<Judgement> earlier) {
        SideFigures s = m.stable(), c = m.canary();
        if (s.requests() < spec.minRequests() || c.requests() < spec.minRequests()) {
            String side = c.requests() < spec.minRequests() ? "the new side had " + c.requests() : "the stable side had " + s.requests();
            return new Judgement(start, end, s, c, Verdict.INCONCLUSIVE, side + " requests, fewer than the "
                    + spec.minRequests() + " needed");
        }
        String span = Judgement.span(start, end);
        List<String> failures = new ArrayList<>();
        if (spec.errorPoints() != null) {
            double points = (c.errorRate() - s.errorRate()) * 100;
            if (points > spec.errorPoints()) {
                double p = errorRateP(s, c);
                if (p < 1 - CONFIDENCE) {
                    failures.add(String.format(Locale.ROOT, "%s %.1f%% on the new side vs %.1f%% on the stable side over %s"
                            + " (%.1f points higher, limit %.1f; p=%.4f)", errorName, c.errorRate() * 100,
                            s.errorRate() * 100, span, points, spec.errorPoints(), p));
                }
            }
        }
        if (spec.latencyRatio() != null && s.latencyMs() != null && c.latencyMs() != null && s.latencyMs() > 0) {
            double ratio = c.latencyMs() / s.latencyMs();
            if (ratio > spec.latencyRatio()) {
                Double p = latencyP(earlier, s.latencyMs(), c.latencyMs());
                if (p == null || p < 1 - CONFIDENCE) {
                    failures.add(String.format(Locale.ROOT, "latency %.0f ms on the new side vs %.0f ms on the stable side"
                            + " over %s (%.2fx, limit %.2fx%s)", c.latencyMs(), s.latencyMs(), span, ratio,
                            spec.latencyRatio(), p == null ? "" : String.format(Locale.ROOT, "; Mann-Whitney p=%.4f", p)));
                }
            }
        }
        return failures.isEmpty() ? new Judgement(start, end, s, c, Verdict.PASS, "")
                : new Judgement(start, end, s, c, Verdict.FAIL, String.join("; ", failures));
    }

    /**
     * The one-sided p-value of "the new side's error rate is higher": the two-proportion z test with the pooled rate.
     * Both sides all errors or no errors leave nothing to test: 1.
     */
    static double errorRateP(SideFigures stable, SideFigures canary) {
        double pooled = (double) (stable.errors() + canary.errors()) / (stable.requests() + canary.requests());
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / stable.requests() + 1.0 / canary.requests()));
        if (se == 0) return 1;
        double z = (canary.errorRate() - stable.errorRate()) / se;
        return 1 - STANDARD_NORMAL.cumulativeProbability(z);
    }

    /**
     * The one-sided p-value of "the new side is slower" over every interval of the bake with latency on both sides,
     * this one included; null while there are too few intervals for the test to mean anything.
     */
    static Double latencyP(List<Judgement> earlier, double stableNow, double canaryNow) {
        List<Double> stable = new ArrayList<>(), canary = new ArrayList<>();
        for (Judgement j : earlier) {
            if (j.verdict() == Verdict.INCONCLUSIVE || j.stable().latencyMs() == null || j.canary().latencyMs() == null) continue;
            stable.add(j.stable().latencyMs());
            canary.add(j.canary().latencyMs());
        }
        stable.add(stableNow);
        canary.add(canaryNow);
        if (stable.size() < MIN_INTERVALS) return null;
        double[] s = stable.stream().mapToDouble(Double::doubleValue).toArray();
        double[] c = canary.stream().mapToDouble(Double::doubleValue).toArray();
        double twoSided = new MannWhitneyUTest().mannWhitneyUTest(c, s);
        return canaryRanksHigher(c, s) ? twoSided / 2 : 1 - twoSided / 2;
    }

    /** Whether the new side's values rank above the stable side's: its U exceeds half of n1 x n2. */
    private static boolean canaryRanksHigher(double[] canary, double[] stable) {
        double[] all = new double[canary.length + stable.length];
        System.arraycopy(canary, 0, all, 0, canary.length);
        System.arraycopy(stable, 0, all, canary.length, stable.length);
        double[] ranks = new NaturalRanking().rank(all);
        double rankSum = 0;
        for (int i = 0; i < canary.length; i++) rankSum += ranks[i];
        double u = rankSum - canary.length * (canary.length + 1) / 2.0;
        return u > canary.length * (double) stable.length / 2;
    }
}
