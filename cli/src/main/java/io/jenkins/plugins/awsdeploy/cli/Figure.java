package io.jenkins.plugins.awsdeploy.cli;

/**
 * A figure a command reports after its outcome, such as the time a rollback took to restore service: a line
 * for the person ({@code Time to restore: 41.2s}), and a field of the last JSON line for a program.
 *
 * @param label     how the line starts
 * @param text      the figure in words
 * @param jsonField its name in the outcome's JSON line
 * @param jsonValue its value there; a number when it is one, so that a program need not parse the text
 */
public record Figure(String label, String text, String jsonField, Object jsonValue) {
}
