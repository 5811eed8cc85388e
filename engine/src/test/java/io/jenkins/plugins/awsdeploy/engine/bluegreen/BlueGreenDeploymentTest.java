package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.BLUE;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.CLUSTER;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.GREEN;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.outcome;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.phase;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.BLUE_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.GREEN_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.LISTENER;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.RULE;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.AlarmState;
import io.jenkins.plugins.awsdeploy.engine.Cause;
import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Restored;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.aws.EcsService;
import io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionInfo;
import io.jenkins.plugins.awsdeploy.engine.ecs.KnownGoodTag;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeEcs;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlueGreenDeploymentTest {

    final BlueGreenWorld world = new BlueGreenWorld();

    private static String arn(String familyRevision) {
        return FakeEcs.taskDefinitionArn(familyRevision);
    }

    private List<EventKind> kinds(Ticker t) {
        return t.events().stream().map(DeploymentEvent::kind).toList();
    }

    @Test
    void deploysToTheIdleSideSwitchesAllAtOnceAndScalesTheOldSideDownAfterTheWait() {
        Instant start = world.clock.instant();
        Ticker t = world.start(r -> r).runToEnd();

        Outcome outcome = outcome(t);
        assertThat(outcome).as(outcome.message()).isInstanceOf(Outcome.Succeeded.class);
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.message()).contains("green (web-green) is live on web:2", "web-blue was scaled to 0");
        assertThat(world.production()).isEqualTo(new Split(0, 100));
        // The copy changed only the image asked for.
        TaskDefinitionInfo copy = world.ecs.revisions("web").get(1);
        assertThat(copy.imageByContainer()).containsExactly(Map.entry("app", "repo/web:2.0"), Map.entry("envoy", "envoy:1.29"));
        EcsService green = world.service(GREEN);
        assertThat(green.taskDefinition()).isEqualTo(arn("web:2"));
        assertThat(green.desiredCount()).isEqualTo(3);
        assertThat(green.tags()).containsEntry(KnownGoodTag.KEY, "web:2");
        assertThat(world.service(BLUE).desiredCount()).isZero();
        assertThat(world.service(BLUE).taskDefinition()).isEqualTo(arn("web:1"));
        assertThat(kinds(t)).containsSubsequence(EventKind.PREFLIGHT_PASSED, EventKind.SERVICE_UPDATED, EventKind.SERVICE_STABLE,
                EventKind.SHIFTED, EventKind.SCALED_DOWN, EventKind.SUCCEEDED);
        assertThat(kinds(t)).filteredOn(k -> k == EventKind.SUCCEEDED).hasSize(1);
        assertThat(world.aws.calls("ModifyListener")).isEqualTo(1);
        // 30 s for three tasks at 10 s each, then the 5 minutes the old side is kept.
        assertThat(Duration.between(start, world.clock.instant())).isEqualTo(Duration.ofSeconds(30).plusMinutes(5));
        assertThat(t.checkpoint().history()).isEqualTo(t.events());
    }

    @Test
    void theNextDeploymentGoesToTheOtherSide() {
        world.start(r -> r).runToEnd();
        world.aws.resetCalls();
        Ticker second = world.start(r -> r.images(Map.of("app", "repo/web:3.0"))).runToEnd();

        assertThat(outcome(second)).as(outcome(second).message()).isInstanceOf(Outcome.Succeeded.class);
        assertThat(((BlueGreenCheckpoint) second.checkpoint()).from()).isEqualTo(Colour.GREEN);
        assertThat(world.production()).isEqualTo(Split.ALL_STABLE);
        assertThat(world.service(BLUE).taskDefinition()).isEqualTo(arn("web:3"));
        assertThat(world.service(BLUE).desiredCount()).isEqualTo(3);
        assertThat(world.service(GREEN).desiredCount()).isZero();
        assertThat(world.service(BLUE).tags()).containsEntry(KnownGoodTag.KEY, "web:3");
        // Copied from what green ran, not from what blue ran long ago.
        assertThat(world.ecs.revisions("web").get(2).imageByContainer()).containsEntry("app", "repo/web:3.0");
        // Event weights stay in "stable/new" terms: stable is the side that was live, green here.
        assertThat(second.events()).filteredOn(e -> e.kind() == EventKind.SHIFTED).extracting(DeploymentEvent::weights)
                .containsExactly(new Split(0, 100));
    }

    @Test
    void deploysAnExistingRevisionWithoutRegisteringOne() {
        world.ecs.register("web", Map.of("app", "repo/web:7.0", "envoy", "envoy:1.30"));
        Ticker t = world.start(r -> r.images(Map.of()).taskDefinition("web:2")).runToEnd();

        assertThat(outcome(t)).as(outcome(t).message()).isInstanceOf(Outcome.Succeeded.class);
        assertThat(world.ecs.calls("RegisterTaskDefinition")).isZero();
        assertThat(world.service(GREEN).taskDefinition()).isEqualTo(arn("web:2"));
        assertThat(world.service(GREEN).tags()).containsEntry(KnownGoodTag.KEY, "web:2");
    }

    @Test
    void anUnnamedImageReplacesTheOnlyContainer() {
        world.ecs.register("api", Map.of("api", "repo/api:1"));
        world.ecs.startDeployment(CLUSTER, BLUE, "api:1");
        world.ecs.completeRollout(CLUSTER, BLUE);
        Ticker t = world.start(r -> r.images(Collections.singletonMap(null, "repo/api:2"))).runToEnd();

        assertThat(outcome(t)).as(outcome(t).message()).isInstanceOf(Outcome.Succeeded.class);
        assertThat(world.ecs.revisions("api").get(1).imageByContainer()).containsExactly(Map.entry("api", "repo/api:2"));
        assertThat(world.service(GREEN).taskDefinition()).isEqualTo(arn("api:2"));
    }

    @Test
    void aSlowStartIsWaitedForAndReported() {
        world.ecs.rolloutPace(Duration.ofMinutes(2));
        Instant start = world.clock.instant();
        Ticker t = world.start(r -> r.healthTimeout("10m")).runToEnd();

        assertThat(outcome(t)).as(outcome(t).message()).isInstanceOf(Outcome.Succeeded.class);
        DeploymentEvent stable = t.events().stream().filter(e -> e.kind() == EventKind.SERVICE_STABLE).findFirst().orElseThrow();
        assertThat(Duration.between(start, stable.at())).isEqualTo(Duration.ofMinutes(6));
        assertThat(stable.message()).contains("3/3 running", "3 healthy targets for 3 tasks");
        // Progress is told when it changes, not at every poll.
        assertThat(t.events()).filteredOn(e -> e.kind() == EventKind.INFO && e.message().startsWith("web-green: "))
                .extracting(DeploymentEvent::message).hasSizeBetween(3, 8)
                .anySatisfy(m -> assertThat(m).contains("1/3 running"));
    }

    @Test
    void anIdleSideThatDoesNotBecomeStableInTimeEndsWithNothingSwitched() {
        world.ecs.rolloutPace(Duration.ofMinutes(2));
        Ticker t = world.start(r -> r.healthTimeout("3m")).runToEnd();

        Outcome outcome = outcome(t);
        assertThat(outcome).isInstanceOf(Outcome.RolledBack.class);
        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.message()).contains("not stable and healthy within 3m", "1/3 running", "nothing was switched",
                "web-green stays up on web:2 for inspection");
        assertThat(world.aws.calls("ModifyListener")).isZero();
        assertThat(world.production()).isEqualTo(Split.ALL_STABLE);
        assertThat(world.service(BLUE).desiredCount()).isEqualTo(3);
    }

    @Test
    void aCircuitBreakerRollbackOfTheIdleSideFailsTheDeploymentWithNothingSwitched() {
        world.ecs.rolloutPace(null);
        Ticker t = world.start(r -> r).runUntil(x -> phase(x) instanceof BlueGreenPhase.WaitingForIdle, 20);
        t.runUntil(x -> false, 3);
        world.ecs.failRollout(CLUSTER, GREEN, "tasks failed to start", true);
        t.runToEnd();

        Outcome outcome = outcome(t);
        assertThat(outcome).isInstanceOf(Outcome.RolledBack.class);
        assertThat(outcome.message()).contains("web-green runs web:1 instead of web:2", "rolling back",
                "nothing was switched");
        assertThat(world.aws.calls("ModifyListener")).isZero();
        assertThat(world.production()).isEqualTo(Split.ALL_STABLE);
        assertThat(kinds(t)).doesNotContain(EventKind.SERVICE_STABLE, EventKind.SHIFTED);
    }

    @Test
    void aFailedRolloutWithoutRollbackIsAFailureToo() {
        world.ecs.rolloutPace(null);
        Ticker t = world.start(r -> r).runUntil(x -> phase(x) instanceof BlueGreenPhase.WaitingForIdle, 20);
        world.ecs.failRollout(CLUSTER, GREEN, "tasks failed to start", false);
        t.runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.RolledBack.class);
        assertThat(outcome(t).message()).contains("web:2 to web-green FAILED", "circuit breaker");
        assertThat(world.production()).isEqualTo(Split.ALL_STABLE);
    }

    @Test
    void targetsThatStayUnhealthyKeepTrafficWhereItIs() {
        world.health(GREEN_TG, Map.of("healthy", 1, "unhealthy", 2));
        Ticker t = world.start(r -> r.healthTimeout("2m").scaleDownFailed(true)).runToEnd();

        Outcome outcome = outcome(t);
        assertThat(outcome).isInstanceOf(Outcome.RolledBack.class);
        assertThat(outcome.message()).contains("1 healthy target for 3 tasks (2 unhealthy)", "web-green was scaled to 0");
        assertThat(world.aws.calls("ModifyListener")).isZero();
        assertThat(world.service(GREEN).desiredCount()).isZero();
        assertThat(world.service(BLUE).desiredCount()).isEqualTo(3);
        assertThat(kinds(t)).endsWith(EventKind.SCALED_DOWN);
    }

    @Test
    void targetsTurningUnhealthyAfterTheRolloutAreWaitedOutThenFail() {
        Ticker t = world.start(r -> r.healthTimeout("2m"))
                .runUntil(x -> phase(x) instanceof BlueGreenPhase.WaitingForIdle, 20);
        world.health(GREEN_TG, Map.of("healthy", 2, "unhealthy", 1));
        t.runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.RolledBack.class);
        assertThat(outcome(t).message()).contains("2 healthy targets for 3 tasks (1 unhealthy)");
        assertThat(world.production()).isEqualTo(Split.ALL_STABLE);
    }

    @Test
    void anAlarmDuringTheStepsSendsTrafficBackInOneChangeAndKeepsTheNewSideForInspection() {
        Ticker t = world.start(r -> r.steps(List.of(10, 50, 100)).bake("1m"))
                .runUntil(x -> world.production().equals(new Split(50, 50)), 200);
        world.aws.alarm("5xx", AlarmState.ALARM, "Threshold Crossed");
        world.aws.resetCalls();
        t.runToEnd();

        Outcome outcome = outcome(t);
        assertThat(outcome).isInstanceOf(Outcome.RolledBack.class);
        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.message()).contains("5xx", "100/0", "web-green stays up on web:2 for inspection");
        // The switch's cause as a value, and where blue/green says traffic went: no sentence of the canary rewritten.
        Outcome.RolledBack back = (Outcome.RolledBack) outcome;
        assertThat(back.cause()).isInstanceOfSatisfying(Cause.AlarmFired.class, a -> assertThat(a.alarm()).isEqualTo("5xx"));
        assertThat(back.restored()).isEqualTo(new Restored.BackOn("blue (web-blue)"));
        assertThat(back.notes()).containsExactly("web-green stays up on web:2 for inspection (scale it to 0 when done)");
        assertThat(outcome.message()).doesNotContain("the stable side");
        assertThat(world.production()).isEqualTo(Split.ALL_STABLE);
        assertThat(world.aws.calls("ModifyListener")).isEqualTo(1);
        assertThat(world.service(GREEN).desiredCount()).isEqualTo(3);
        assertThat(world.service(BLUE).desiredCount()).isEqualTo(3);
        assertThat(world.service(GREEN).tags()).doesNotContainKey(KnownGoodTag.KEY);
    }

    @Test
    void anAlarmWhileTheOldSideIsKeptSwitchesBackInOneChange() {
        Ticker t = world.start(r -> r.scaleDownAfter("10m")).runUntil(x -> phase(x) instanceof BlueGreenPhase.ScaleDownWait, 100);
        t.runUntil(x -> false, 10);
        assertThat(world.production()).isEqualTo(new Split(0, 100));
        assertThat(t.checkpoint().status()).contains("web-blue keeps running, alarms watched, until");
        world.aws.alarm("5xx", AlarmState.ALARM, "Threshold Crossed: 5xx > 10");
        world.aws.resetCalls();
        Instant fired = world.clock.instant();
        t.runToEnd();

        Outcome outcome = outcome(t);
        assertThat(outcome).as(outcome.message()).isInstanceOf(Outcome.RolledBack.class);
        assertThat(outcome.message()).contains("5xx", "Threshold Crossed");
        assertThat(world.production()).isEqualTo(Split.ALL_STABLE);
        assertThat(world.aws.calls("ModifyListener")).isEqualTo(1);
        assertThat(Duration.between(fired, world.clock.instant())).isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(world.service(BLUE).desiredCount()).isEqualTo(3);
        assertThat(world.ecs.calls("TagResource")).isZero();
    }

    @Test
    void anAbortWhileTheOldSideIsKeptSwitchesBackAndEndsStopped() {
        Ticker t = world.start(r -> r).runUntil(x -> phase(x) instanceof BlueGreenPhase.ScaleDownWait, 100);
        t.apply(t.engine().abort(t.checkpoint(), "aborted by ops", world.clock.instant()));
        t.runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.Stopped.class);
        assertThat(outcome(t).exitCode()).isEqualTo(4);
        assertThat(world.production()).isEqualTo(Split.ALL_STABLE);
        assertThat(world.service(BLUE).desiredCount()).isEqualTo(3);
    }

    @Test
    void anAbortWhileTheIdleSideStartsEndsStoppedWithoutTouchingTraffic() {
        Ticker t = world.start(r -> r.scaleDownFailed(true)).runUntil(x -> phase(x) instanceof BlueGreenPhase.WaitingForIdle, 20);
        t.apply(t.engine().abort(t.checkpoint(), "aborted by ops", world.clock.instant()));
        t.runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.Stopped.class);
        assertThat(outcome(t).message()).contains("nothing was switched", "web-green was scaled to 0");
        assertThat(world.aws.calls("ModifyListener")).isZero();
        assertThat(world.service(GREEN).desiredCount()).isZero();
    }

    @Test
    void anAbortAsTheSwitchBeginsSaysThatOnlyTrafficStayedPut() {
        Ticker t = world.start(r -> r).runUntil(x -> phase(x) instanceof BlueGreenPhase.Switching, 20);
        t.apply(t.engine().abort(t.checkpoint(), "aborted by ops", world.clock.instant()));
        t.runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.Stopped.class);
        assertThat(outcome(t).message()).contains("nothing was switched", "web-green stays up on web:2")
                .doesNotContain("nothing was changed");
        assertThat(world.aws.calls("ModifyListener")).isZero();
    }

    @Test
    void anAbortWhileWaitingForApprovalPutsNothingOnTheNewSide() {
        Ticker t = world.start(r -> r.approveBefore("switch")).runUntil(x -> x.checkpoint().approval().isPresent(), 100);
        t.apply(t.engine().abort(t.checkpoint(), "aborted by ops", world.clock.instant()));
        t.runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.Stopped.class);
        assertThat(outcome(t).exitCode()).isEqualTo(4);
        assertThat(outcome(t).message()).contains("all traffic is still on blue (web-blue)").doesNotContain("back");
        assertThat(world.aws.calls("ModifyListener")).isZero();
        assertThat(world.production()).isEqualTo(Split.ALL_STABLE);
    }

    @Test
    void anAbortDuringTheCleanUpIsRefused() {
        Ticker t = world.start(r -> r.scaleDownAfter("0s"))
                .runUntil(x -> phase(x) instanceof BlueGreenPhase.ScalingDownOld, 100);
        t.apply(t.engine().abort(t.checkpoint(), "aborted by ops", world.clock.instant()));
        t.runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.Succeeded.class);
        assertThat(t.events()).anySatisfy(e -> assertThat(e.message()).contains("refused"));
    }

    @Test
    void approvalComesBeforeAnyProductionTrafficMovesWithAlarmsWatched() {
        Ticker t = world.start(r -> r.approveBefore("switch").approvalTimeout("30m"))
                .runUntil(x -> x.checkpoint().approval().isPresent(), 100);
        assertThat(t.checkpoint().approval().orElseThrow().question())
                .isEqualTo("Switch 100% of production traffic to green (web-green on web:2)?");
        assertThat(world.production()).isEqualTo(Split.ALL_STABLE);
        int reads = world.aws.calls("DescribeAlarms");
        t.runUntil(x -> false, 5);
        assertThat(world.aws.calls("DescribeAlarms")).isGreaterThan(reads);
        assertThat(world.production()).isEqualTo(Split.ALL_STABLE);

        t.apply(t.engine().approve(t.checkpoint(), "alice", world.clock.instant()));
        t.runToEnd();
        assertThat(outcome(t)).isInstanceOf(Outcome.Succeeded.class);
        assertThat(kinds(t)).containsSubsequence(EventKind.SERVICE_STABLE, EventKind.APPROVAL_REQUESTED, EventKind.APPROVED,
                EventKind.SHIFTED);
    }

    @Test
    void aDeclinedSwitchEndsStoppedWithNothingSwitched() {
        Ticker t = world.start(r -> r.approveBefore("switch")).runUntil(x -> x.checkpoint().approval().isPresent(), 100);
        t.apply(t.engine().decline(t.checkpoint(), "bob", world.clock.instant()));
        t.runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.Stopped.class);
        assertThat(outcome(t).message()).contains("declined by bob", "web-green stays up on web:2");
        assertThat(world.aws.calls("ModifyListener")).isZero();
        assertThat(world.production()).isEqualTo(Split.ALL_STABLE);
    }

    @Test
    void anAlarmWhileWaitingForApprovalEndsWithNothingSwitched() {
        Ticker t = world.start(r -> r.approveBefore("switch")).runUntil(x -> x.checkpoint().approval().isPresent(), 100);
        world.aws.alarm("5xx", AlarmState.ALARM, "Threshold Crossed");
        t.runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.RolledBack.class);
        assertThat(((Outcome.RolledBack) outcome(t)).restored()).isEqualTo(new Restored.StillOn("blue (web-blue)"));
        assertThat(outcome(t).message()).contains("alarm 5xx is ALARM", "nothing was switched, all traffic is still on blue (web-blue)");
        assertThat(world.aws.calls("ModifyListener")).isZero();
    }

    @Test
    void anAlarmFiringBeforeTheSwitchStopsItWithoutSayingNothingChanged() {
        Ticker t = world.start(r -> r).runUntil(x -> phase(x) instanceof BlueGreenPhase.WaitingForIdle, 20);
        world.aws.alarm("5xx", AlarmState.ALARM, "Threshold Crossed");
        t.runToEnd();

        Outcome outcome = outcome(t);
        assertThat(outcome).isInstanceOf(Outcome.RolledBack.class);
        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.message()).contains("just before the switch", "5xx", "nothing was switched")
                .doesNotContain("nothing was changed in AWS");
        assertThat(world.aws.calls("ModifyListener")).isZero();
    }

    @Test
    void testTrafficIsPointedAtTheNewSideBeforeProductionMoves() {
        Ticker t = world.start(r -> r.testRuleArn(RULE).approveBefore("switch"))
                .runUntil(x -> x.checkpoint().approval().isPresent(), 100);
        assertThat(world.aws.weights(RULE).weights()).containsEntry(GREEN_TG, 100).containsEntry(BLUE_TG, 0);
        assertThat(world.production()).isEqualTo(Split.ALL_STABLE);
        t.apply(t.engine().approve(t.checkpoint(), "alice", world.clock.instant()));
        t.runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.Succeeded.class);
        assertThat(world.aws.calls("ModifyRule")).isEqualTo(1);
    }

    @Test
    void productionMovedBySomeoneElseBeforeTheSwitchStopsWithoutAnotherChange() {
        world.ecs.rolloutPace(Duration.ofMinutes(1));
        Ticker t = world.start(r -> r).runUntil(x -> phase(x) instanceof BlueGreenPhase.WaitingForIdle, 20);
        world.aws.setWeights(LISTENER, Map.of(BLUE_TG, 50, GREEN_TG, 50));
        t.restartFromStore();
        t.runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.Unsafe.class);
        assertThat(outcome(t).exitCode()).isEqualTo(5);
        assertThat(world.aws.calls("ModifyListener")).isZero();
    }

    @Test
    void theOldSideIsNotScaledDownIfTrafficWentBackToIt() {
        Ticker t = world.start(r -> r.scaleDownAfter("0s"))
                .runUntil(x -> phase(x) instanceof BlueGreenPhase.ScalingDownOld, 100);
        world.aws.setWeights(LISTENER, Map.of(BLUE_TG, 100, GREEN_TG, 0));
        t.runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.Unsafe.class);
        assertThat(outcome(t).message()).contains("web-blue was left as it is", "web-blue runs web:1, 3/3 tasks");
        assertThat(world.service(BLUE).desiredCount()).isEqualTo(3);
    }

    @Test
    void failingEcsCallsAreRetriedWithBackoff() {
        world.ecs.failNext("UpdateService", 2);
        world.ecs.failNext("TagResource", 1);
        Ticker t = world.start(r -> r).runToEnd();

        assertThat(outcome(t)).as(outcome(t).message()).isInstanceOf(Outcome.Succeeded.class);
        assertThat(t.events()).filteredOn(e -> e.message().startsWith("attempt ")).hasSize(3);
    }

    @Test
    void anEcsCallThatKeepsFailingEndsTheDeploymentSaying() {
        world.ecs.failNext("RegisterTaskDefinition", 10);
        Ticker t = world.start(r -> r).runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.Failed.class);
        assertThat(outcome(t).message()).contains("after 5 attempts", "all traffic is still on blue");
        assertThat(world.service(GREEN).desiredCount()).isZero();
    }

    @Test
    void statusSaysWhereTheDeploymentIs() {
        world.ecs.rolloutPace(Duration.ofMinutes(1));
        Ticker t = world.start(r -> r).runUntil(x -> phase(x) instanceof BlueGreenPhase.WaitingForIdle
                && !((BlueGreenPhase.WaitingForIdle) phase(x)).progress().isEmpty(), 20);
        assertThat(t.checkpoint().status()).startsWith("waiting until web-green is stable on web:2 (")
                .contains("all traffic on blue (web-blue)");
        t.runToEnd();
        assertThat(t.checkpoint().status()).startsWith("finished: green (web-green) is live on web:2");
    }
}
