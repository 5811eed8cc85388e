package io.jenkins.plugins.awsdeploy.engine.bench;

import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.DeploymentLoop;
import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsAccess;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsSession;
import io.jenkins.plugins.awsdeploy.engine.aws.SessionCredentials;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenRequest;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryRequest;
import io.jenkins.plugins.awsdeploy.engine.ecs.RollbackCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.ecs.RollbackRequest;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAws;
import io.jenkins.plugins.awsdeploy.localaws.FaultProxy;
import io.jenkins.plugins.awsdeploy.localaws.FaultProxy.Fault;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How long each preflight takes to give up on an endpoint that accepts connections and never answers, with the
 * default call timeout, and how long a stop takes while such a call hangs. Prints figures; asserts nothing.
 * Run with {@code .ci/benchmark silent}.
 */
public final class SilentEndpointBenchmark {

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "aws-deployment-strategies silent endpoint benchmark, %s, call timeout %s%n",
                Instant.now(), AwsAccess.DEFAULT_CALL_TIMEOUT);
        try (FaultProxy silent = FaultProxy.builder(URI.create("http://127.0.0.1:9")).rate(Fault.NO_ANSWER, 1.0).start()) {
            AwsAccess access = new AwsAccess("us-east-1", silent.endpoint(), new SessionCredentials("test", "test", null, null),
                    null, null);
            measure("canary preflight", access, SilentEndpointBenchmark::canary, false);
            measure("ecs-rollback preflight", access, () -> RollbackCheckpoint.start(new RollbackRequest().cluster("prod")
                    .service("web").region("us-east-1").toSpec()), false);
            measure("blue-green preflight", access, SilentEndpointBenchmark::blueGreen, false);
            measure("canary, SIGTERM 2 s into the preflight", access, SilentEndpointBenchmark::canary, true);
        }
    }

    private static Checkpoint canary() {
        return CanaryCheckpoint.start(new CanaryRequest().listenerArn(FakeAws.LISTENER).stableTargetGroup(FakeAws.BLUE_TG)
                .canaryTargetGroup(FakeAws.GREEN_TG).steps(List.of(10, 100)).bake("1m").alarms(List.of("5xx"))
                .region("us-east-1").toSpec());
    }

    private static Checkpoint blueGreen() {
        return BlueGreenCheckpoint.start(new BlueGreenRequest().cluster("prod").blueService("web-blue")
                .greenService("web-green").blueTargetGroup(FakeAws.BLUE_TG).greenTargetGroup(FakeAws.GREEN_TG)
                .listenerArn(FakeAws.LISTENER).images(java.util.Map.of("app", "registry/web:2")).alarms(List.of("5xx"))
                .region("us-east-1").toSpec());
    }

    private static void measure(String what, AwsAccess access, Supplier<Checkpoint> start, boolean stop) throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (AwsSession session = new AwsSession(access)) {
            DeploymentLoop loop = new DeploymentLoop(new Engine(session.ports()), timer, Clock.systemUTC(),
                    new DeploymentLoop.Listener() {
                        public void event(DeploymentEvent e) {
                        }

                        public void save(Checkpoint c) {
                        }
                    });
            long began = System.nanoTime();
            loop.start(start.get(), false);
            long stoppedAt = began;
            if (stop) {
                Thread.sleep(2000);
                stoppedAt = System.nanoTime();
                loop.abort("terminated (SIGTERM)");
            }
            Outcome outcome = loop.outcome().get(10, TimeUnit.MINUTES);
            long end = System.nanoTime();
            System.out.printf(Locale.ROOT, "%-40s %6.1f s%s  exit %d: %s%n", what, (end - began) / 1e9,
                    stop ? String.format(Locale.ROOT, " (%.2f s after the stop)", (end - stoppedAt) / 1e9) : "",
                    outcome.exitCode(), outcome.message().length() > 160 ? outcome.message().substring(0, 160) + "…" : outcome.message());
        } finally {
            timer.shutdownNow();
        }
    }

    private SilentEndpointBenchmark() {
    }
}
