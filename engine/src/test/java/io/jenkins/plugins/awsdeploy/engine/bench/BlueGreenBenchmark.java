package io.jenkins.plugins.awsdeploy.engine.bench;

import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.DeploymentLoop;
import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsAccess;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsSession;
import io.jenkins.plugins.awsdeploy.engine.aws.SessionCredentials;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenRequest;
import io.jenkins.plugins.awsdeploy.engine.testing.MotoAlb;
import io.jenkins.plugins.awsdeploy.engine.testing.MotoBlueGreen;
import io.jenkins.plugins.awsdeploy.engine.testing.MotoEcs;
import io.jenkins.plugins.awsdeploy.localaws.LocalAws;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * Prints the blue/green figures of docs/performance.md: how long after the idle side turns healthy all
 * production traffic is on it, and how long after an alarm it is back on the old side. Not a test: figures are
 * measured with the wall clock, never asserted. Run with {@code .ci/benchmark bluegreen}.
 *
 * <p>moto never rolls an ECS deployment out, so the benchmark plays ECS: once the engine has updated the idle
 * service, it waits a random part of the poll cycle (as a real rollout would end at any moment) and then makes
 * the service stable and its targets healthy. The clock starts when moto reports that.
 */
public final class BlueGreenBenchmark {

    private static final String POLL = "1s";
    private static final int TASKS = 2;

    /** The moments of one deployment that the figures are made of, in {@link System#nanoTime()}. */
    private static final class Moments implements DeploymentLoop.Listener {
        final CountDownLatch updated = new CountDownLatch(1);
        final CompletableFuture<Long> switched = new CompletableFuture<>();
        final CompletableFuture<Long> back = new CompletableFuture<>();
        volatile long stableSeen;

        @Override
        public void event(DeploymentEvent e) {
            long now = System.nanoTime();
            if (e.kind() == EventKind.SERVICE_UPDATED) updated.countDown();
            if (e.kind() == EventKind.SERVICE_STABLE) stableSeen = now;
            // The canary engine tells SHIFTED only once the weights it wrote have been read back.
            if (e.kind() == EventKind.SHIFTED && e.weights() != null && e.weights().canary() == 100) switched.complete(now);
            if (e.kind() == EventKind.ROLLED_BACK) back.complete(now);
        }

