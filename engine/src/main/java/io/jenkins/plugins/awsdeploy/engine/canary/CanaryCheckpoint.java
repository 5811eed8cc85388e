package io.jenkins.plugins.awsdeploy.engine.canary;

import io.jenkins.plugins.awsdeploy.engine.AlarmState;
import io.jenkins.plugins.awsdeploy.engine.ApprovalRequest;
import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.analysis.AnalysisState;
import io.jenkins.plugins.awsdeploy.engine.ownership.Claim;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A canary in progress.
 *
 * @param live   the split the engine last wrote and read back (or found at preflight)
 * @param alarms      the alarm states of the last poll, to report only changes
 * @param transitions when each alarm last changed state as CloudWatch said at the last poll, to notice a
 *                    flap between two polls
 * @param claim       who this deployment is and what it holds; null inside a blue/green deployment
 * @param analysis    the canary analysis so far: the intervals judged and the next one; null before the first shift or
 *                    without analysis
 */
public record CanaryCheckpoint(CanarySpec spec, CanaryPhase phase, Split live, Map<String, AlarmState> alarms,
                               Map<String, Instant> transitions, List<DeploymentEvent> history, Claim claim,
                               AnalysisState analysis)
        implements Checkpoint {

    public CanaryCheckpoint {
        alarms = java.util.Collections.unmodifiableMap(new TreeMap<>(alarms));
        transitions = java.util.Collections.unmodifiableMap(new TreeMap<>(transitions == null ? Map.of() : transitions));
        history = List.copyOf(history);
    }

    /** A canary without analysis state: one that has not shifted yet, or was stored before the analysis existed. */
    public CanaryCheckpoint(CanarySpec spec, CanaryPhase phase, Split live, Map<String, AlarmState> alarms,
                            Map<String, Instant> transitions, List<DeploymentEvent> history, Claim claim) {
        this(spec, phase, live, alarms, transitions, history, claim, null);
    }

    /** A new canary with an id of its own, run by this host. */
    public static CanaryCheckpoint start(CanarySpec spec) {
        return start(spec, Claim.fresh());
    }

    /** A new canary that is {@code who}: a shell that knows a stable id (a Jenkins build) gives it here. */
    public static CanaryCheckpoint start(CanarySpec spec, Claim who) {
        return new CanaryCheckpoint(spec, new CanaryPhase.Preflight(), Split.ALL_STABLE, Map.of(), Map.of(), List.of(), who);
    }

    /** A canary run by another deployment (blue/green's switch), which holds the ownership marks itself. */
    public static CanaryCheckpoint inside(CanarySpec spec) {
        return new CanaryCheckpoint(spec, new CanaryPhase.Preflight(), Split.ALL_STABLE, Map.of(), Map.of(), List.of(), null);
    }

    /** A canary run by another deployment, found in {@code phase} with {@code live} and these alarm states. */
    public static CanaryCheckpoint inside(CanarySpec spec, CanaryPhase phase, Split live, Map<String, AlarmState> alarms) {
        return new CanaryCheckpoint(spec, phase, live, alarms, Map.of(), List.of(), null);
    }

    /** The same canary in another phase, with its own history dropped: the outer deployment keeps the story. */
    public CanaryCheckpoint inside(CanaryPhase next) {
        return new CanaryCheckpoint(spec, next, live, alarms, transitions, List.of(), null, analysis);
    }

    CanaryCheckpoint with(CanaryPhase next) {
        return new CanaryCheckpoint(spec, next, live, alarms, transitions, history, claim, analysis);
    }

    CanaryCheckpoint with(CanaryPhase next, Split nowLive) {
        return new CanaryCheckpoint(spec, next, nowLive, alarms, transitions, history, claim, analysis);
    }

    CanaryCheckpoint withRouter(io.jenkins.plugins.awsdeploy.engine.routing.RouterSpec router) {
        return new CanaryCheckpoint(spec.withRouter(router), phase, live, alarms, transitions, history, claim);
    }

    CanaryCheckpoint withAlarms(Map<String, AlarmState> states, Map<String, Instant> changedAt) {
        return new CanaryCheckpoint(spec, phase, live, states, changedAt, history, claim, analysis);
    }

    CanaryCheckpoint withAnalysis(AnalysisState next) {
        return new CanaryCheckpoint(spec, phase, live, alarms, transitions, history, claim, next);
    }

    @Override
    public CanaryCheckpoint withHistory(List<DeploymentEvent> all) {
        return new CanaryCheckpoint(spec, phase, live, alarms, transitions, all, claim, analysis);
    }

    @Override
    public CanaryCheckpoint withClaim(Claim c) {
        return new CanaryCheckpoint(spec, phase, live, alarms, transitions, history, c, analysis);
    }

    @Override
    public CanaryCheckpoint ended(Outcome outcome) {
        return with(new CanaryPhase.Finished(outcome));
    }

    @Override
    public Optional<Outcome> outcome() {
        return phase instanceof CanaryPhase.Finished f ? Optional.of(f.outcome()) : Optional.empty();
    }

    @Override
    public Optional<ApprovalRequest> approval() {
        if (!(phase instanceof CanaryPhase.AwaitingApproval a)) return Optional.empty();
        Split next = spec.plan().step(a.step()).split();
        Instant deadline = spec.approvalTimeout() == null ? null : a.since().plus(spec.approvalTimeout());
        return Optional.of(new ApprovalRequest("Shift to " + next.canary() + "% on the new side (" + next + ")?",
                a.since(), deadline));
    }

    @Override
    public boolean beforeAnyChange() {
        return phase instanceof CanaryPhase.Preflight;
    }

    @Override
    public List<String> contradictions() {
        int step = phase instanceof CanaryPhase.Shifting s ? s.step()
                : phase instanceof CanaryPhase.Baking b ? b.step()
                : phase instanceof CanaryPhase.Propagating w ? w.step()
                : phase instanceof CanaryPhase.AwaitingApproval a ? a.step() : 0;
        if (phase == null) return List.of("it has no phase");
        if (step < 0 || step >= spec.plan().size()) {
            return List.of("its phase is at step " + (step + 1) + " of a plan of " + spec.plan().size() + " step(s)");
        }
        return List.of();
    }

    @Override
    public String status() {
        String at = live.canary() + "% on the new side (" + live + ")";
        CanaryPhase p = phase;
        if (p instanceof CanaryPhase.Preflight) return "checking before any change";
        if (p instanceof CanaryPhase.Shifting s) return "shifting to " + spec.plan().step(s.step()).percent() + "%, " + at;
        if (p instanceof CanaryPhase.Propagating w) return "waiting for change " + w.change() + " of step " + (w.step() + 1)
                + "/" + spec.plan().size() + " to be in sync, " + at;
        if (p instanceof CanaryPhase.Baking b) return "baking step " + (b.step() + 1) + "/" + spec.plan().size() + ", " + at
                + ", until " + b.until();
        if (p instanceof CanaryPhase.AwaitingApproval a) return "waiting for approval of "
                + spec.plan().step(a.step()).percent() + "%, " + at;
        if (p instanceof CanaryPhase.RollingBack r) return "rolling back (" + r.cause().text() + "), " + at;
        return "finished: " + ((CanaryPhase.Finished) p).outcome().message();
    }
}
