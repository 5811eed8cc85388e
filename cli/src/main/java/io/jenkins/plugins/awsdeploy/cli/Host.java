package io.jenkins.plugins.awsdeploy.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Map;

/**
 * What a command runs in: its output streams, the terminal (if a person is there) and the environment.
 * {@code main} uses the process's own; tests pass their own so that a command runs in-process.
 *
 * @param terminal null when nobody can be asked (no console: a pipe, a CI job)
 * @param env      environment variables, for the default region
 */
public record Host(PrintWriter out, PrintWriter err, Terminal terminal, Map<String, String> env) {

    public Host {
        env = Map.copyOf(env);
    }

    public static Host system() {
        Charset charset = Charset.defaultCharset();
        return new Host(new PrintWriter(new OutputStreamWriter(System.out, charset), true),
                new PrintWriter(new OutputStreamWriter(System.err, charset), true),
                Terminal.system(), System.getenv());
    }
}