        @Override
        public void save(Checkpoint checkpoint) {
        }
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 20);
        System.out.printf(Locale.ROOT, "aws-deployment-strategies blue/green benchmark, %s, %d cores, Java %s%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        try (LocalAws local = LocalAws.start();
             AwsSession session = new AwsSession(new AwsAccess("us-east-1", local.endpoint(),
                     new SessionCredentials("test", "test", null, null), null, null))) {
            Engine engine = new Engine(session.ports());
            // Warm-up: the first calls to each moto service and the JIT would otherwise land in the first run.
            switchOnce(local.endpoint(), engine, timer, "bgb-warm", List.of(100), "0s");
            System.out.println();
            System.out.printf(Locale.ROOT, "1. Idle side healthy -> 100%% switched and read back, --poll %s, the rollout ending at a "
                    + "random point of the poll cycle, %d runs each%n", POLL, runs);
            measureSwitch(local.endpoint(), engine, timer, runs, "all at once (steps 100)", List.of(100), "0s", "bgb-a");
            measureSwitch(local.endpoint(), engine, timer, runs, "steps 10,50,100, bake 0s", List.of(10, 50, 100), "0s", "bgb-s");
            measureAlarm(local.endpoint(), engine, timer, runs);
        } finally {
            timer.shutdownNow();
        }
    }

    private static void measureSwitch(URI endpoint, Engine engine, ScheduledExecutorService timer, int runs, String label,
                                      List<Integer> steps, String bake, String prefix) throws Exception {
        List<Double> fromHealthy = new ArrayList<>();
        List<Double> fromStable = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            double[] figures = switchOnce(endpoint, engine, timer, prefix + i, steps, bake);
            fromHealthy.add(figures[0]);
            fromStable.add(figures[1]);
        }
        System.out.printf(Locale.ROOT, "   %s%n      %-34s %s%n      %-34s %s%n", label, "from healthy:", summary(fromHealthy),
                "from the poll that saw it stable:", summary(fromStable));
    }

    /** One deployment to the end; returns milliseconds from healthy, and from the poll that saw it stable, to switched. */
    private static double[] switchOnce(URI endpoint, Engine engine, ScheduledExecutorService timer, String name,
                                       List<Integer> steps, String bake) throws Exception {
        try (MotoAlb alb = MotoAlb.create(endpoint, name).alarm(name + "-5xx");
             MotoEcs ecs = twoServices(endpoint, name, alb)) {
            Moments moments = new Moments();
            CompletableFuture<Outcome> outcome = start(engine, timer, moments, request(ecs, alb, name, steps, bake, "0s"));
            long healthy = healthyAfterARandomWait(ecs, alb, name, moments);
            long switched = moments.switched.get(60, TimeUnit.SECONDS);
            expect(outcome.get(60, TimeUnit.SECONDS), Outcome.Succeeded.class);
            return new double[] {(switched - healthy) / 1e6, (switched - moments.stableSeen) / 1e6};
        }
    }

    private static void measureAlarm(URI endpoint, Engine engine, ScheduledExecutorService timer, int runs) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            String name = "bgb-x" + i;
            try (MotoAlb alb = MotoAlb.create(endpoint, name).alarm(name + "-5xx");
                 MotoEcs ecs = twoServices(endpoint, name, alb)) {
                Moments moments = new Moments();
                CompletableFuture<Outcome> outcome = start(engine, timer, moments,
                        request(ecs, alb, name, List.of(100), "0s", "1m"));
                healthyAfterARandomWait(ecs, alb, name, moments);
                moments.switched.get(60, TimeUnit.SECONDS);
                // Fire at a random moment of the poll cycle while the old side is kept, as a real alarm would.
                Thread.sleep(ThreadLocalRandom.current().nextInt(200, 2200));
                alb.setAlarm(name + "-5xx", StateValue.ALARM, "benchmark");
                long fired = System.nanoTime();
                long back = moments.back.get(60, TimeUnit.SECONDS);
                expect(outcome.get(60, TimeUnit.SECONDS), Outcome.RolledBack.class);
                millis.add((back - fired) / 1e6);
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "2. Alarm -> switched back (SetAlarmState returned -> 100/0 written and read back), while the "
                + "old side is kept after an all-at-once switch, --poll %s, %d runs%n", POLL, runs);
        System.out.printf(Locale.ROOT, "   %s (goal: p95 within poll + 0.5 s = 1500 ms)%n", summary(millis));
    }

    private static MotoEcs twoServices(URI endpoint, String name, MotoAlb alb) {
        MotoEcs ecs = new MotoEcs(endpoint, alb.elb, 0);
        MotoBlueGreen.build(ecs, name, alb.blueTg, alb.greenTg, TASKS, Map.of("app", "repo/web:1"));
        return ecs;
    }

    private static BlueGreenRequest request(MotoEcs ecs, MotoAlb alb, String name, List<Integer> steps, String bake,
                                            String scaleDownAfter) {
        return new BlueGreenRequest().cluster(name).blueService(MotoBlueGreen.BLUE).blueTargetGroup(alb.blueTg)
                .greenService(MotoBlueGreen.GREEN).greenTargetGroup(alb.greenTg).listenerArn(alb.listenerArn)
                .images(Map.of("app", "repo/web:2")).steps(steps).bake(bake).alarms(List.of(name + "-5xx"))
                .poll(POLL).scaleDownAfter(scaleDownAfter).region("us-east-1");
    }

    private static CompletableFuture<Outcome> start(Engine engine, ScheduledExecutorService timer, Moments moments,
                                                    BlueGreenRequest request) {
        DeploymentLoop loop = new DeploymentLoop(engine, timer, Clock.systemUTC(), moments);
        return loop.start(BlueGreenCheckpoint.start(request.toSpec()), false);
    }

    /** Plays ECS: waits until the engine updated green, then a random part of the poll cycle, then rolls green out. */
    private static long healthyAfterARandomWait(MotoEcs ecs, MotoAlb alb, String cluster, Moments moments)
            throws InterruptedException {
        if (!moments.updated.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("green was never updated");
        Thread.sleep(ThreadLocalRandom.current().nextInt(200, 2200));
        ecs.rollOut(cluster, MotoBlueGreen.GREEN, alb.greenTg);
        return System.nanoTime();
    }

    static void expect(Outcome outcome, Class<? extends Outcome> wanted) {
        if (!wanted.isInstance(outcome)) {
            throw new IllegalStateException("expected " + wanted.getSimpleName() + ": " + outcome.message());
        }
    }

    static String summary(List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        return String.format(Locale.ROOT, "p50 %.0f ms, p95 %.0f ms, max %.0f ms", pct(sorted, 50), pct(sorted, 95),
                sorted.get(sorted.size() - 1));
    }

    private static double pct(List<Double> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, i));
    }

    private BlueGreenBenchmark() {
    }
}
