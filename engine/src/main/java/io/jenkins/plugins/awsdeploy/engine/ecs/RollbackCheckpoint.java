package io.jenkins.plugins.awsdeploy.engine.ecs;

import io.jenkins.plugins.awsdeploy.engine.ApprovalRequest;
import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.ownership.Claim;
import java.time.Instant;
import io.jenkins.plugins.awsdeploy.engine.ClockText;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * An ECS rollback in progress.
 *
 * @param choice    the target and why, once preflight has chosen it; null before
 * @param startedAt when the first tick ran, for the time to restore; null before
 * @param claim     who this rollback is, and whether the service carries its ownership marker
 */
public record RollbackCheckpoint(RollbackSpec spec, RollbackPhase phase, RollbackChoice choice, Instant startedAt,
                                 List<DeploymentEvent> history, Claim claim) implements Checkpoint {

    private static final DateTimeFormatter CLOCK = ClockText.UTC;

    public RollbackCheckpoint {
        history = List.copyOf(history);
    }

    /** A new rollback with an id of its own, run by this host. */
    public static RollbackCheckpoint start(RollbackSpec spec) {
        return start(spec, Claim.fresh());
    }

    /** A new rollback that is {@code who}: a shell that knows a stable id (a Jenkins build) gives it here. */
    public static RollbackCheckpoint start(RollbackSpec spec, Claim who) {
        return new RollbackCheckpoint(spec, new RollbackPhase.Preflight(), null, null, List.of(), who);
    }

    RollbackCheckpoint with(RollbackPhase next) {
        return new RollbackCheckpoint(spec, next, choice, startedAt, history, claim);
    }

    RollbackCheckpoint with(RollbackPhase next, RollbackChoice chosen) {
        return new RollbackCheckpoint(spec, next, chosen, startedAt, history, claim);
    }

    RollbackCheckpoint startedAt(Instant at) {
        return new RollbackCheckpoint(spec, phase, choice, at, history, claim);
    }

    @Override
    public RollbackCheckpoint withClaim(Claim c) {
        return new RollbackCheckpoint(spec, phase, choice, startedAt, history, c);
    }

    @Override
    public RollbackCheckpoint ended(Outcome outcome) {
        return with(new RollbackPhase.Finished(outcome));
    }

    @Override
    public RollbackCheckpoint withHistory(List<DeploymentEvent> all) {
        return new RollbackCheckpoint(spec, phase, choice, startedAt, all, claim);
    }

    @Override
    public Optional<Outcome> outcome() {
        return phase instanceof RollbackPhase.Finished f ? Optional.of(f.outcome()) : Optional.empty();
    }

    @Override
    public Optional<ApprovalRequest> approval() {
        return Optional.empty();
    }

    @Override
    public boolean beforeAnyChange() {
        return phase instanceof RollbackPhase.Preflight;
    }

    @Override
    public List<String> contradictions() {
        if (phase == null) return List.of("it has no phase");
        boolean needsChoice = phase instanceof RollbackPhase.Updating || phase instanceof RollbackPhase.WaitingStable;
        return needsChoice && choice == null ? List.of("it is past its check but has no target revision") : List.of();
    }

    @Override
    public String status() {
        String svc = "service " + spec.service();
        if (phase instanceof RollbackPhase.Preflight) return "checking " + svc + " before any change";
        if (phase instanceof RollbackPhase.Updating) return "updating " + svc + " from " + choice.from() + " to " + choice.target();
        if (phase instanceof RollbackPhase.WaitingStable w) {
            return "waiting until " + svc + " runs " + choice.target() + " stably, at most until " + CLOCK.format(w.deadline())
                    + (w.progress().isEmpty() ? "" : "; " + w.progress());
        }
        return "finished: " + ((RollbackPhase.Finished) phase).outcome().message();
    }
}
