package io.jenkins.plugins.awsdeploy.cli;

import java.lang.management.ManagementFactory;

/**
 * Stands in for the command in {@link LauncherTest}: prints the JVM options it was started with and its
 * arguments, one a line, and exits with the code its first argument names.
 */
public final class LauncherProbe {

    public static void main(String[] args) {
        ManagementFactory.getRuntimeMXBean().getInputArguments().forEach(a -> System.out.println("jvm " + a));
        for (String a : args) System.out.println("arg " + a);
        System.exit(Integer.parseInt(args[0]));
    }

    private LauncherProbe() {
    }
}
