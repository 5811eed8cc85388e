package io.jenkins.plugins.awsdeploy.engine.ecs;

import io.jenkins.plugins.awsdeploy.engine.Progress;
import io.jenkins.plugins.awsdeploy.engine.Progress.Phase;
import java.time.Instant;
import java.util.Map;

/** Where an ECS rollback stands at an instant, from its checkpoint alone. It moves no traffic and reads no alarms. */
public final class RollbackProgress {

    private RollbackProgress() {
    }

    public static Progress of(RollbackCheckpoint cp, Instant now) {
        RollbackPhase p = cp.phase();
        String service = "service " + cp.spec().service();
        if (p instanceof RollbackPhase.Preflight) {
            return progress(now, Phase.CHECKING, "checking " + service + " before any change", null, null,
                    cp.spec().dryRun() ? "say what would happen" : "point it at the last known good revision");
        }
        if (p instanceof RollbackPhase.Updating) {
            return progress(now, Phase.CHANGING, "updating " + service + " from " + cp.choice().from() + " to "
                    + cp.choice().target(), null, null, cp.spec().noWait() ? "done" : "wait until it runs "
                    + cp.choice().target() + " stably");
        }
        if (p instanceof RollbackPhase.WaitingStable w) {
            return progress(now, Phase.WAITING_FOR_SERVICE, "waiting until " + service + " runs " + cp.choice().target()
                    + " stably" + (w.progress().isEmpty() ? "" : " (" + w.progress() + ")"), w.since(), w.deadline(),
                    "done once it does; give up at " + Progress.clock(w.deadline()));
        }
        return progress(now, Phase.FINISHED, ((RollbackPhase.Finished) p).outcome().message(), null, null, "");
    }

    private static Progress progress(Instant now, Phase phase, String doing, Instant started, Instant ends, String next) {
        return new Progress(now, phase, doing, started, ends, null, null, Map.of(), next);
    }
}
