package io.jenkins.plugins.awsdeploy.engine.canary;

import static io.jenkins.plugins.awsdeploy.engine.testing.FakeLambda.FUNCTION_ARN;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.AlarmState;
import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.JsonCodec;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.Strategies;
import io.jenkins.plugins.awsdeploy.engine.aws.LambdaAliasState;
import io.jenkins.plugins.awsdeploy.engine.ownership.Ownership;
import io.jenkins.plugins.awsdeploy.engine.routing.LambdaAlias;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAws;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeLambda;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A canary on a Lambda alias, over time and under faults moto cannot show: a RevisionId that changes with every
 * update, someone else updating the alias, throttling, alarms that flap, a process killed after any tick.
 */
class LambdaAliasCanaryTest {

    final FakeAws aws = FakeAws.standard();
    final FakeLambda lambda = aws.lambda();
    final VirtualClock clock = new VirtualClock();

    static CanaryRequest onAlias() {
        return new CanaryRequest().lambdaFunction("api").lambdaAlias("live").canaryVersion("2")
                .steps(List.of(10, 50, 100)).bake("1m").poll("5s").alarms(List.of("5xx")).region("us-east-1");
    }

    Ticker canary(UnaryOperator<CanaryRequest> tweak) {
        return new Ticker(new Engine(aws.ports(), clock), clock, CanaryCheckpoint.start(tweak.apply(onAlias()).toSpec()));
    }

    LambdaAliasState alias() {
        return lambda.alias("live");
    }

    static Outcome outcome(Ticker t) {
        return t.checkpoint().outcome().orElseThrow();
    }

    static List<Split> shifts(Ticker t) {
        return t.events().stream().filter(e -> e.kind() == EventKind.SHIFTED).map(DeploymentEvent::weights).toList();
    }

    boolean at(double weight) {
        return alias().weights().equals(Map.of("2", weight));
    }

    @Test
    void walksTheAliasToTheNewVersionThroughWeightedRouting() {
        Ticker t = canary(r -> r).runUntil(x -> at(0.1), 100);
        assertThat(alias().functionVersion()).isEqualTo("1");
        t.runUntil(x -> at(0.5), 100);
        assertThat(alias().functionVersion()).isEqualTo("1");
        t.runToEnd();

        assertThat(outcome(t)).as(outcome(t).message()).isInstanceOf(Outcome.Succeeded.class);
        assertThat(alias().functionVersion()).isEqualTo("2");
        assertThat(alias().weights()).isEmpty();
        assertThat(shifts(t)).containsExactly(new Split(90, 10), new Split(50, 50), new Split(0, 100));
        // One guarded update per step, never more.
        assertThat(lambda.calls("UpdateAlias")).isEqualTo(3);
        // The function carried the mark while it ran, and no longer does.
        assertThat(aws.calls("AddTags")).isPositive();
        assertThat(aws.markOn(FUNCTION_ARN)).isEmpty();
    }

