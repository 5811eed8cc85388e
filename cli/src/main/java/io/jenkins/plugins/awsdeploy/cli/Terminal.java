package io.jenkins.plugins.awsdeploy.cli;

import java.io.Console;

/** A person at a keyboard, who can answer a question. */
@FunctionalInterface
public interface Terminal {

    /** Shows {@code prompt} and waits for one line; null when input has ended (Ctrl-D). */
    String ask(String prompt);

    /** The process's terminal, or null when stdin or stdout is not one. */
    static Terminal system() {
        Console console = System.console();
        return console == null ? null : prompt -> console.readLine("%s", prompt);
    }
}
