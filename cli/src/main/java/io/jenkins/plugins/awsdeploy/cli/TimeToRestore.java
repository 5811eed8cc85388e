package io.jenkins.plugins.awsdeploy.cli;

import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.ecs.RollbackCheckpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * How long a rollback took to restore the service: from its first check to the poll that found the service
 * stable on the target revision. Measured on the engine's own event times, which a resumed run keeps, so a
 * crash in between counts as the outage it was.
 */
final class TimeToRestore {

    static final String LABEL = "Time to restore";
    static final String JSON_FIELD = "timeToRestoreMillis";

    private TimeToRestore() {
    }

    /** Empty when the rollback never got past its input or preflight: there was nothing to restore. */
    static Optional<Figure> of(RollbackCheckpoint last) {
        if (last == null || last.startedAt() == null) return Optional.empty();
        Outcome outcome = last.outcome().orElse(null);
        if (outcome == null || outcome instanceof Outcome.Invalid) return Optional.empty();
        Instant start = last.startedAt();
        if (last.spec().dryRun()) {
            return Optional.of(figure("none, a dry run changes nothing", null));
        }
        Optional<Instant> stable = last.history().stream().filter(e -> e.kind() == EventKind.SERVICE_STABLE)
                .map(DeploymentEvent::at).reduce((a, b) -> b);
        if (stable.isPresent()) {
            Duration took = Duration.between(start, stable.get());
            return Optional.of(figure(format(took) + " (from the first check until the service was seen stable on "
                    + last.choice().target() + ")", took.toMillis()));
        }
        Instant end = last.history().isEmpty() ? start : last.history().get(last.history().size() - 1).at();
        String after = format(Duration.between(start, end)) + " after the start";
        boolean updated = last.history().stream().anyMatch(e -> e.kind() == EventKind.SERVICE_UPDATED);
        if (outcome instanceof Outcome.Succeeded && !updated && last.spec().noWait()) {
            return Optional.of(figure("not measured: the service already pointed at the target and --no-wait did not "
                    + "wait for ECS", null));
        }
        if (outcome instanceof Outcome.Succeeded && !updated) {
            return Optional.of(figure("0s: the service already ran the target stably; nothing was changed in AWS", 0L));
        }
        if (outcome instanceof Outcome.Succeeded) {
            return Optional.of(figure("not measured: --no-wait ended once ECS had accepted the update (" + after
                    + "); ECS is still replacing the tasks", null));
        }
        return Optional.of(figure("not restored: the service was not seen stable on the target (ended " + after + ")", null));
    }

    private static Figure figure(String text, Long millis) {
        return new Figure(LABEL, text, JSON_FIELD, millis);
    }

    /** {@code 0.8s}, {@code 41.2s}, {@code 3m05s}: tenths matter for a rollback on a fast service, not for a slow one. */
    static String format(Duration d) {
        long millis = Math.max(0, d.toMillis());
        if (millis < 60_000) return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        long s = millis / 1000;
        return s >= 3600
                ? String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, s % 3600 / 60, s % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
