package io.jenkins.plugins.awsdeploy.engine.canary;

import io.jenkins.plugins.awsdeploy.engine.DurationText;
import io.jenkins.plugins.awsdeploy.engine.Progress;
import io.jenkins.plugins.awsdeploy.engine.Progress.Phase;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryPhase.AwaitingApproval;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryPhase.Baking;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryPhase.Finished;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryPhase.Preflight;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryPhase.RollingBack;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryPhase.Shifting;
import java.time.Instant;

/** Where a canary stands at an instant, from its checkpoint alone. */
public final class CanaryProgress {

    private CanaryProgress() {
    }

    public static Progress of(CanaryCheckpoint cp, Instant now) {
        CanaryPlan plan = cp.spec().plan();
        CanaryPhase p = cp.phase();
        if (p instanceof Preflight) {
            return progress(cp, now, Phase.CHECKING, "checking before any change", null, null, enter(plan, 0));
        }
        if (p instanceof Shifting s) {
            CanaryStep step = plan.step(s.step());
            return progress(cp, now, Phase.CHANGING, "shifting to " + step.percent() + "% (" + step.split() + ")", null, null,
                    afterShift(cp.spec(), s.step()));
        }
        if (p instanceof CanaryPhase.Propagating w) {
            CanaryStep step = plan.step(w.step());
            return progress(cp, now, Phase.CHANGING, "waiting for change " + w.change() + " (" + step.percent()
                    + "%) to reach every name server (INSYNC)", w.since(), null, afterShift(cp.spec(), w.step()));
        }
        if (p instanceof Baking b && cp.spec().analysis() != null && !now.isBefore(b.until())) {
            CanaryStep step = plan.step(b.step());
            return progress(cp, now, Phase.BAKING, "step " + (b.step() + 1) + "/" + plan.size() + " at " + step.percent()
                    + "% baked, waiting for the canary analysis", b.until(), b.until().plus(cp.spec().analysis().timeout()),
                    "once an interval passes: " + afterBake(plan, b.step()) + "; else roll back as inconclusive");
        }
        if (p instanceof Baking b) {
            CanaryStep step = plan.step(b.step());
            return progress(cp, now, Phase.BAKING, "baking step " + (b.step() + 1) + "/" + plan.size() + " at " + step.percent()
                    + "%", b.until().minus(step.bake()), b.until(), afterBake(plan, b.step()));
        }
        if (p instanceof AwaitingApproval a) {
            CanaryStep step = plan.step(a.step());
            Instant deadline = cp.spec().approvalTimeout() == null ? null : a.since().plus(cp.spec().approvalTimeout());
            String next = "on approval shift to " + step.percent() + "%"
                    + (deadline == null ? "" : "; without an answer by " + Progress.clock(deadline) + " roll back");
            return progress(cp, now, Phase.WAITING_FOR_APPROVAL, "waiting for approval to shift to " + step.percent() + "%",
                    a.since(), deadline, next);
        }
        if (p instanceof RollingBack r) {
            return progress(cp, now, Phase.ROLLING_BACK, "rolling back (" + r.cause().text() + ")", null, null,
                    "all traffic back on the stable side (100/0)");
        }
        return progress(cp, now, Phase.FINISHED, ((Finished) p).outcome().message(), null, null, "");
    }

    /** What entering step {@code index} does first. */
    static String enter(CanaryPlan plan, int index) {
        CanaryStep step = plan.step(index);
        return (step.approvalFirst() ? "ask for approval to shift to " : "shift to ") + step.percent() + "%";
    }

    private static String afterShift(CanarySpec spec, int index) {
        CanaryStep step = spec.plan().step(index);
        if (step.bake().isZero()) return afterBake(spec.plan(), index);
        return "bake " + DurationText.format(step.bake()) + ", then "
                + afterBake(spec.plan(), index);
    }

    private static String afterBake(CanaryPlan plan, int index) {
        return plan.isLast(index) ? "done: all traffic on the new side" : enter(plan, index + 1);
    }

    private static Progress progress(CanaryCheckpoint cp, Instant now, Phase phase, String doing, Instant started,
                                     Instant ends, String next) {
        return new Progress(now, phase, doing, started, ends, cp.live(), "stable/new", cp.alarms(), next);
    }
}
