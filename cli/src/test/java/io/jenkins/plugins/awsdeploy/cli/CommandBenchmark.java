package io.jenkins.plugins.awsdeploy.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Prints the whole-command figure of docs/performance.md: the CPU a 10-step canary with one alarm costs as one
 * {@code aws-deploy canary} process, JVM start included, against the same steps made by the {@code aws} CLI in a
 * shell loop. Not a test: figures are measured, never asserted. Run with {@code .ci/benchmark command}.
 *
 * <p>CPU, not wall time: the build machine is shared, and CPU time (user + system of the whole process tree, as
 * the kernel accounts it to a reaped child) hardly moves with what else runs. Each arg is one way to start the
 * command, e.g. {@code "java -jar cli/target/aws-deploy.jar"}; each is run once unmeasured (its first run, which
 * may create a class-data archive, is printed on its own), then {@code bench.runs} times.
 */
public final class CommandBenchmark {

    private static final List<Integer> STEPS = IntStream.rangeClosed(1, 10).map(i -> i * 10).boxed().toList();

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--classlist")) {
            classList(Path.of(args[1]));
            return;
        }
        int runs = Integer.getInteger("bench.runs", 5);
        List<String> launchers = args.length > 0 ? Arrays.asList(args) : defaultLaunchers();
        System.out.printf(Locale.ROOT, "aws-deploy whole-command benchmark, %s, %d cores, Java %s%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "canary --steps %s --bake 0s --alarm (one), moto on loopback; CPU = user + sys of the process tree%n",
                STEPS.stream().map(String::valueOf).collect(Collectors.joining(",")));
        try (LocalStage stage = LocalStage.start()) {
            List<Figure> figures = new ArrayList<>();
            int scene = 0;
            for (String launcher : launchers) {
                List<String> command = Arrays.asList(launcher.trim().split("\\s+"));
                LocalStage.Scene first = stage.scene("bench-" + scene++);
                double firstRun = cpuSeconds(canary(command, first, stage));
                List<Double> cpu = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    cpu.add(cpuSeconds(canary(command, stage.scene("bench-" + scene++), stage)));
                }
                figures.add(new Figure(launcher, firstRun, cpu));
            }
            LocalStage.Scene shellScene = stage.scene("bench-shell");
            String aws = System.getProperty("bench.aws", "aws");
            List<Double> shell = new ArrayList<>();
            for (int i = 0; i < Integer.getInteger("bench.shellRuns", 3); i++) {
                stage.resources.setListenerWeights(shellScene.listener(), LocalStage.weights(shellScene.stable(), 100, shellScene.canary(), 0));
                shell.add(cpuSeconds(shellLoop(aws, shellScene, stage)));
            }
            double shellMedian = median(shell);

            System.out.println();
            System.out.printf(Locale.ROOT, "%-58s %8s %8s %8s %8s %8s%n", "", "median", "min", "max", "1st run", "ratio");
            for (Figure f : figures) {
                System.out.printf(Locale.ROOT, "%-58s %7.2fs %7.2fs %7.2fs %7.2fs %7.1fx%n", f.launcher, median(f.cpu),
                        f.cpu.stream().mapToDouble(d -> d).min().orElseThrow(), f.cpu.stream().mapToDouble(d -> d).max().orElseThrow(),
                        f.firstRun, shellMedian / median(f.cpu));
            }
            System.out.printf(Locale.ROOT, "%-58s %7.2fs %7.2fs %7.2fs%n", "aws CLI in a shell loop (3 calls per step: " + shell.size() + " runs)",
                    shellMedian, shell.stream().mapToDouble(d -> d).min().orElseThrow(), shell.stream().mapToDouble(d -> d).max().orElseThrow());
            System.out.printf(Locale.ROOT, "(%d runs of each command after the first; ratio = the shell loop's median CPU / the command's; goal: at least 10x)%n", runs);
        }
    }

    /**
     * Writes the list of classes the build archives for the launcher (cli/src/main/cds): what the benchmark's canary
     * loads, in the order it loads them, each once.
     */
    static void classList(Path file) throws Exception {
        Path raw = Files.createTempFile("aws-deploy", ".classlist");
        try (LocalStage stage = LocalStage.start()) {
            cpuSeconds(canary(List.of("java", "-XX:DumpLoadedClassList=" + raw, "-jar", "cli/target/aws-deploy.jar"),
                    stage.scene("classlist"), stage));
            List<String> lines = new ArrayList<>(List.of(
                    "# The classes `aws-deploy canary` loads: the build archives them into cli/target/aws-deploy.jsa for the",
                    "# launcher (docs/performance.md). Written by `.ci/benchmark classlist`; a class that is gone is skipped."));
            Files.readAllLines(raw).stream().filter(l -> !l.startsWith("#")).distinct().forEach(lines::add);
            Files.write(file, lines);
            System.out.printf(Locale.ROOT, "%s: %d lines%n", file, lines.size());
        } finally {
            Files.delete(raw);
        }
    }

    private record Figure(String launcher, double firstRun, List<Double> cpu) {
    }

    /** The launcher script if it was built, and the plain jar as the README shows it. */
    private static List<String> defaultLaunchers() {
        List<String> launchers = new ArrayList<>();
        launchers.add("java -jar cli/target/aws-deploy.jar");
        if (Files.isExecutable(Path.of("cli/target/aws-deploy"))) launchers.add("cli/target/aws-deploy");
        return launchers;
    }

    private static ProcessBuilder canary(List<String> launcher, LocalStage.Scene scene, LocalStage stage) {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(CommandArgs.canary(scene, stage)
                .set("--steps", STEPS.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .set("--bake", "0s")
                .toArray()));
        return credentials(new ProcessBuilder(command));
    }

    /**
     * What a shell script does for the same canary without the engine: per step, write the weights, read them
     * back, read the alarm. It checks no more than that (no guard read, no preflight), so it is the cheapest
     * fair baseline.
     */
    private static ProcessBuilder shellLoop(String aws, LocalStage.Scene scene, LocalStage stage) {
        String script = """
                set -e
                for w in %s; do
                  "$AWS" elbv2 modify-listener --listener-arn "$LISTENER" --default-actions \\
                    "Type=forward,ForwardConfig={TargetGroups=[{TargetGroupArn=$STABLE,Weight=$((100 - w))},{TargetGroupArn=$CANARY,Weight=$w}]}"
                  "$AWS" elbv2 describe-listeners --listener-arns "$LISTENER"
                  "$AWS" cloudwatch describe-alarms --alarm-names "$ALARM"
                done
                """.formatted(STEPS.stream().map(String::valueOf).collect(Collectors.joining(" ")));
        ProcessBuilder pb = credentials(new ProcessBuilder("bash", "-c", script));
        pb.environment().put("AWS", aws);
        pb.environment().put("LISTENER", scene.listener());
        pb.environment().put("STABLE", scene.stable());
        pb.environment().put("CANARY", scene.canary());
        pb.environment().put("ALARM", scene.alarm());
        pb.environment().put("AWS_ENDPOINT_URL", stage.aws.moto().endpoint().toString());
        pb.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        pb.environment().put("AWS_DEFAULT_OUTPUT", "json");
        pb.environment().put("AWS_PAGER", "");
        return pb;
    }

    private static ProcessBuilder credentials(ProcessBuilder pb) {
        pb.environment().put("AWS_ACCESS_KEY_ID", "test");
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "test");
        pb.environment().remove("AWS_PROFILE");
        return pb.redirectErrorStream(true);
    }

    /** Runs to the end; the CPU the kernel accounts to the reaped process and everything it waited for. */
    private static double cpuSeconds(ProcessBuilder pb) throws IOException, InterruptedException {
        Path out = Files.createTempFile("aws-deploy-bench", ".log");
        try {
            long before = childrenCpuTicks();
            int exit = pb.redirectOutput(out.toFile()).start().waitFor();
            long ticks = childrenCpuTicks() - before;
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", pb.command()) + " exited " + exit + ":\n" + Files.readString(out));
            }
            return ticks / (double) TICKS_PER_SECOND;
        } finally {
            Files.delete(out);
        }
    }

    /** CPU of this JVM's reaped child processes, in clock ticks (fields 16 and 17 of /proc/self/stat). */
    private static long childrenCpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }

    private static final long TICKS_PER_SECOND = ticksPerSecond();

    private static long ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return Long.parseLong(out);
        } catch (IOException | InterruptedException | NumberFormatException e) {
            return 100; // USER_HZ is 100 on every Linux this runs on
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private CommandBenchmark() {
    }
}
