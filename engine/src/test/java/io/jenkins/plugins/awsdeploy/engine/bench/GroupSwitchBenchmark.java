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
import io.jenkins.plugins.awsdeploy.engine.testing.MotoAsg;
import io.jenkins.plugins.awsdeploy.localaws.LocalAws;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Prints the Auto Scaling figure of docs/performance.md: how long after the idle group turns healthy all production
 * traffic is on it. Not a test: measured with the wall clock, never asserted. Run with {@code .ci/benchmark asg}.
 *
 * <p>moto reports every instance on the template's default version, so the benchmark plays the instances' start:
 * once the engine has updated the idle group, it waits a random part of the poll cycle and makes the new version the
 * default, upon which green's instances read as InService on it (their targets are healthy in moto from the start).
 * The clock starts when that call returns.
 */
public final class GroupSwitchBenchmark {

    private static final String POLL = "1s";

    private static final class Moments implements DeploymentLoop.Listener {
        final CountDownLatch updated = new CountDownLatch(1);
        final CompletableFuture<Long> switched = new CompletableFuture<>();
        volatile long readySeen;

        @Override
        public void event(DeploymentEvent e) {
            long now = System.nanoTime();
            if (e.kind() == EventKind.SERVICE_UPDATED) updated.countDown();
            if (e.kind() == EventKind.SERVICE_STABLE) readySeen = now;
            if (e.kind() == EventKind.SHIFTED && e.weights() != null && e.weights().canary() == 100) switched.complete(now);
        }

        @Override
        public void save(Checkpoint checkpoint) {
        }
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 20);
        System.out.printf(Locale.ROOT, "aws-deployment-strategies Auto Scaling blue/green benchmark, %s, %d cores, Java %s%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        try (LocalAws local = LocalAws.start();
             AwsSession session = new AwsSession(new AwsAccess("us-east-1", local.endpoint(),
                     new SessionCredentials("test", "test", null, null), null, null))) {
            Engine engine = new Engine(session.ports());
            switchOnce(local.endpoint(), engine, timer, "asgb-warm", List.of(100));
            System.out.printf(Locale.ROOT, "%nIdle group healthy -> 100%% switched and read back, --poll %s, 2 instances, the "
                    + "instances turning InService at a random point of the poll cycle, %d runs each%n", POLL, runs);
            measure(local.endpoint(), engine, timer, runs, "all at once (steps 100)", List.of(100), "asgb-a");
            measure(local.endpoint(), engine, timer, runs, "steps 10,50,100, bake 0s", List.of(10, 50, 100), "asgb-s");
        } finally {
            timer.shutdownNow();
        }
    }

    private static void measure(URI endpoint, Engine engine, ScheduledExecutorService timer, int runs, String label,
                                List<Integer> steps, String prefix) throws Exception {
        List<Double> fromHealthy = new ArrayList<>();
        List<Double> fromReady = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            double[] figures = switchOnce(endpoint, engine, timer, prefix + i, steps);
            fromHealthy.add(figures[0]);
            fromReady.add(figures[1]);
        }
        System.out.printf(Locale.ROOT, "   %s%n      %-34s %s%n      %-34s %s%n", label, "from healthy:",
                BlueGreenBenchmark.summary(fromHealthy), "from the poll that saw it ready:", BlueGreenBenchmark.summary(fromReady));
    }

    private static double[] switchOnce(URI endpoint, Engine engine, ScheduledExecutorService timer, String name,
                                       List<Integer> steps) throws Exception {
        try (MotoAlb alb = MotoAlb.create(endpoint, name).alarm(name + "-5xx");
             MotoAsg asg = MotoAsg.build(endpoint, name, alb.blueTg, alb.greenTg, 2)) {
            // Each scene has its own groups: names are per region, and every scene lives in the one moto.
            Moments moments = new Moments();
            BlueGreenRequest request = new BlueGreenRequest().blueAutoScalingGroup(MotoAsg.BLUE).blueTargetGroup(alb.blueTg)
                    .greenAutoScalingGroup(MotoAsg.GREEN).greenTargetGroup(alb.greenTg).listenerArn(alb.listenerArn)
                    .imageId(MotoAsg.AMI_V2).steps(steps).bake("0s").alarms(List.of(name + "-5xx")).poll(POLL)
                    .scaleDownAfter("0s").region("us-east-1");
            CompletableFuture<Outcome> outcome = new DeploymentLoop(engine, timer, Clock.systemUTC(), moments)
                    .start(BlueGreenCheckpoint.start(request.toSpec()), false);
            if (!moments.updated.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("green was never updated");
            Thread.sleep(ThreadLocalRandom.current().nextInt(200, 2200));
            asg.makeDefault(2);
            long healthy = System.nanoTime();
            long switched = moments.switched.get(60, TimeUnit.SECONDS);
            BlueGreenBenchmark.expect(outcome.get(60, TimeUnit.SECONDS), Outcome.Succeeded.class);
            asg.deleteGroups();
            return new double[] {(switched - healthy) / 1e6, (switched - moments.readySeen) / 1e6};
        }
    }

    private GroupSwitchBenchmark() {
    }
}
