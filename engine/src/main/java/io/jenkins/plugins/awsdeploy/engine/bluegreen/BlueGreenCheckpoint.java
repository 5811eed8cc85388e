package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import static io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef.shortName;

import io.jenkins.plugins.awsdeploy.engine.AlarmState;
import io.jenkins.plugins.awsdeploy.engine.ApprovalRequest;
import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.aws.Capacity;
import io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.CreatingVersion;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.Finished;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.PointingTest;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.Preflight;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.Recording;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.Registering;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.ScaleDownWait;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.ScalingDownNew;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.ScalingDownOld;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.Switching;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.UpdatingIdle;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.WaitingForIdle;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryPhase;
import io.jenkins.plugins.awsdeploy.engine.ownership.Claim;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A blue/green deployment in progress.
 *
 * @param from               the side that was live when the deployment started; null until preflight has read the listener
 * @param desiredCount       the live side's desired count at preflight, which the new side is given
 * @param fromTaskDefinition the revision the live side ran at preflight
 * @param taskDefinition     the revision being deployed, once known (registered, or looked up at preflight)
 * @param live               the production split, stable = {@code from}, new = the other side; null until preflight
 * @param alarms             the alarm states of the last poll
 * @param claim              who this deployment is, and which resources carry its ownership marker
 * @param capacity           an Auto Scaling live group's min/desired/max at preflight, which the new group is given and
 *                           the old group is restored to by a rollback after its scale-down; null for ECS services
 */
