package io.jenkins.plugins.awsdeploy.engine.bench;

import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.DeploymentLoop;
import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Tick;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsAccess;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsSession;
import io.jenkins.plugins.awsdeploy.engine.aws.SessionCredentials;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryPhase;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryRequest;
import io.jenkins.plugins.awsdeploy.engine.canary.CanarySpec;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAws;
import io.jenkins.plugins.awsdeploy.engine.testing.MotoAlb;
import io.jenkins.plugins.awsdeploy.localaws.FaultProxy;
import io.jenkins.plugins.awsdeploy.localaws.LocalAws;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * Prints the figures of docs/performance.md. Not a test: figures are measured, never asserted.
 * Run with {@code .ci/benchmark} (or {@code .ci/benchmark waiting} etc. for one part).
 */
public final class CanaryBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        List<String> parts = args.length == 0 ? List.of("steps", "latency", "calls", "waiting") : Arrays.asList(args);
        System.out.printf(Locale.ROOT, "aws-deployment-strategies canary benchmark, %s, %d cores, Java %s%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        if (parts.contains("waiting")) {
            waiting(Integer.getInteger("bench.deployments", 10_000), Integer.getInteger("bench.threads", 16));
        }
        if (parts.stream().anyMatch(p -> !p.equals("waiting"))) {
            try (LocalAws local = LocalAws.start()) {
                if (parts.contains("steps")) steps(local);
                if (parts.contains("latency")) latency(local);
                if (parts.contains("calls")) calls(local);
            }
        }
    }

    // ---- 1. a traffic step: engine in a warm JVM versus the aws CLI

    static void steps(LocalAws local) throws Exception {
        try (MotoAlb alb = MotoAlb.create(local.endpoint(), "bench-steps").alarm("bench-5xx");
             AwsSession session = new AwsSession(access(local.endpoint()))) {
            Engine engine = new Engine(session.ports());
            int warmup = 200;
            int measured = 300;
            runSteps(engine, alb, warmup);
            alb.setListenerWeights(1, 0);
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            runSteps(engine, alb, measured);
            double engineCpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e6 / measured;
            double engineWall = (System.nanoTime() - wall0) / 1e6 / measured;

            int cliSteps = Integer.getInteger("bench.cliSteps", 5);
            URI moto = local.moto().endpoint();
            long child0 = childrenCpuTicks();
            long cliWall0 = System.nanoTime();
            for (int i = 0; i < cliSteps; i++) {
                int green = i % 2 == 0 ? 10 : 0;
                aws(moto, "elbv2", "describe-listeners", "--listener-arns", alb.listenerArn);
                aws(moto, "elbv2", "modify-listener", "--listener-arn", alb.listenerArn, "--default-actions",
                        "Type=forward,ForwardConfig={TargetGroups=[{TargetGroupArn=" + alb.blueTg + ",Weight=" + (100 - green)
                                + "},{TargetGroupArn=" + alb.greenTg + ",Weight=" + green + "}]}");
                aws(moto, "elbv2", "describe-listeners", "--listener-arns", alb.listenerArn);
                aws(moto, "cloudwatch", "describe-alarms", "--alarm-names", "bench-5xx");
            }
            double cliCpu = (childrenCpuTicks() - child0) * 1000.0 / ticksPerSecond() / cliSteps;
            double cliWall = (System.nanoTime() - cliWall0) / 1e6 / cliSteps;

            System.out.println();
            System.out.println("1. One traffic step (read weights, modify listener, read back, describe alarms), moto on loopback");
            System.out.printf(Locale.ROOT, "   %-34s %10s %10s%n", "", "CPU ms", "wall ms");
            System.out.printf(Locale.ROOT, "   %-34s %10.2f %10.2f   (mean of %d steps after %d warm-up)%n",
                    "engine, warm JVM (calling thread)", engineCpu, engineWall, measured, warmup);
            System.out.printf(Locale.ROOT, "   %-34s %10.1f %10.1f   (mean of %d steps, 4 processes each)%n",
                    "aws CLI, as a shell step would", cliCpu, cliWall, cliSteps);
            System.out.printf(Locale.ROOT, "   CPU ratio: %.0fx less with the engine (goal: at least 20x)%n", cliCpu / engineCpu);
        }
    }

    /** Runs a plan of one-percent steps with no bake: each step is one shift tick and one bake tick. */
    private static void runSteps(Engine engine, MotoAlb alb, int steps) {
        int done = 0;
        while (done < steps) {
            alb.setListenerWeights(1, 0);
            int n = Math.min(100, steps - done);
            List<Integer> path = IntStream.rangeClosed(101 - n, 100).boxed().toList();
            Checkpoint c = CanaryCheckpoint.start(spec(alb, path, "0s", "1s", List.of("bench-5xx")));
            Tick t = engine.advance(c, Instant.now());
            while (t.wakeAt() != null) {
                t = engine.advance(t.checkpoint(), Instant.now());
            }
            if (!(t.checkpoint().outcome().orElseThrow() instanceof Outcome.Succeeded)) {
                throw new IllegalStateException(t.checkpoint().outcome().orElseThrow().message());
            }
            done += n;
        }
    }

    // ---- 2. alarm to traffic restored

    static void latency(LocalAws local) throws Exception {
        int runs = Integer.getInteger("bench.runs", 20);
        List<Double> millis = new ArrayList<>();
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        try (AwsSession session = new AwsSession(access(local.endpoint()))) {
            for (int i = 0; i < runs; i++) {
                try (MotoAlb alb = MotoAlb.create(local.endpoint(), "bench-lat-" + i).alarm("lat-" + i)) {
                    CanarySpec spec = spec(alb, List.of(50, 100), "30s", "1s", List.of("lat-" + i));
                    CountDownLatch shifted = new CountDownLatch(1);
                    CompletableFuture<Instant> restored = new CompletableFuture<>();
                    DeploymentLoop loop = new DeploymentLoop(new Engine(session.ports()), timer, Clock.systemUTC(),
                            new DeploymentLoop.Listener() {
                                public void event(DeploymentEvent e) {
                                    if (e.kind() == EventKind.SHIFTED) shifted.countDown();
                                    if (e.kind() == EventKind.ROLLED_BACK) restored.complete(Instant.now());
                                }

                                public void save(Checkpoint c) {
                                }
                            });
                    CompletableFuture<Outcome> outcome = loop.start(CanaryCheckpoint.start(spec), false);
                    shifted.await(30, TimeUnit.SECONDS);
                    // Fire at a random moment of the poll cycle, as a real alarm would.
                    Thread.sleep(ThreadLocalRandom.current().nextInt(200, 2200));
                    alb.setAlarm("lat-" + i, StateValue.ALARM, "benchmark");
                    Instant fired = Instant.now();
                    Instant back = restored.get(30, TimeUnit.SECONDS);
                    outcome.get(30, TimeUnit.SECONDS);
                    millis.add(Duration.between(fired, back).toNanos() / 1e6);
                }
            }
        } finally {
            timer.shutdownNow();
        }
        millis.sort(Double::compare);
        System.out.println();
        System.out.printf(Locale.ROOT, "2. Alarm to traffic restored (SetAlarmState returned -> 100/0 written and read back), --poll 1s, %d runs%n", runs);
        System.out.printf(Locale.ROOT, "   p50 %.0f ms, p95 %.0f ms, max %.0f ms (goal: p95 within poll + 0.5 s = 1500 ms)%n",
                pct(millis, 50), pct(millis, 95), millis.get(millis.size() - 1));
    }

    // ---- 3. calls per step and per poll

    static void calls(LocalAws local) throws Exception {
        List<String> alarms = IntStream.range(0, 100).mapToObj(i -> "calls-" + i).toList();
        try (MotoAlb alb = MotoAlb.create(local.endpoint(), "bench-calls");
             FaultProxy counter = FaultProxy.builder(local.endpoint()).start();
             AwsSession session = new AwsSession(access(counter.endpoint()))) {
            alarms.forEach(alb::alarm);
            Engine engine = new Engine(session.ports());
            Tick t = engine.advance(CanaryCheckpoint.start(spec(alb, List.of(10, 100), "1h", "5s", alarms)), Instant.now());
            long before = counter.passed();
            t = engine.advance(t.checkpoint(), Instant.now()); // the shift to 10%
            long perStep = counter.passed() - before;
            before = counter.passed();
            int polls = 10;
            for (int i = 0; i < polls; i++) {
                t = engine.advance(t.checkpoint(), Instant.now()); // a poll during the bake
            }
            double perPoll = (counter.passed() - before) / (double) polls;
            if (!(((CanaryCheckpoint) t.checkpoint()).phase() instanceof CanaryPhase.Baking)) {
                throw new IllegalStateException("expected to be baking: " + t.checkpoint().status());
            }
            System.out.println();
            System.out.println("3. AWS calls, counted at a proxy in front of moto, 100 alarms");
            System.out.printf(Locale.ROOT, "   per traffic step: %d (DescribeListeners, ModifyListener, DescribeListeners)%n", perStep);
            System.out.printf(Locale.ROOT, "   per poll: %.1f (one DescribeListeners for the weights, one DescribeAlarms for all"
                    + " 100 alarms; goal: 2)%n", perPoll);
        }
    }

    // ---- 4. the cost of waiting

    static void waiting(int deployments, int threads) throws Exception {
        FakeAws aws = FakeAws.standard();
        String prefix = FakeAws.LISTENER.substring(0, FakeAws.LISTENER.lastIndexOf('/') + 1);
        List<String> listeners = IntStream.range(0, deployments).mapToObj(i -> prefix + String.format("%016x", i)).toList();
        listeners.forEach(l -> aws.setWeights(l, Map.of(FakeAws.BLUE_TG, 1)));
        Engine engine = new Engine(aws.ports());
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(threads);
        timer.setRemoveOnCancelPolicy(true);
        int threadsBefore = THREADS.getThreadCount();
        long heapBefore = usedHeapAfterGc();
        CountDownLatch baking = new CountDownLatch(deployments);
        List<DeploymentLoop> loops = new ArrayList<>(deployments);
        long start = System.nanoTime();
        for (String listener : listeners) {
            CanarySpec spec = new CanaryRequest().listenerArn(listener).stableTargetGroup(FakeAws.BLUE_TG)
                    .canaryTargetGroup(FakeAws.GREEN_TG).steps(List.of(10, 50, 100)).bake("30m").poll("5s")
                    .alarms(List.of("5xx")).toSpec();
            DeploymentLoop loop = new DeploymentLoop(engine, timer, Clock.systemUTC(), new DeploymentLoop.Listener() {
                public void event(DeploymentEvent e) {
                    if (e.kind() == EventKind.SHIFTED) baking.countDown();
                }

                public void save(Checkpoint c) {
                }
            });
            loop.start(CanaryCheckpoint.start(spec), false);
            loops.add(loop);
        }
        baking.await(5, TimeUnit.MINUTES);
        double startSeconds = (System.nanoTime() - start) / 1e9;
        aws.resetCalls();
        Thread.sleep(20_000);
        int polls = aws.calls("DescribeAlarms");
        int threadsDuring = THREADS.getThreadCount();
        long heapDuring = usedHeapAfterGc();
        System.out.println();
        System.out.printf(Locale.ROOT, "4. %,d canaries baking at once in one JVM (in-memory AWS fake, 5 s polls) on a %d-thread timer%n",
                deployments, threads);
        System.out.printf(Locale.ROOT, "   all started and shifted to 10%% in %.1f s; %,d alarm polls in the next 20 s (%.0f/s, expected %.0f/s)%n",
                startSeconds, polls, polls / 20.0, deployments / 5.0);
        System.out.printf(Locale.ROOT, "   JVM threads: %d before, %d while waiting (goal: at most 16 for the deployments)%n",
                threadsBefore, threadsDuring);
        System.out.printf(Locale.ROOT, "   heap per waiting deployment: %.1f KiB (%.1f MiB in all, after GC)%n",
                (heapDuring - heapBefore) / 1024.0 / deployments, (heapDuring - heapBefore) / 1048576.0);
        // The deployments must stay reachable until the heap was measured, or the figure would miss them.
        java.lang.ref.Reference.reachabilityFence(loops);
        timer.shutdownNow();
    }

    // ---- pieces

    private static CanarySpec spec(MotoAlb alb, List<Integer> steps, String bake, String poll, List<String> alarms) {
        return new CanaryRequest().listenerArn(alb.listenerArn).stableTargetGroup(alb.blueTg).canaryTargetGroup(alb.greenTg)
                .steps(steps).bake(bake).poll(poll).alarms(alarms).toSpec();
    }

    private static AwsAccess access(URI endpoint) {
        return new AwsAccess("us-east-1", endpoint, new SessionCredentials("test", "test", null, null), null, null);
    }

    private static void aws(URI endpoint, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", endpoint.toString(), "--region", "us-east-1",
                "--output", "json"));
        command.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("AWS_ACCESS_KEY_ID", "test");
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "test");
        pb.environment().put("AWS_PAGER", "");
        int exit = pb.start().waitFor();
        if (exit != 0) throw new IllegalStateException("aws " + String.join(" ", args) + " exited " + exit);
    }

    /** CPU of this JVM's reaped child processes, in clock ticks (fields 16 and 17 of /proc/self/stat). */
    private static long childrenCpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }

    private static long ticksPerSecond() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("getconf", "CLK_TCK").start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        p.waitFor();
        return Long.parseLong(out);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static double pct(List<Double> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, i));
    }

    private CanaryBenchmark() {
    }
}
