package io.jenkins.plugins.awsdeploy.cli;

import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.BLUE_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.GREEN_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.LISTENER;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryRequest;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAws;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualClock;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualTimer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * When the engine's calls keep failing the command gives up the way {@code TickPolicy} says, and the exit code says
 * which way: 1 while nothing was changed, 5 once traffic had moved (it stays where it was). On virtual time: the eight
 * attempts and their two minutes of backoff take none.
 */
@Timeout(60)
class GiveUpTest {

    final FakeAws aws = FakeAws.standard();
    final VirtualClock clock = new VirtualClock();
    final VirtualTimer timer = new VirtualTimer(clock);
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    /** Set to make every engine call fail the way a call that never gets through does. */
    volatile String unreachable;

    Checkpoint canary(String bake) {
        return CanaryCheckpoint.start(new CanaryRequest().listenerArn(LISTENER).stableTargetGroup(BLUE_TG)
                .canaryTargetGroup(GREEN_TG).steps(List.of(50, 100)).bake(bake).poll("1m").region("us-east-1").toSpec());
    }

    @Test
    void callsThatNeverGetThroughBeforeAnyChangeExit1() throws Exception {
        unreachable = "Connection refused";

        int exit = run(canary("10m"), () -> false);

        assertThat(exit).as(err.toString()).isEqualTo(1);
        assertThat(err.toString()).contains("Failed (exit code 1): gave up after 8 failed attempts in a row "
                + "(Connection refused); nothing was changed in AWS");
        assertThat(aws.weights(LISTENER).asSplit(BLUE_TG, GREEN_TG)).contains(Split.ALL_STABLE);
    }

    @Test
    void callsThatStopGettingThroughAfterTrafficMovedExit5AndLeaveItThere() throws Exception {
        int exit = run(canary("10m"), () -> {
            boolean moved = aws.weights(LISTENER).asSplit(BLUE_TG, GREEN_TG).orElseThrow().canary() == 50;
            if (moved) unreachable = "Connection refused";
            return moved;
        });

        assertThat(exit).as(err.toString()).isEqualTo(5);
        assertThat(err.toString()).contains("UNSAFE, a person must act (exit code 5): gave up after 8 failed attempts "
                + "in a row (Connection refused); the deployment stopped where it was: ");
        assertThat(aws.weights(LISTENER).asSplit(BLUE_TG, GREEN_TG)).contains(new Split(50, 50));
    }

    /** Runs the command's deployment to its end on virtual time, calling {@code watch} between the calls. */
    private int run(Checkpoint start, BooleanSupplier watch) throws Exception {
        Host host = new Host(new PrintWriter(out, true), new PrintWriter(err, true), null, Map.of());
        CommandLine.Model.CommandSpec canary = new CommandLine(new AwsDeploy(host)).getSubcommands().get("canary")
                .getCommandSpec();
        Console console = new Console(host, false, OptionNames.of(canary));
        Run run = new Run(new Engine(aws.ports(), engineClock()), console, null, null, true,
                StopWords.trafficBackTo("the stable side")).on(timer, clock);
        CompletableFuture<Outcome> ended = CompletableFuture.supplyAsync(() -> run.execute(start, false));
        boolean watching = true;
        while (!ended.isDone()) {
            if (watching && watch.getAsBoolean()) watching = false;
            boolean stillWatching = watching;
            timer.runUntil(() -> ended.isDone() || stillWatching && watch.getAsBoolean(), 10);
            Thread.sleep(2);
        }
        return console.outcome(ended.get(), List.of());
    }

    /** The engine's clock: whenever the engine asks it while {@link #unreachable} is set, the call fails. */
    private Clock engineClock() {
        return new Clock() {
            public Instant instant() {
                if (unreachable != null) throw new IllegalStateException(unreachable);
                return clock.instant();
            }

            public ZoneId getZone() {
                return clock.getZone();
            }

            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
    }
}