    @Test
    void anAlarmRollsBackToTheStableVersionWithNoRouting() {
        Ticker t = canary(r -> r).runUntil(x -> at(0.5), 100);
        aws.alarm("5xx", AlarmState.ALARM, "Threshold Crossed: 1 datapoint [12.0] > 5.0");
        lambda.resetCalls();
        t.runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.RolledBack.class);
        assertThat(alias().functionVersion()).isEqualTo("1");
        assertThat(alias().weights()).isEmpty();
        assertThat(lambda.calls("UpdateAlias")).isEqualTo(1);
    }

    @Test
    void anAlarmAfterTheLastStepRollsBackFromACheckpointThatRemembersTheStableVersion() {
        // At 100% the alias itself no longer says which version was stable: only the stored checkpoint does.
        Ticker t = canary(r -> r).runUntil(x -> "2".equals(alias().functionVersion()), 100);
        assertThat(alias().weights()).isEmpty();
        t.restartFromStore();
        aws.alarm("5xx", AlarmState.ALARM, "Threshold Crossed");
        t.runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.RolledBack.class);
        assertThat(alias().functionVersion()).isEqualTo("1");
        assertThat(alias().weights()).isEmpty();
    }

    @Test
    void aFlappingAlarmRollsBackAsOnALoadBalancer() {
        Ticker t = canary(r -> r).runUntil(x -> at(0.1), 100);
        aws.flap("5xx", "Threshold Crossed: 1 datapoint [40.0] > 5.0");
        t.runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.RolledBack.class);
        assertThat(outcome(t).message()).contains("alarm 5xx went to ALARM at", "was OK again");
        assertThat(alias().functionVersion()).isEqualTo("1");
        assertThat(alias().weights()).isEmpty();
    }

    @Test
    void someoneElsesChangeWhileBakingIsLeftAloneWithTheExactCommandToRestore() {
        Ticker t = canary(r -> r).runUntil(x -> at(0.1), 100);
        lambda.setAlias("live", "1", Map.of("2", 0.3));
        lambda.resetCalls();
        t.runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.Unsafe.class);
        assertThat(outcome(t).message()).contains("expected 90/10", "version 1, 0.3 routed to version 2",
                "aws lambda update-alias --function-name api --name live --function-version 1 "
                        + "--routing-config '{\"AdditionalVersionWeights\":{}}'");
        assertThat(lambda.calls("UpdateAlias")).isZero();
        assertThat(alias().weights()).isEqualTo(Map.of("2", 0.3));
    }

    @Test
    void aRevisionThatMovesBetweenTheReadAndTheUpdateIsRefusedByLambdaNotOverwritten() {
        Ticker t = canary(r -> r).runUntil(x -> at(0.1), 100);
        // Right after the engine read the alias for its next step, someone else moves its traffic.
        lambda.afterAliasRead(name -> {
            if (at(0.1)) lambda.setAlias("live", "1", Map.of("2", 0.2));
        });
        t.runToEnd();

        assertThat(outcome(t)).as(outcome(t).message()).isInstanceOf(Outcome.Unsafe.class);
        assertThat(outcome(t).message()).contains("changed by someone else", "0.2 routed to version 2");
        assertThat(alias().weights()).isEqualTo(Map.of("2", 0.2));
    }

    @Test
    void aRevisionThatMovesWithoutARoutingChangeIsTriedOnceMore() {
        Ticker t = canary(r -> r).runUntil(x -> at(0.1), 100);
        lambda.afterAliasRead(name -> {
            if (at(0.1) && lambda.calls("UpdateAlias") == 1) {
                lambda.touch("live"); // a description edited, say
                lambda.afterAliasRead(n -> { });
            }
        });
        t.runToEnd();

        assertThat(outcome(t)).as(outcome(t).message()).isInstanceOf(Outcome.Succeeded.class);
        assertThat(alias().functionVersion()).isEqualTo("2");
    }

    @Test
    void throttlingOfAShiftRollsBackAndTheRollbackOutlastsFurtherThrottling() {
        Ticker t = canary(r -> r).runUntil(x -> at(0.1), 100);
        t.runUntil(x -> ((CanaryCheckpoint) x.checkpoint()).phase() instanceof CanaryPhase.Shifting, 100);
        lambda.throttleNext(3); // the shift's read, then the rollback's first two attempts
        t.runToEnd();

        assertThat(outcome(t)).as(outcome(t).message()).isInstanceOf(Outcome.RolledBack.class);
        assertThat(outcome(t).message()).contains("TooManyRequestsException");
        assertThat(t.events()).anyMatch(e -> e.kind() == EventKind.INFO && e.message().contains("rollback attempt"));
        assertThat(alias().functionVersion()).isEqualTo("1");
        assertThat(alias().weights()).isEmpty();
    }

    @Test
    void killedAfterAnyTickItResumesFromTheStateFileAndFinishes() {
        Ticker t = canary(r -> r);
        int restarts = 0;
        while (t.step()) {
            clock.set(t.wakeAt()); // the process dies and comes back when the next tick is due
            t.restartFromStore();
            restarts++;
        }
        assertThat(restarts).isGreaterThan(5);
        assertThat(outcome(t)).as(outcome(t).message()).isInstanceOf(Outcome.Succeeded.class);
        assertThat(alias().functionVersion()).isEqualTo("2");
        assertThat(alias().weights()).isEmpty();
    }

    @Test
    void theStableVersionFoundAtPreflightIsStoredButIsNoPartOfWhatMakesTheDeploymentThisOne() {
        Ticker t = canary(r -> r);
        t.step();
        CanaryCheckpoint cp = (CanaryCheckpoint) JsonCodec.readCheckpoint(JsonCodec.write(t.checkpoint()));
        assertThat(((LambdaAlias) cp.spec().router()).stableVersion()).isEqualTo("1");
        assertThat(Strategies.identity(cp)).isEqualTo(Strategies.identity(CanaryCheckpoint.start(onAlias().toSpec())));
        assertThat(Strategies.title(cp)).isEqualTo("Canary 10% → 50% → 100%, bake 1m each on api:live");
    }

    @Test
    void anotherDeploymentsMarkOnTheFunctionRefusesItBeforeAnyChange() {
        aws.mark(FUNCTION_ARN, "b", "host-b", clock.instant().plus(Ownership.TERM));
        String revision = alias().revisionId();
        Ticker t = canary(r -> r).runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.Invalid.class);
        assertThat(outcome(t).message()).contains("lambdaFunction", "another deployment b of host-b");
        assertThat(alias().revisionId()).isEqualTo(revision);
    }

    @Test
    void blueGreenIsOneStepOfAllTrafficWithAnApprovalBeforeAndABakeAfter() {
        Ticker t = canary(r -> r.steps(List.of(100)).approveBefore(List.of(100)).bake("10m"))
                .runUntil(x -> x.checkpoint().approval().isPresent(), 100);
        t.runUntil(x -> false, 5); // nobody answers yet; the alarms are watched
        assertThat(alias().functionVersion()).isEqualTo("1");
        assertThat(lambda.calls("UpdateAlias")).isZero();

        t.apply(t.engine().approve(t.checkpoint(), "alice", clock.instant()));
        t.runUntil(x -> "2".equals(alias().functionVersion()), 10);
        assertThat(alias().weights()).isEmpty();
        clock.advance(Duration.ofMinutes(3));
        aws.alarm("5xx", AlarmState.ALARM, "Threshold Crossed");
        t.runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.RolledBack.class);
        assertThat(shifts(t)).containsExactly(new Split(0, 100));
        assertThat(alias().functionVersion()).isEqualTo("1");
        assertThat(alias().weights()).isEmpty();
        assertThat(lambda.calls("UpdateAlias")).isEqualTo(2);
    }

    @Test
    void codeDeploysLambdaPresetNamesAreUnderstood() {
        CanarySpec spec = onAlias().steps(null).bake(null).preset("CodeDeployDefault.LambdaCanary10Percent15Minutes").toSpec();
        assertThat(spec.plan().steps()).extracting(CanaryStep::percent).containsExactly(10, 100);
        assertThat(spec.plan().step(0).bake()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void blueGreenThatBakesCleanEndsOnTheNewVersion() {
        Ticker t = canary(r -> r.steps(List.of(100)).approveBefore(List.of(100)).bake("10m"))
                .runUntil(x -> x.checkpoint().approval().isPresent(), 100);
        t.apply(t.engine().approve(t.checkpoint(), "alice", clock.instant()));
        t.runToEnd();

        assertThat(outcome(t)).as(outcome(t).message()).isInstanceOf(Outcome.Succeeded.class);
        assertThat(alias().functionVersion()).isEqualTo("2");
        assertThat(lambda.calls("UpdateAlias")).isEqualTo(1);
    }
}
