package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import static io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef.shortName;

import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsFailure;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryPhase;
import java.util.List;

/**
 * Checks, right before the canary engine takes its next step of the switch, the side that step depends on,
 * read fresh: before a shift the new side must serve the new revision (what was verified before an approval
 * may have changed while the question was open); while some traffic is on the new side, its healthy targets
 * must keep up with its desired tasks at every poll, like an alarm; before a switch back the old side must
 * still serve the revision it ran, or the switch back would send traffic to something nobody verified; an old
 * side that cannot be read is not verified either: it is read again a few times, then nothing more is changed.
 */
final class SwitchGuard {

    /** What to do instead of, or before, the canary engine's next step. */
    sealed interface Verdict {
    }

    /** Let the canary engine go on. */
    record Proceed() implements Verdict {
    }

    /** Put all traffic back on the old side, as a failing alarm would. */
    record SwitchBack(String cause) implements Verdict {
    }

    /** Read the old side again after a pause before switching back: it could not be read; {@code what} says why. */
    record ReadAgain(String what) implements Verdict {
    }

    /** Change nothing more: the side the next step depends on is not what it was; {@code what} says how. */
    record Halt(String what) implements Verdict {
    }

    /** Reads of the old side before a switch back, the first included, counted by the rollback's attempts. */
    static final int SWITCH_BACK_READS = 5;

    private final Fleet fleet;

    SwitchGuard(Fleet fleet) {
        this.fleet = fleet;
    }

    Verdict before(BlueGreenCheckpoint cp, CanaryCheckpoint sub) {
        CanaryPhase phase = sub.phase();
        boolean trafficOnNew = !sub.live().equals(Split.ALL_STABLE);
        if (phase instanceof CanaryPhase.Shifting) return beforeShift(cp, trafficOnNew);
        if (phase instanceof CanaryPhase.RollingBack r && (trafficOnNew || r.inFlight() != null)) return beforeSwitchBack(cp, r);
        boolean watching = phase instanceof CanaryPhase.Baking || phase instanceof CanaryPhase.AwaitingApproval;
        if (watching && trafficOnNew) return whilePartlyOnNew(cp);
        return new Proceed();
    }

    private Verdict beforeShift(BlueGreenCheckpoint cp, boolean trafficOnNew) {
        SideState side;
        try {
            side = fleet.read(cp.to());
        } catch (RuntimeException e) {
            return new SwitchBack("could not read " + cp.spec().service(cp.to()) + " before the shift: " + AwsFailure.describe(e));
        }
        List<String> why = side.whyNotServing(cp.taskDefinition());
        if (why.isEmpty()) return new Proceed();
        if (!trafficOnNew) {
            // Nothing has moved: the old side keeps all traffic by the engine doing nothing at all.
            return new Halt("just before the first shift, " + cp.to() + " no longer serves " + shortName(cp.taskDefinition())
                    + " as it did when it was verified (" + String.join("; ", why) + "); someone else changed it");
        }
        return new SwitchBack(cp.to() + " no longer serves " + shortName(cp.taskDefinition()) + " (" + String.join("; ", why) + ")");
    }

    private Verdict whilePartlyOnNew(BlueGreenCheckpoint cp) {
        SideState side;
        try {
            side = fleet.read(cp.to());
        } catch (RuntimeException e) {
            // Like an alarm that cannot be read: health nobody can see is failing health.
            return new SwitchBack("the health of " + cp.spec().service(cp.to()) + " could not be read: " + AwsFailure.describe(e));
        }
        if (!side.fewerHealthyThanDesired()) return new Proceed();
        return new SwitchBack(cp.to() + " (" + side.name() + ") has " + side.health());
    }

    private Verdict beforeSwitchBack(BlueGreenCheckpoint cp, CanaryPhase.RollingBack r) {
        SideState old;
        try {
            old = fleet.read(cp.from());
        } catch (RuntimeException e) {
            // What was verified at preflight may have changed since (that is why it is read here): moving traffic
            // to a side nobody can see now could make things worse than the failing new side.
            String what = "could not read " + cp.spec().service(cp.from()) + " to check it still serves "
                    + shortName(cp.fromTaskDefinition()) + ": " + AwsFailure.describe(e);
            int reads = r.attempts() + 1;
            if (reads < SWITCH_BACK_READS) return new ReadAgain(what);
            return new Halt("did not switch back: " + what + " (" + reads + " attempts); traffic was not moved to a side"
                    + " that could not be verified");
        }
        List<String> why = old.whyNotServing(cp.fromTaskDefinition());
        if (why.isEmpty()) return new Proceed();
        return new Halt("did not switch back: " + cp.from() + " no longer serves " + shortName(cp.fromTaskDefinition())
                + ", the revision it ran when this deployment started (" + String.join("; ", why) + ")");
    }
}
