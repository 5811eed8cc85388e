package io.jenkins.plugins.awsdeploy.engine;

import java.util.List;
import java.util.stream.Collectors;

/**
 * How an {@link Outcome} reads at the end of a log, a build page or a {@code --json} line: the one place its
 * parts become sentences, so that the strategies hand over values and every shell says the same thing.
 */
public final class OutcomeText {

    private OutcomeText() {
    }

    public static String of(Outcome outcome) {
        if (outcome instanceof Outcome.Succeeded s) return s.message();
        if (outcome instanceof Outcome.Failed f) return f.message();
        if (outcome instanceof Outcome.Invalid i) {
            return "nothing was changed in AWS: " + i.problems().stream().map(Problem::toString).collect(Collectors.joining("; "));
        }
        if (outcome instanceof Outcome.RolledBack r) return early(r.cause(), r.restored()) + notes(r.notes());
        if (outcome instanceof Outcome.Stopped s) return early(s.why(), s.restored()) + notes(s.notes());
        Outcome.Unsafe u = (Outcome.Unsafe) outcome;
        return u.advice().isEmpty() ? u.where() : u.where() + ". " + u.advice();
    }

    /** {@code alarm 5xx is ALARM (...); all traffic is back on the stable side (100/0)}. */
    static String early(Cause cause, Restored restored) {
        String why = cause.text();
        if (restored == null) return why;
        if (restored instanceof Restored.Untouched) return why + " before any change; nothing was changed in AWS";
        if (restored instanceof Restored.StillOn s) return why + "; nothing was switched, all traffic is still on " + s.side();
        if (restored instanceof Restored.BackOn b) return why + "; all traffic is back on " + b.side() + " (100/0)";
        return why + "; " + ((Restored.AsFound) restored).account();
    }

    private static String notes(List<String> notes) {
        return notes.stream().map(n -> "; " + n).collect(Collectors.joining());
    }
}
