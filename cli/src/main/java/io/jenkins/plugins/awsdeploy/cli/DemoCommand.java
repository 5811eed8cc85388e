package io.jenkins.plugins.awsdeploy.cli;

import io.jenkins.plugins.awsdeploy.cli.demo.DemoResources;
import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Heartbeat;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsAccess;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsSession;
import io.jenkins.plugins.awsdeploy.engine.aws.ForwardWeights;
import io.jenkins.plugins.awsdeploy.engine.aws.SessionCredentials;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryRequest;
import io.jenkins.plugins.awsdeploy.engine.canary.CanarySpec;
import io.jenkins.plugins.awsdeploy.localaws.LocalAws;
import io.jenkins.plugins.awsdeploy.localaws.MotoServer;
import io.jenkins.plugins.awsdeploy.localaws.MotoServerMissing;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * A canary that goes wrong, shown end to end against a private moto_server: the alarm fires during the 50%
 * bake and all traffic goes back to the stable side. It succeeds (exit code 0) when the rollback happened.
 */
@Command(name = "demo",
        description = {"Watch a canary roll back, on a private local AWS (moto_server) in under a minute. "
                + "Nothing touches a real AWS account.",
                "",
                // picocli formats descriptions: a lone % would make it print a warning instead of the help.
                "It creates a load balancer with two target groups and an alarm, shifts 10%% -> 50%% -> 100%% with short "
                        + "bakes, sets the alarm to ALARM during the 50%% bake, shows the rollback and draws the timeline."},
        mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the demo showed the rollback", "1:it could not (moto_server missing, or a surprise)",
                "4:stopped with Ctrl-C"})
public final class DemoCommand implements java.util.concurrent.Callable<Integer> {

    static final String ALARM = "demo-canary-5xx";
    private static final String BAKE = "4s";
    private static final long ALARM_AFTER_MILLIS = 2000;

    @ParentCommand
    private AwsDeploy parent;

    @Spec
    private CommandSpec command;

    @Option(names = "--timeline", paramLabel = "FILE.svg", defaultValue = "demo-timeline.svg",
            description = "Where to draw the timeline. Default: ${DEFAULT-VALUE} in the working directory.")
    Path timeline;

    @Override
    public Integer call() {
        Host host = parent.host();
        Console console = new Console(host, false, OptionNames.of(command));
        long started = System.nanoTime();
        console.note("""
                aws-deploy demo: a canary release that goes wrong, on a private local AWS (moto_server).
                Nothing here touches a real AWS account. It takes about 20 seconds.
                """);
        LocalAws aws;
        try {
            aws = LocalAws.start();
        } catch (MotoServerMissing e) {
            // Its message already says how to install it.
            host.err().println("The demo needs moto_server, the local AWS emulator: " + e.getMessage());
            return 1;
        } catch (IllegalStateException | IOException e) {
            host.err().println("The demo could not start moto_server (moto 5.x), the local AWS emulator: " + e.getMessage());
            host.err().println("If it is not installed: " + MotoServer.INSTALL_HINT);
            return 1;
        }
        int exit;
        try (aws; DemoResources scene = new DemoResources(aws.endpoint())) {
            exit = show(host, console, aws, scene);
        } catch (RuntimeException e) {
            host.err().println("The demo failed: " + e.getMessage());
            host.err().println("moto_server's log: " + aws.moto().logFile());
            return 1;
        }
        if (exit == 0) {
            console.note("Stopped moto_server. The demo took %.0f seconds.".formatted((System.nanoTime() - started) / 1e9));
        }
        return exit;
    }

