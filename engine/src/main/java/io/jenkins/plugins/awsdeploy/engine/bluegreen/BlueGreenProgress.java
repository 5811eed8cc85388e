package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import static io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef.shortName;

import io.jenkins.plugins.awsdeploy.engine.AlarmState;
import io.jenkins.plugins.awsdeploy.engine.DurationText;
import io.jenkins.plugins.awsdeploy.engine.Progress;
import io.jenkins.plugins.awsdeploy.engine.Progress.Phase;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.Finished;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.Preflight;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.ScaleDownWait;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.Switching;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.WaitingForIdle;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryPhase;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryProgress;
import java.time.Instant;
import java.util.Map;

/**
 * Where a blue/green deployment stands at an instant, from its checkpoint alone. The split reads live side first:
 * {@code 100/0 (blue/green)} while blue serves.
 */
public final class BlueGreenProgress {

    private BlueGreenProgress() {
    }

    public static Progress of(BlueGreenCheckpoint cp, Instant now) {
        BlueGreenSpec spec = cp.spec();
        BlueGreenPhase p = cp.phase();
        if (p instanceof Preflight) {
            return progress(cp, now, Phase.CHECKING, "checking before any change", null, null,
                    "update the idle service to the new revision");
        }
        if (p instanceof Finished f) {
            return progress(cp, now, Phase.FINISHED, f.outcome().message(), null, null, "");
        }
        String newService = spec.service(cp.to());
        if (p instanceof WaitingForIdle w) {
            String doing = "waiting until " + newService + " is stable on " + shortName(w.taskDefinition())
                    + (w.progress().isEmpty() ? "" : " (" + w.progress() + ")");
            String next = spec.testTarget() != null ? "point the test " + spec.testTarget().describe() + " at " + cp.to()
                    : switchWords(cp);
            return progress(cp, now, Phase.WAITING_FOR_SERVICE, doing, w.deadline().minus(spec.healthTimeout()), w.deadline(),
                    next);
        }
        if (p instanceof Switching s) {
            Progress sub = CanaryProgress.of(s.canary(), now);
            String next = sub.phase() == Phase.BAKING && spec.plan().isLast(bakingStep(s.canary()))
                    ? "keep " + spec.service(cp.from()) + " running for " + DurationText.format(spec.scaleDownAfter())
                    + ", then scale it to 0"
                    : sub.next().replace("the new side", cp.to().toString()).replace("the stable side", cp.from().toString());
            return new Progress(now, sub.phase(), "switching " + cp.from() + " → " + cp.to() + ": " + sub.doing(),
                    sub.waitStarted(), sub.waitEnds(), sub.split(), sides(cp), sub.alarms(), next);
        }
        if (p instanceof ScaleDownWait w) {
            Instant until = w.canary().phase() instanceof CanaryPhase.Baking b ? b.until() : null;
            Progress sub = CanaryProgress.of(w.canary(), now);
            if (sub.phase() == Phase.ROLLING_BACK) {
                return new Progress(now, Phase.ROLLING_BACK, "switching back to " + cp.from() + ": " + sub.doing(), null, null,
                        sub.split(), sides(cp), sub.alarms(), "all traffic back on " + cp.from());
            }
            return new Progress(now, Phase.BAKING, "all traffic on " + cp.to() + "; " + spec.service(cp.from())
                    + " kept running, alarms watched", until == null ? null : until.minus(spec.scaleDownAfter()), until,
                    sub.split(), sides(cp), sub.alarms(), "scale " + spec.service(cp.from()) + " to 0");
        }
        // Registering, updating, pointing the test listener, scaling down, recording: one change each, no wait.
        return progress(cp, now, Phase.CHANGING, cp.status(), null, null, "");
    }

    private static int bakingStep(CanaryCheckpoint canary) {
        return canary.phase() instanceof CanaryPhase.Baking b ? b.step() : -1;
    }

    private static String switchWords(BlueGreenCheckpoint cp) {
        int first = cp.spec().plan().step(0).percent();
        return (cp.spec().approveBeforeSwitch() ? "ask for approval to switch " : "switch ") + first + "% of traffic to "
                + cp.to();
    }

    private static String sides(BlueGreenCheckpoint cp) {
        return cp.from() == null ? "stable/new" : cp.from() + "/" + cp.to();
    }

    private static Progress progress(BlueGreenCheckpoint cp, Instant now, Phase phase, String doing, Instant started,
                                     Instant ends, String next) {
        Map<String, AlarmState> alarms = cp.alarms();
        return new Progress(now, phase, doing, started, ends, cp.live(), sides(cp), alarms, next);
    }
}
