package io.jenkins.plugins.awsdeploy.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/** Runs {@code aws-deploy} in this JVM with captured output, as a person would type it. */
final class CommandLineRun {

    record Result(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private CommandLineRun() {
    }

    /** With no terminal and no AWS variables in the environment. */
    static Result run(String... args) {
        return run(null, Map.of(), args);
    }

    static Result run(Terminal terminal, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AwsDeploy.execute(new Host(new PrintWriter(out, true), new PrintWriter(err, true), terminal, env), args);
        return new Result(exit, out.toString(), err.toString());
    }
}
