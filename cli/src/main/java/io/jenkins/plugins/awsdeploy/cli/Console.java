package io.jenkins.plugins.awsdeploy.cli;

import io.jenkins.plugins.awsdeploy.engine.Cause;
import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.EventLine;
import io.jenkins.plugins.awsdeploy.engine.Heartbeat;
import io.jenkins.plugins.awsdeploy.engine.JsonCodec;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.Restored;
import io.jenkins.plugins.awsdeploy.engine.Progress;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a command prints. Progress goes to stdout, one line per event; problems and errors to stderr,
 * naming options as typed. With {@code --json}, stdout carries only JSON lines (events, then the outcome),
 * and remarks meant for a person move to stderr so that a pipe reading stdout never sees them.
 *
 * <p>While a deployment runs, where it stands is shown one of two ways ({@link #showProgress}): on a terminal, a
 * {@link StatusLine} below the events, redrawn in place; anywhere else (a pipe, a CI log, {@code --json}), a
 * heartbeat line whenever the log has been silent for the {@code --heartbeat} interval.
 *
 * <p>Lines come from the deployment's timer thread, the signal handler and the main thread at once;
 * every method is synchronized so that lines never interleave mid-line.
 */
final class Console {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private final OptionNames names;
    private final EventLine lines = new EventLine(ZoneId.systemDefault());
    /** The live line on a terminal; null elsewhere. */
    private StatusLine live;
    /** While a question is asked on the terminal, the live line keeps off its line. */
    private boolean livePaused;
    /** When a log without a live line gets a heartbeat; null before a deployment runs. */
    private Heartbeat heartbeat;

    Console(Host host, boolean json, OptionNames names) {
        this.out = host.out();
        this.err = host.err();
        this.json = json;
        this.names = names;
    }

    public synchronized void event(DeploymentEvent event) {
        // JSON keeps the engine's words for programs; a person reads the options as typed.
        line(out, json ? JsonCodec.write(event) : names.words(lines.format(event)));
    }

    /** A remark for the person watching, which is not an event of the deployment. */
    public synchronized void note(String text) {
        line(json ? err : out, text);
    }

    public synchronized void warn(String text) {
        line(err, "warning: " + text);
    }

    /**
     * From now on, shows where the deployment stands on {@code live} (a terminal; never with {@code --json}), or
     * else as heartbeat lines at {@code heartbeat}'s cadence.
     *
     * @param live null when the output cannot redraw
     */
    public synchronized void showProgress(StatusLine live, Heartbeat heartbeat) {
        this.live = json ? null : live;
        this.heartbeat = heartbeat;
    }

    /**
     * Where the deployment stands now, called every second or so while it runs: redraws the live line, or writes a
     * heartbeat (a {@code progress} event with {@code --json}) when one is due.
     */
    public synchronized void progress(Progress p) {
        if (live != null) {
            if (!livePaused) live.draw(names.words(live.render(p)));
            return;
        }
        if (heartbeat == null || !heartbeat.due(p.at())) return;
        line(out, json ? JsonCodec.write(progressJson(p)) : names.words(lines.format(p)));
        heartbeat.wrote(p.at());
    }

    /** Keeps the live line off the terminal's last line while a person types an answer there. */
    public synchronized void pauseLive(boolean paused) {
        livePaused = paused;
        if (paused && live != null) live.erase();
    }

    /** The deployment ended: the live line goes, so that the outcome is the last thing on the screen. */
    public synchronized void endProgress() {
        if (live != null) live.erase();
        live = null;
        heartbeat = null;
    }

    /** A {@code progress} event: the fields of {@link Progress}, with the time left in seconds. */
    private static Map<String, Object> progressJson(Progress p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", p.at().toString());
        m.put("kind", "PROGRESS");
        m.put("phase", p.phase());
        m.put("doing", p.doing());
        if (p.waitStarted() != null) m.put("waitStarted", p.waitStarted().toString());
        if (p.waitEnds() != null) m.put("waitEnds", p.waitEnds().toString());
        if (p.secondsLeft() != null) m.put("secondsLeft", p.secondsLeft());
        if (p.split() != null) {
            m.put("weights", p.split());
            m.put("sides", p.sides());
        }
        m.put("alarms", p.alarms());
        m.put("next", p.next());
        m.put("message", p.sentence());
        return m;
    }

    /** Every line goes through here: it goes above the live line, and it breaks the silence a heartbeat fills. */
    private void line(PrintWriter to, String text) {
        if (live != null && !livePaused) {
            live.above(to, text);
        } else {
            to.println(text);
            to.flush();
        }
        if (heartbeat != null && to == out) heartbeat.wrote(Instant.now());
    }

    /** Input that was refused before anything in AWS was called or changed: exit code 2. */
    public synchronized int invalid(List<Problem> problems) {
        Outcome.Invalid outcome = new Outcome.Invalid(problems.stream().map(names::spell).toList());
        printProblems(outcome);
        if (json) printJsonOutcome(outcome, List.of());
        return outcome.exitCode();
    }

    /**
     * The deployment's end: the message, the exit code, and for a failed preflight each problem as typed; then the
     * command's figures, each on a line of its own and as a field of the JSON line.
     */
    public synchronized int outcome(Outcome outcome, List<Figure> figures) {
        if (outcome instanceof Outcome.Invalid invalid) {
            outcome = new Outcome.Invalid(invalid.problems().stream().map(names::spell).toList());
            printProblems((Outcome.Invalid) outcome);
        } else {
            PrintWriter to = outcome.exitCode() == 0 ? out : err;
            if (json) to = err;
            to.println(headline(outcome) + ": " + names.words(outcome.message()));
            for (Figure f : figures) {
                to.println(f.label() + ": " + f.text());
            }
            to.flush();
        }
        if (json) printJsonOutcome(outcome, figures);
        return outcome.exitCode();
    }

    private void printProblems(Outcome.Invalid outcome) {
        for (Problem p : outcome.problems()) {
            err.println(p.parameter() + ": " + p.message());
        }
        err.println("Nothing was changed in AWS (exit code 2).");
        err.flush();
    }

    private void printJsonOutcome(Outcome outcome, List<Figure> figures) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("outcome", outcome.getClass().getSimpleName());
        line.put("exitCode", outcome.exitCode());
        line.put("message", outcome.message());
        if (outcome instanceof Outcome.Invalid invalid) line.put("problems", invalid.problems());
        // The parts the message is worded from, for scripts that act on an alarm differently from a decline.
        if (outcome instanceof Outcome.RolledBack r) {
            line.put("cause", JsonCodec.tree(r.cause(), Cause.class));
            line.put("restored", JsonCodec.tree(r.restored(), Restored.class));
        }
        if (outcome instanceof Outcome.Stopped s) {
            line.put("cause", JsonCodec.tree(s.why(), Cause.class));
            line.put("restored", JsonCodec.tree(s.restored(), Restored.class));
        }
        figures.forEach(f -> line.put(f.jsonField(), f.jsonValue()));
        out.println(JsonCodec.write(line));
        out.flush();
    }

    static String headline(Outcome outcome) {
        return switch (outcome.exitCode()) {
            case 0 -> "Done";
            case 2 -> "Nothing changed";
            case 3 -> "Rolled back (exit code 3)";
            case 4 -> "Stopped (exit code 4)";
            case 5 -> "UNSAFE, a person must act (exit code 5)";
            default -> "Failed (exit code " + outcome.exitCode() + ")";
        };
    }
}
