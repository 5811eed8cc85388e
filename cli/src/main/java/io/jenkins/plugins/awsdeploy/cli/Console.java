package io.jenkins.plugins.awsdeploy.cli;

import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.EventLine;
import io.jenkins.plugins.awsdeploy.engine.JsonCodec;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a command prints. Progress goes to stdout, one line per event; problems and errors to stderr,
 * naming options as typed. With {@code --json}, stdout carries only JSON lines (events, then the outcome),
 * and remarks meant for a person move to stderr so that a pipe reading stdout never sees them.
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

    Console(Host host, boolean json, OptionNames names) {
        this.out = host.out();
        this.err = host.err();
        this.json = json;
        this.names = names;
    }

    public synchronized void event(DeploymentEvent event) {
        // JSON keeps the engine's words for programs; a person reads the options as typed.
        out.println(json ? JsonCodec.write(event) : names.words(lines.format(event)));
        out.flush();
    }

    /** A remark for the person watching, which is not an event of the deployment. */
    public synchronized void note(String text) {
        PrintWriter to = json ? err : out;
        to.println(text);
        to.flush();
    }

    public synchronized void warn(String text) {
        err.println("warning: " + text);
        err.flush();
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