public record BlueGreenCheckpoint(BlueGreenSpec spec, BlueGreenPhase phase, Colour from, int desiredCount,
                                  String fromTaskDefinition, String taskDefinition, Split live,
                                  Map<String, AlarmState> alarms, List<DeploymentEvent> history, Claim claim,
                                  Capacity capacity)
        implements Checkpoint {

    public BlueGreenCheckpoint {
        alarms = java.util.Collections.unmodifiableMap(new TreeMap<>(alarms == null ? Map.of() : alarms));
        history = List.copyOf(history);
    }

    /** A new deployment with an id of its own, run by this host. */
    public static BlueGreenCheckpoint start(BlueGreenSpec spec) {
        return start(spec, Claim.fresh());
    }

    /** A new deployment that is {@code who}: a shell that knows a stable id (a Jenkins build) gives it here. */
    public static BlueGreenCheckpoint start(BlueGreenSpec spec, Claim who) {
        return new BlueGreenCheckpoint(spec, new Preflight(), null, 0, null, null, null, Map.of(), List.of(), who, null);
    }

    /** The side being deployed to; null until preflight. */
    public Colour to() {
        return from == null ? null : from.other();
    }

    BlueGreenCheckpoint with(BlueGreenPhase next) {
        return new BlueGreenCheckpoint(spec, next, from, desiredCount, fromTaskDefinition, taskDefinition, live, alarms, history, claim, capacity);
    }

    BlueGreenCheckpoint with(BlueGreenPhase next, Split nowLive) {
        return new BlueGreenCheckpoint(spec, next, from, desiredCount, fromTaskDefinition, taskDefinition, nowLive, alarms, history, claim, capacity);
    }

    BlueGreenCheckpoint withAlarms(Map<String, AlarmState> states) {
        return new BlueGreenCheckpoint(spec, phase, from, desiredCount, fromTaskDefinition, taskDefinition, live, states, history, claim, capacity);
    }

    BlueGreenCheckpoint withStart(Colour liveSide, int count, String liveRevision) {
        return new BlueGreenCheckpoint(spec, phase, liveSide, count, liveRevision, taskDefinition, Split.ALL_STABLE, alarms, history, claim, capacity);
    }

    BlueGreenCheckpoint withCapacity(Capacity c) {
        return new BlueGreenCheckpoint(spec, phase, from, desiredCount, fromTaskDefinition, taskDefinition, live, alarms, history, claim, c);
    }

    BlueGreenCheckpoint withTaskDefinition(String revision) {
        return new BlueGreenCheckpoint(spec, phase, from, desiredCount, fromTaskDefinition, revision, live, alarms, history, claim, capacity);
    }

    @Override
    public BlueGreenCheckpoint withClaim(Claim c) {
        return new BlueGreenCheckpoint(spec, phase, from, desiredCount, fromTaskDefinition, taskDefinition, live, alarms, history, c, capacity);
    }

    @Override
    public BlueGreenCheckpoint ended(Outcome outcome) {
        return with(new Finished(outcome));
    }

    @Override
    public BlueGreenCheckpoint withHistory(List<DeploymentEvent> all) {
        return new BlueGreenCheckpoint(spec, phase, from, desiredCount, fromTaskDefinition, taskDefinition, live, alarms, all, claim, capacity);
    }

    @Override
    public Optional<Outcome> outcome() {
        return phase instanceof Finished f ? Optional.of(f.outcome()) : Optional.empty();
    }

    @Override
    public Optional<ApprovalRequest> approval() {
        if (!(phase instanceof Switching s)) return Optional.empty();
        return s.canary().approval().map(a -> {
            if (!(s.canary().phase() instanceof CanaryPhase.AwaitingApproval wait)) return a;
            Split next = spec.plan().step(wait.step()).split();
            String what = wait.step() == 0 ? "Switch " : "Go on to ";
            return new ApprovalRequest(what + next.canary() + "% of production traffic to " + to() + " ("
                    + spec.service(to()) + " on " + shortName(taskDefinition) + ")?", a.since(), a.deadline());
        });
    }

    @Override
    public boolean beforeAnyChange() {
        return phase instanceof Preflight;
    }

    @Override
    public String status() {
        BlueGreenPhase p = phase;
        if (p instanceof Preflight) return "checking before any change";
        if (p instanceof Finished f) return "finished: " + f.outcome().message();
        String onOld = "all traffic on " + from + " (" + spec.service(from) + ")";
        String newService = spec.service(to());
        String revision = shortName(taskDefinition);
        if (p instanceof Registering r) return "registering a copy of " + shortName(r.from()) + " with new images; " + onOld;
        if (p instanceof UpdatingIdle) return "updating " + newService + " to " + revision + " at "
                + BlueGreenWords.size(this) + "; " + onOld;
        if (p instanceof CreatingVersion c) return "creating a version of " + c.templateId() + ":" + c.sourceVersion()
                + " with image " + c.imageId() + "; " + onOld;
        if (p instanceof WaitingForIdle w) return "waiting until " + newService + " is stable on " + revision
                + (w.progress().isEmpty() ? "" : " (" + w.progress() + ")") + ", at most until " + w.deadline() + "; " + onOld;
        if (p instanceof PointingTest) return "pointing the test " + spec.testTarget().describe() + " at " + to() + "; " + onOld;
        if (p instanceof Switching s) return "switching " + from + " → " + to() + ": " + s.canary().status();
        if (p instanceof ScaleDownWait w) return "all traffic on " + to() + " (" + newService + " on " + revision
                + "); " + spec.service(from) + " keeps running, alarms watched, until " + waitUntil(w);
        if (p instanceof ScalingDownOld) return "scaling " + spec.service(from) + " to 0; all traffic on " + to();
        if (p instanceof Recording) return "recording " + revision + " as the last known good of " + newService;
        ScalingDownNew n = (ScalingDownNew) p;
        return "scaling " + newService + " to 0 (" + n.outcome().message() + ")";
    }

    /** Whether two spellings (ARN, {@code family:revision}) name the same revision. */
    static boolean sameRevision(String a, String b) {
        return TaskDefinitionRef.parse(a).map(r -> r.sameAs(b)).orElse(false);
    }

    private static String waitUntil(ScaleDownWait w) {
        return w.canary().phase() instanceof CanaryPhase.Baking b ? b.until().toString() : w.canary().status();
    }
}
