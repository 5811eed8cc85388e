package io.jenkins.plugins.awsdeploy.engine.canary;

import io.jenkins.plugins.awsdeploy.engine.DurationText;
import io.jenkins.plugins.awsdeploy.engine.ClockText;
import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Story;
import io.jenkins.plugins.awsdeploy.engine.analysis.Verdict;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.routing.TrafficRouter;

/** The sentences a canary tells that are more than one line of code: what comes next, what was done. */
final class CanaryMessages {

    private CanaryMessages() {
    }

    /** {@code bake 5m watching 1 alarm(s), then step to 50%}: the next moves after a step. */
    static String bakeNext(CanarySpec spec, int step) {
        CanaryStep s = spec.plan().step(step);
        String after = spec.plan().isLast(step) ? "done" : "step to " + spec.plan().step(step + 1).percent() + "%";
        if (s.bake().isZero()) return after;
        String watched = (spec.alarms().isEmpty() ? "" : spec.alarms().size() + " alarm(s)")
                + (spec.alarms().isEmpty() || spec.analysis() == null ? "" : " and ")
                + (spec.analysis() == null ? "" : "the canary analysis");
        return "bake " + DurationText.format(s.bake()) + (watched.isEmpty() ? "" : " watching " + watched) + ", then " + after;
    }

    /**
     * How many steps this deployment moved traffic for, as the summary says it: a canary continued from a
     * plan point moved fewer steps than its plan has, and one that found all traffic moved already, none.
     */
    static String stepsMade(CanaryCheckpoint cp) {
        long made = cp.history().stream().filter(e -> e.kind() == EventKind.SHIFTED).count();
        int planned = cp.spec().plan().size();
        if (made == 0) return "; this deployment found it there and changed nothing";
        return " after " + made + " step(s)" + (made < planned ? " of this deployment (the plan has " + planned
                + "; it began at a later step)" : "");
    }

    /** Tells, once per step, that the bake is over and the step waits for its analysis. */
    static void waitingForAnalysis(Story<CanaryCheckpoint> st, AnalysisWatch.Gate.Wait w) {
        String message = "bake over, but " + w.why() + "; waiting for the canary analysis";
        for (int i = st.cp.history().size() - 1; i >= 0; i--) {
            DeploymentEvent e = st.cp.history().get(i);
            if (e.kind() == EventKind.SHIFTED) break;
            if (e.kind() == EventKind.INFO && e.message().startsWith("bake over, but ")) return;
        }
        st.say(EventKind.INFO, message, "go on once an interval passes; at " + ClockText.format(w.deadline())
                + " without one, " + (st.cp.spec().analysis().allowInconclusive() ? "go on with a warning" : "roll back"));
    }

    /** {@code ; canary analysis: 7 intervals passed, 2 inconclusive}, or nothing without analysis. */
    static String analysisPassed(CanaryCheckpoint cp) {
        if (cp.analysis() == null) return "";
        var all = cp.analysis().judgements();
        long passed = all.stream().filter(j -> j.verdict() == Verdict.PASS).count();
        long other = all.size() - passed;
        return "; canary analysis: " + passed + " interval(s) passed" + (other == 0 ? "" : ", " + other + " did not");
    }

    /** Why the engine stopped without restoring, and exactly how a person restores the stable split. */
    static Outcome.Unsafe unsafe(TrafficRouter router, String what) {
        return new Outcome.Unsafe("stopped without restoring: " + what, "To put all traffic back on the stable side, "
                + router.restoreInstruction(Split.ALL_STABLE));
    }
}
