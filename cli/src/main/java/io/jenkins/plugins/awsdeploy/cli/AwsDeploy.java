package io.jenkins.plugins.awsdeploy.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code aws-deploy}: safe AWS releases from a terminal or a CI job. */
@Command(name = "aws-deploy",
        description = "Safe AWS releases: shift traffic step by step while CloudWatch alarms are watched, and put it "
                + "back at the first sign of trouble.",
        mixinStandardHelpOptions = true,
        versionProvider = AwsDeploy.Version.class,
        subcommands = {CanaryCommand.class, BlueGreenCommand.class, EcsRollbackCommand.class, DemoCommand.class,
                EmulatorCommand.class},
        exitCodeListHeading = ExitCodeHelp.HEADING,
        exitCodeList = {ExitCodeHelp.DONE, ExitCodeHelp.INVALID, ExitCodeHelp.ROLLED_BACK, ExitCodeHelp.STOPPED,
                ExitCodeHelp.UNSAFE, ExitCodeHelp.OTHER},
        footer = {"", "Credentials come from the default chain: environment, profile, SSO, instance or task role.",
                "Try 'aws-deploy demo' to watch a canary roll back against a local emulator, or 'aws-deploy emulator' to",
                "run the commands yourself against one."})
public final class AwsDeploy implements Callable<Integer> {

    private final Host host;

    @Spec
    private CommandSpec command;

    public AwsDeploy(Host host) {
        this.host = host;
    }

    Host host() {
        return host;
    }

    /** {@code aws-deploy} alone is a usage error: it says what the commands are. */
    @Override
    public Integer call() {
        CommandLine cli = command.commandLine();
        cli.getErr().println("Missing command: say which kind of deployment to run.");
        cli.usage(cli.getErr());
        return command.exitCodeOnInvalidInput();
    }

    public static void main(String[] args) {
        System.exit(execute(Host.system(), args));
    }

    /** Runs one command line and returns its exit code, without exiting: what {@code main} and the tests call. */
    public static int execute(Host host, String... args) {
        CommandLine cli = new CommandLine(new AwsDeploy(host));
        cli.setOut(host.out());
        cli.setErr(host.err());
        cli.setParameterExceptionHandler(AwsDeploy::usageError);
        cli.setExecutionExceptionHandler((e, failed, parsed) -> {
            failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": unexpected error: " + e);
            e.printStackTrace(failed.getErr());
            return failed.getCommandSpec().exitCodeOnExecutionException();
        });
        try {
            return cli.execute(args);
        } finally {
            host.out().flush();
            host.err().flush();
        }
    }

    /** Just the problem and where to read more: the full usage would push the message off the screen. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine failed = e.getCommandLine();
        PrintWriter err = failed.getErr();
        err.println(failed.getCommandSpec().qualifiedName() + ": " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for more information."
                + " Nothing was changed in AWS (exit code 2).");
        return failed.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** The version the jar was built as. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = AwsDeploy.class.getPackage().getImplementationVersion();
            return new String[] {"aws-deploy " + (v == null ? "(development build)" : v)};
        }
    }
}
