package io.jenkins.plugins.awsdeploy.engine.canary;

import io.jenkins.plugins.awsdeploy.engine.Cause;
import io.jenkins.plugins.awsdeploy.engine.DurationText;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.Story;
import io.jenkins.plugins.awsdeploy.engine.analysis.Analysis;
import io.jenkins.plugins.awsdeploy.engine.analysis.AnalysisSpec;
import io.jenkins.plugins.awsdeploy.engine.analysis.AnalysisState;
import io.jenkins.plugins.awsdeploy.engine.analysis.Judgement;
import io.jenkins.plugins.awsdeploy.engine.analysis.MetricPort;
import io.jenkins.plugins.awsdeploy.engine.analysis.MetricSources;
import io.jenkins.plugins.awsdeploy.engine.analysis.Verdict;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryPhase.Baking;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryPhase.RollingBack;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The canary analysis as the bake sees it: at each poll, after the alarms, every interval that has become old enough
 * is judged and told; failures in a row up to the limit roll back like an alarm. At the end of a step's bake the
 * {@link #gate} decides whether the step has earned the next one.
 */
final class AnalysisWatch {

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Whether a step may end: go on (perhaps with a warning), wait for more intervals, or roll back. */
    sealed interface Gate {
        record Open(String warning) implements Gate {
        }

        record Wait(Instant deadline, String why) implements Gate {
        }

        record Fail(Cause.AnalysisFailed cause) implements Gate {
        }
    }

    private final Analysis analysis;

    AnalysisWatch(MetricPort metrics) {
        this.analysis = new Analysis(metrics);
    }

    /** After a shift was read back: the analysis starts with the first one, and stops comparing once all is new. */
    static void shifted(Story<CanaryCheckpoint> st, Split now) {
        AnalysisSpec spec = st.cp.spec().analysis();
        if (spec == null) return;
        AnalysisState state = st.cp.analysis() == null ? AnalysisState.from(st.now, spec.interval()) : st.cp.analysis();
        st.cp = st.cp.withAnalysis(now.canary() >= 100 ? state.stoppedAt(st.now) : state);
    }

    /** Judges what became due. Returns false, having started the rollback, when the failures reached the limit. */
    boolean poll(Story<CanaryCheckpoint> st) {
        AnalysisSpec spec = st.cp.spec().analysis();
        if (spec == null) return true;
        if (st.cp.analysis() == null) shifted(st, st.cp.live()); // continued at a step by a preflight
        String errorName = MetricSources.of(st.cp.spec().router()).map(s -> s.errorName()).orElse("error rate");
        Analysis.Round round = analysis.poll(spec, st.cp.spec().router(), st.cp.analysis(), st.now);
        st.cp = st.cp.withAnalysis(round.state());
        for (Judgement j : round.judged()) {
            st.say(j, j.describe(errorName), next(j, round, spec));
        }
        if (round.failing().isEmpty()) return true;
        Cause.AnalysisFailed cause = round.failing().get();
        boolean closesApproval = st.cp.approval().isPresent();
        st.cp = st.cp.with(new RollingBack(cause, false, null, 0));
        st.say(EventKind.ROLLBACK_STARTED, cause.text() + (closesApproval ? "; the approval is closed" : ""),
                "put all traffic back on the stable side at once, skipping the remaining steps");
        return false;
    }

    private static String next(Judgement j, Analysis.Round round, AnalysisSpec spec) {
        if (j.verdict() != Verdict.FAIL) return "keep baking";
        int left = spec.failureLimit() - round.state().failuresInARow();
        return left <= 0 ? "roll back" : left + " more failed interval(s) in a row roll back";
    }

    /**
     * At the end of a step's bake. While both sides serve, the step needs an interval of its own that passed; at 100%
     * the intervals from before the last shift must all be judged. Past the timeout an inconclusive step fails, unless
     * inconclusive intervals are allowed.
     */
    static Gate gate(CanaryCheckpoint cp, Baking b, Instant now) {
        AnalysisSpec spec = cp.spec().analysis();
        if (spec == null) return new Gate.Open(null);
        AnalysisState s = cp.analysis();
        Instant stepStart = b.until().minus(cp.spec().plan().step(b.step()).bake());
        boolean bothServe = cp.live().canary() < 100;
        if (bothServe ? s != null && s.passedSince(stepStart) : s == null || !s.hasNext()) return new Gate.Open(null);
        String why = bothServe ? "no interval since " + HM.format(stepStart) + " has passed" + tally(s, stepStart)
                : "the intervals before all traffic moved are not all judged yet";
        Instant deadline = b.until().plus(spec.timeout());
        if (now.isBefore(deadline)) return new Gate.Wait(deadline, why);
        String cause = "canary analysis inconclusive: " + why + " within " + DurationText.format(spec.timeout())
                + " after the bake";
        return spec.allowInconclusive() ? new Gate.Open("warning: " + cause + "; going on as allowInconclusive asks")
                : new Gate.Fail(new Cause.AnalysisFailed("inconclusive", cause));
    }

    /** {@code  (3 inconclusive, 1 failed)} */
    private static String tally(AnalysisState s, Instant since) {
        if (s == null) return "";
        long inconclusive = s.judgements().stream().filter(j -> !j.start().isBefore(since) && j.verdict() == Verdict.INCONCLUSIVE).count();
        long failed = s.judgements().stream().filter(j -> !j.start().isBefore(since) && j.verdict() == Verdict.FAIL).count();
        return inconclusive + failed == 0 ? " (none was judged yet)" : " (" + inconclusive + " inconclusive, " + failed + " failed)";
    }
}
