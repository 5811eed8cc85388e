package io.jenkins.plugins.awsdeploy.cli;

/**
 * The exit codes as the help shows them, one constant each so that every command's {@code exitCodeList} says
 * the same thing (annotation values must be constants, so a shared array will not do).
 */
public final class ExitCodeHelp {

    public static final String HEADING = "%nExit codes (the same for every command):%n";
    public static final String DONE = "0:done";
    public static final String INVALID = "2:invalid input or failed preflight; nothing was changed in AWS";
    public static final String ROLLED_BACK = "3:rolled back after an alarm or failed health; traffic is on the stable side";
    public static final String STOPPED = "4:stopped by a person (declined, Ctrl-C, SIGTERM) and rolled back";
    public static final String UNSAFE = "5:could not finish and could not restore safely; the message says where traffic is"
            + " and what to do";
    public static final String OTHER = "1:anything else";

    private ExitCodeHelp() {
    }
}