    private int show(Host host, Console console, LocalAws aws, DemoResources scene) {
        console.note("Started moto_server; every AWS call goes to " + aws.endpoint() + ".");
        String lb = scene.loadBalancer("demo-alb");
        String stable = scene.targetGroup("demo-stable");
        String canary = scene.targetGroup("demo-canary");
        String listener = scene.listener(lb, 80, orderedWeights(stable, 100, canary, 0));
        scene.alarm(ALARM, canary);
        console.note("""
                Created an application load balancer "demo-alb" whose listener sends all traffic to target group
                "demo-stable" (the version running now), a target group "demo-canary" (the new version, no traffic
                yet), and the alarm "%s" on the new version's server errors (OK).

                The canary: 10%% -> 50%% -> 100%% of traffic to demo-canary, baking %s after each step while the alarm
                is read every second. %.0f seconds into the 50%% bake, the demo makes the new version "fail" by setting
                the alarm to ALARM (moto never evaluates alarms on its own).
                """.formatted(ALARM, BAKE, ALARM_AFTER_MILLIS / 1000.0));
        CanarySpec spec = new CanaryRequest().listenerArn(listener).stableTargetGroup(stable)
                .canaryTargetGroup(canary).steps(List.of(10, 50, 100)).bake(BAKE).poll("1s")
                .alarms(List.of(ALARM)).region(DemoResources.REGION).toSpec();
        AwsAccess access = new AwsAccess(DemoResources.REGION, aws.endpoint(),
                new SessionCredentials(DemoResources.CREDENTIALS.accessKeyId(),
                        DemoResources.CREDENTIALS.secretAccessKey(), "demo", null), null, null);
        Outcome outcome;
        Run run;
        console.showProgress(StatusLine.on(host), new Heartbeat(Heartbeat.DEFAULT, Instant.now()));
        try (AwsSession session = new AwsSession(access)) {
            run = new Run(new Engine(session.ports()), console, null, null, false,
                    StopWords.trafficBackTo("the stable side")).watching(failDuringHalfBake(scene, console));
            outcome = run.execute(CanaryCheckpoint.start(spec), false);
        }
        Map<String, Integer> now = scene.listenerWeights(listener);
        run.writeTimeline(timeline, "aws-deploy demo: canary 10% → 50% → 100%, alarm during the 50% bake");
        console.note("");
        console.note(Console.headline(outcome) + ": " + outcome.message());
        console.note("The listener in moto now forwards: " + describe(now) + ".");
        if (outcome instanceof Outcome.Stopped) {
            return outcome.exitCode();
        }
        boolean rolledBack = outcome instanceof Outcome.RolledBack
                && Integer.valueOf(100).equals(now.get(stable)) && Integer.valueOf(0).equals(now.get(canary));
        if (!rolledBack) {
            host.err().println("The demo did not go as planned: the canary should have been rolled back to 100/0.");
            return 1;
        }
        console.note("""

                What happened: the alarm went to ALARM while half of the traffic was on the new version. At the next
                poll the deployment skipped the remaining step, put all traffic back on demo-stable and read the
                weights back to be sure. A real run would exit with code 3 here (rolled back); the demo exits 0
                because showing this rollback is what it is for.

                The same against a real account:
                  aws-deploy canary --listener-arn ARN --stable-target-group ARN --canary-target-group ARN \\
                    --steps 10,50,100 --bake 5m --alarm NAME --timeline timeline.svg
                """);
        return 0;
    }

    /** Sets the alarm once, a little into the 50% bake, from a timer of its own so the deployment is not held up. */
    private static java.util.function.Consumer<DeploymentEvent> failDuringHalfBake(DemoResources scene, Console console) {
        AtomicBoolean raised = new AtomicBoolean();
        return event -> {
            if (event.kind() == EventKind.SHIFTED && event.weights() != null && event.weights().canary() == 50
                    && raised.compareAndSet(false, true)) {
                CompletableFuture.runAsync(() -> {
                    console.note("(demo) The new version starts failing: setting " + ALARM + " to ALARM.");
                    scene.setAlarm(ALARM, StateValue.ALARM, "Threshold Crossed: 12 server errors in the last minute,"
                            + " set by the demo");
                }, CompletableFuture.delayedExecutor(ALARM_AFTER_MILLIS, TimeUnit.MILLISECONDS)).exceptionally(e -> {
                    console.warn("(demo) could not set the alarm: " + e.getMessage());
                    return null;
                });
            }
        };
    }

    private static Map<String, Integer> orderedWeights(String stable, int s, String canary, int c) {
        Map<String, Integer> w = new LinkedHashMap<>();
        w.put(stable, s);
        w.put(canary, c);
        return w;
    }

    private static String describe(Map<String, Integer> weights) {
        return weights.entrySet().stream().map(e -> ForwardWeights.shortName(e.getKey()) + " weight " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
