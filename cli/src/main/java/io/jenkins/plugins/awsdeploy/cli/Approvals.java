package io.jenkins.plugins.awsdeploy.cli;

import io.jenkins.plugins.awsdeploy.engine.ApprovalRequest;
import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.DeploymentLoop;
import java.time.Instant;
import java.util.Locale;

/**
 * Answers the engine's questions: at once with {@code --auto-approve}, or by asking the person at the terminal.
 * The question is read on a thread of its own, because the deployment's timer must keep polling the alarms
 * while the person thinks; an alarm closes the question and the late answer is ignored.
 */
final class Approvals {

    private final Terminal terminal;
    private final boolean automatic;
    private final Console console;
    private final String person;
    /** When the last question this class took up was opened: a checkpoint stored again meanwhile is not a new one. */
    private Instant handled;
    /** Whether a person is looking at a question right now. */
    private boolean open;

    /** @param terminal null when nobody can be asked; then only {@code automatic} approvals are possible */
    Approvals(Terminal terminal, boolean automatic, Console console) {
        this.terminal = terminal;
        this.automatic = automatic;
        this.console = console;
        this.person = System.getProperty("user.name", "someone") + " at the terminal";
    }

    /** Called with every checkpoint the deployment stores. */
    synchronized void offer(Checkpoint checkpoint, DeploymentLoop loop) {
        ApprovalRequest request = checkpoint.approval().orElse(null);
        if (request == null) {
            if (open) {
                console.note("The question is closed; an answer typed now is ignored.");
                open = false;
                console.pauseLive(false);
            }
            return;
        }
        if (request.since().equals(handled)) return;
        handled = request.since();
        if (automatic) {
            loop.approve("--auto-approve");
        } else if (terminal != null) {
            Thread reader = new Thread(() -> ask(request, loop), "aws-deploy-approval");
            // A question left open when the deployment ends (an alarm rolled it back) must not keep the JVM alive.
            reader.setDaemon(true);
            open = true;
            // The prompt takes the terminal's last line: the live status line keeps off it until the answer.
            console.pauseLive(true);
            reader.start();
        } else {
            // Preflight refuses approval steps without a terminal; this is the last line of defence.
            loop.decline("nobody (no terminal to ask)");
        }
    }

    private void ask(ApprovalRequest request, DeploymentLoop loop) {
        while (true) {
            String answer = terminal.ask(request.question() + " Alarms are watched meanwhile. [y/n] ");
            String a = answer == null ? "n" : answer.trim().toLowerCase(Locale.ROOT);
            boolean yes = a.equals("y") || a.equals("yes");
            if (!yes && !a.equals("n") && !a.equals("no")) {
                continue;
            }
            synchronized (this) {
                if (!open || !request.since().equals(handled)) return;
                open = false;
            }
            console.pauseLive(false);
            if (yes) {
                loop.approve(person);
            } else {
                loop.decline(answer == null ? person + " (end of input)" : person);
            }
            return;
        }
    }
}
