package io.jenkins.plugins.awsdeploy.cli;

import java.io.Console;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** A person at a keyboard, who can answer a question. */
@FunctionalInterface
public interface Terminal {

    /** Shows {@code prompt} and waits for one line; null when input has ended (Ctrl-D). */
    String ask(String prompt);

    /** Whether a line can be redrawn in place (a live status line); false for a dumb terminal. */
    default boolean redraws() {
        return false;
    }

    /** How many characters fit on one line. */
    default int columns() {
        return 80;
    }

    /** The process's terminal, or null when stdin or stdout is not one. */
    static Terminal system() {
        Console console = System.console();
        if (console == null) return null;
        String term = System.getenv("TERM");
        boolean redraws = term != null && !term.isBlank() && !term.equals("dumb");
        return new Terminal() {
            private int columns;

            @Override
            public String ask(String prompt) {
                return console.readLine("%s", prompt);
            }

            @Override
            public boolean redraws() {
                return redraws;
            }

            @Override
            public synchronized int columns() {
                if (columns == 0) columns = measureColumns();
                return columns;
            }
        };
    }

    /**
     * The terminal's width: {@code COLUMNS} when the shell exports it, else what {@code stty size} says about the
     * controlling terminal (Java has no call for it), else 80.
     */
    private static int measureColumns() {
        try {
            String env = System.getenv("COLUMNS");
            if (env != null && env.matches("\\d{2,4}")) return Integer.parseInt(env);
            Process stty = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String size = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (stty.waitFor(2, TimeUnit.SECONDS) && size.matches("\\d+ \\d+")) {
                int cols = Integer.parseInt(size.substring(size.indexOf(' ') + 1));
                if (cols > 0) return cols;
            }
        } catch (IOException | RuntimeException e) {
            // no stty (Windows) or no controlling terminal: the default will do
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 80;
    }
}
