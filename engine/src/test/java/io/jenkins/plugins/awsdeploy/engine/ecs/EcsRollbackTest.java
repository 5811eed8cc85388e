package io.jenkins.plugins.awsdeploy.engine.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.JsonCodec;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.aws.EcsService;
import io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAws;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeEcs;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ECS rollbacks in virtual time against the in-memory ECS: the behaviour over time that moto cannot show. */
class EcsRollbackTest {

    static final String CLUSTER = "prod";
    static final String SERVICE = "web";

    final VirtualClock clock = new VirtualClock();
    final FakeAws aws = FakeAws.standard();
    final FakeEcs ecs = aws.ecs().clock(clock);
    final Engine engine = new Engine(aws.ports());

    /** Revisions web:1 to web:7; the service runs web:7 with 3 tasks, stable. */
    @BeforeEach
    void world() {
        ecs.cluster(CLUSTER);
        for (int i = 1; i <= 7; i++) ecs.register("web", Map.of("app", "registry/web:1." + i));
        ecs.createService(CLUSTER, SERVICE, "web:7", 3);
        ecs.resetCalls();
    }

    RollbackRequest request() {
        return new RollbackRequest().cluster(CLUSTER).service(SERVICE).region(FakeEcs.REGION);
    }

    Ticker ticker(RollbackRequest request) {
        return new Ticker(engine, clock, RollbackCheckpoint.start(request.toSpec()));
    }

    static Outcome outcome(Ticker t) {
        return t.checkpoint().outcome().orElseThrow();
    }

    static RollbackPhase phase(Ticker t) {
        return ((RollbackCheckpoint) t.checkpoint()).phase();
    }

    static Predicate<Ticker> waiting() {
        return t -> phase(t) instanceof RollbackPhase.WaitingStable;
    }

    EcsService service() {
        return ecs.peek(CLUSTER, SERVICE);
    }

    // ---- rolling out

    @Test
    void aSlowRolloutSucceedsOnlyOnceTheTargetRunsAloneAndSaysHowLongItTook() {
        ecs.rolloutPace(Duration.ofSeconds(40));
        Ticker t = ticker(request());
        Instant start = clock.instant();

        while (t.step()) {
            assertThat(t.checkpoint().finished()).isFalse();
        }

        Outcome o = outcome(t);
        assertThat(o).isInstanceOf(Outcome.Succeeded.class);
        assertThat(o.exitCode()).isZero();
        assertThat(o.message()).contains("service web runs web:6 again", "3/3 tasks", "restored in 2m", "it ran web:7",
                "highest ACTIVE revision of web below the current web:7");
        assertThat(Duration.between(start, clock.instant())).isEqualTo(Duration.ofMinutes(2));
        assertThat(service().stableOn(TaskDefinitionRef.of("web:6"))).isTrue();
        assertThat(ecs.calls("UpdateService")).isEqualTo(1);
        assertThat(t.events()).extracting(DeploymentEvent::kind).containsSubsequence(EventKind.PREFLIGHT_PASSED,
                EventKind.SERVICE_UPDATED, EventKind.INFO, EventKind.SERVICE_STABLE, EventKind.SUCCEEDED);
        assertThat(t.events()).filteredOn(e -> e.message().startsWith("rolling out web:6")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(t.events()).anyMatch(e -> e.message().contains("ECS") && e.message().contains("has reached a steady state"));
    }

    @Test
    void allDesiredTasksRunningIsNotEnoughWhileTheOldDeploymentIsStillThere() {
        Ticker t = ticker(request().toRevision("web:5"));
        t.runUntil(waiting(), 10);
        // The service counts the tasks of both deployments: 2 new and 1 old make the desired 3.
        ecs.counts(CLUSTER, SERVICE, 2, 0);
        ecs.oldRunning(CLUSTER, SERVICE, 1);

        t.runUntil(x -> false, 20);

        assertThat(t.checkpoint().finished()).isFalse();
        assertThat(t.checkpoint().status()).contains("3/3 running;", "web:5 PRIMARY 2/3 IN_PROGRESS", "web:7 ACTIVE 1/3");
        ecs.completeRollout(CLUSTER, SERVICE);
        t.runToEnd();
        assertThat(outcome(t).exitCode()).isZero();
    }

    @Test
    void whereEcsReportsNoRolloutStateASingleDeploymentWithAllTasksRunningIsStable() {
        ecs.reportRolloutState(false).rolloutPace(Duration.ofSeconds(10));

        Ticker t = ticker(request().toRevision("web:5")).runToEnd();

        assertThat(outcome(t)).isInstanceOf(Outcome.Succeeded.class);
        assertThat(service().deployments()).singleElement().satisfies(d -> assertThat(d.rolloutState()).isNull());
    }

    @Test
    void ecsCircuitBreakerRollingBackOnItsOwnEndsWithExit3QuotingTheEcsEvents() {
        Ticker t = ticker(request().toRevision("web:5"));
        t.runUntil(waiting(), 10);
        clock.advance(Duration.ofSeconds(30));
        ecs.event(CLUSTER, SERVICE, "(service web) (task 1a2b) failed container health checks.");
        ecs.failRollout(CLUSTER, SERVICE, "tasks failed to start.", true);

        t.runToEnd();

        Outcome o = outcome(t);
        assertThat(o).isInstanceOf(Outcome.RolledBack.class);
        assertThat(o.exitCode()).isEqualTo(3);
        assertThat(o.message()).contains("ECS rolled service web back on its own", "the deployment of web:5 failed",
                "tasks failed to start", "points at web:7 again", "Latest ECS events", "rolling back to deployment",
                "failed container health checks");
        assertThat(t.events()).anyMatch(e -> e.kind() == EventKind.INFO && e.message().contains("deployment failed"));
        assertThat(t.events()).last().extracting(DeploymentEvent::kind).isEqualTo(EventKind.ROLLED_BACK);
        assertThat(ecs.calls("UpdateService")).isEqualTo(1);
    }

    @Test
    void aFailedDeploymentThatEcsDoesNotRollBackEndsWithExit3AndSaysTheServiceIsOnTheFailedRevision() {
        Ticker t = ticker(request().toRevision("web:5"));
        t.runUntil(waiting(), 10);
        ecs.failRollout(CLUSTER, SERVICE, "tasks failed to start.", false);

        t.runToEnd();

        Outcome o = outcome(t);
        assertThat(o.exitCode()).isEqualTo(3);
        assertThat(o.message()).contains("the deployment of web:5 failed", "ECS did not roll it back",
                "points at web:5 but 3/3 running", "deployment failed: tasks failed to start.");
    }

    @Test
    void notStableWithinTheTimeoutEndsWithExit1SayingWhatRunsAndThatEcsGoesOn() {
        Ticker t = ticker(request().toRevision("web:5").timeout("2m").poll("10s"));
        t.runUntil(waiting(), 10);
        Instant waitFrom = clock.instant();
        ecs.counts(CLUSTER, SERVICE, 1, 2);
        ecs.oldRunning(CLUSTER, SERVICE, 2);
        ecs.event(CLUSTER, SERVICE, "(service web) was unable to place a task because no container instance met all of its requirements.");

        t.runToEnd();

        Outcome o = outcome(t);
        assertThat(o).isInstanceOf(Outcome.Failed.class);
        assertThat(o.exitCode()).isEqualTo(1);
        assertThat(o.message()).contains("was not stable on web:5 within 2m", "points at web:5 but 3/3 running, 2 pending",
                "web:5 PRIMARY 1/3 IN_PROGRESS", "web:7 ACTIVE 2/3", "nothing was undone", "unable to place a task");
        assertThat(clock.instant()).isEqualTo(waitFrom.plus(Duration.ofMinutes(2)));
        assertThat(service().taskDefinition()).isEqualTo(FakeEcs.taskDefinitionArn("web:5"));
    }

    @Test
    void someoneElseDeployingAThirdRevisionDuringTheWaitEndsUnsafe() {
        Ticker t = ticker(request().toRevision("web:5"));
        t.runUntil(waiting(), 10);
        ecs.startDeployment(CLUSTER, SERVICE, "web:3");

        t.runToEnd();

        assertThat(outcome(t).exitCode()).isEqualTo(5);
        assertThat(outcome(t).message()).contains("now points at web:3, neither web:5 nor web:7");
    }

    @Test
    void aFailedReadWhileWaitingIsToldAndTheWaitGoesOn() {
        ecs.rolloutPace(Duration.ofSeconds(20));
        Ticker t = ticker(request().toRevision("web:5"));
        t.runUntil(waiting(), 10);
        ecs.failNext("DescribeServices", 2);

        t.runToEnd();

        assertThat(outcome(t).exitCode()).isZero();
        assertThat(t.events()).filteredOn(e -> e.message().startsWith("could not read service web")).hasSize(2);
    }

    // ---- updating

    @Test
    void theUpdateKeepsTheDesiredCountAndPointsAtTheDescribedArn() {
        ecs.rolloutPace(Duration.ofSeconds(5));

        ticker(request().toRevision("web:5")).runToEnd();

        EcsService after = service();
        assertThat(after.desiredCount()).isEqualTo(3);
        assertThat(after.taskDefinition()).isEqualTo(FakeEcs.taskDefinitionArn("web:5"));
    }

    @Test
    void anUpdateEcsRefusesEndsWithExit1AndSaysWhereTheServiceIs() {
        ecs.failNext("UpdateService", 1);

        Ticker t = ticker(request().toRevision("web:5")).runToEnd();

        assertThat(outcome(t).exitCode()).isEqualTo(1);
        assertThat(outcome(t).message()).contains("ECS refused to update service web to web:5", "the service points at web:7");
    }

    @Test
    void aServiceChangedBySomeoneElseBetweenTheCheckAndTheUpdateIsLeftAlone() {
        Ticker t = ticker(request().toRevision("web:5"));
        t.step();
        assertThat(phase(t)).isInstanceOf(RollbackPhase.Updating.class);
        ecs.startDeployment(CLUSTER, SERVICE, "web:3");

        t.runToEnd();

        assertThat(outcome(t).exitCode()).isEqualTo(1);
        assertThat(outcome(t).message()).contains("changed by someone else", "points at web:3", "nothing was changed");
        assertThat(ecs.calls("UpdateService")).isZero();
    }

    @Test
    void noWaitEndsRightAfterTheUpdateIsReadBackAndSaysItDidNotWait() {
        Ticker t = ticker(request().toRevision("web:5").noWait(true)).runToEnd();

        assertThat(outcome(t).exitCode()).isZero();
        assertThat(outcome(t).message()).contains("now points at web:5 (from web:7)", "not waited for it to be stable (noWait)");
        assertThat(service().taskDefinition()).isEqualTo(FakeEcs.taskDefinitionArn("web:5"));
    }

    // ---- dry run and nothing to do

    @Test
    void aDryRunSaysWhatWouldHappenAndChangesNothing() {
        EcsService before = service();

        Ticker t = ticker(request().dryRun(true)).runToEnd();

        assertThat(outcome(t).exitCode()).isZero();
        assertThat(outcome(t).message()).isEqualTo("dry run: would roll back service web in cluster prod from web:7 to web:6 "
                + "(the highest ACTIVE revision of web below the current web:7, as the service has no known-good tag), "
                + "keeping its desired count (now 3), then wait until it is stable, at most 10m; nothing was changed in AWS");
        assertThat(ecs.writes()).isZero();
        assertThat(service()).isEqualTo(before);
    }

    @Test
    void alreadyOnTheTargetAndStableEndsWith0AndChangesNothing() {
        EcsService before = service();

        Ticker t = ticker(request().toRevision(FakeEcs.taskDefinitionArn("web:7"))).runToEnd();

        assertThat(outcome(t).exitCode()).isZero();
        assertThat(outcome(t).message()).contains("already runs web:7 (the revision asked for) and is stable", "nothing was changed");
        assertThat(ecs.writes()).isZero();
        assertThat(service()).isEqualTo(before);
    }

    @Test
    void alreadyPointingAtTheTargetButNotStableWaitsWithoutUpdating() {
        ecs.startDeployment(CLUSTER, SERVICE, "web:6");
        Ticker t = ticker(request().toRevision("web:6"));
        t.runUntil(waiting(), 5);
        ecs.completeRollout(CLUSTER, SERVICE);

        t.runToEnd();

        assertThat(outcome(t).exitCode()).isZero();
        assertThat(ecs.calls("UpdateService")).isZero();
        assertThat(t.events()).anyMatch(e -> e.message().contains("already points at web:6"));
    }

    // ---- choosing the target

    @Test
    void anExplicitRevisionIsTakenExactlyEvenAsAnArn() {
        ecs.rolloutPace(Duration.ofSeconds(5));

        Ticker t = ticker(request().toRevision(FakeEcs.taskDefinitionArn("web:3"))).runToEnd();

        assertThat(outcome(t).message()).contains("runs web:3 again (the revision asked for)");
        assertThat(TaskDefinitionRef.of(service().taskDefinition())).isEqualTo(new TaskDefinitionRef("web", 3));
    }

    @Test
    void theKnownGoodTagWinsOverTheRevisionBelow() {
        ecs.tags(CLUSTER, SERVICE, KnownGoodTag.of(new TaskDefinitionRef("web", 4)));
        ecs.rolloutPace(Duration.ofSeconds(5));

        Ticker t = ticker(request()).runToEnd();

        assertThat(outcome(t).message()).contains("runs web:4 again (the last known-good revision, recorded on the service "
                + "by blue/green (tag aws-deploy:last-known-good))");
    }

    @Test
    void aKnownGoodTagNamingTheCurrentStableRevisionChangesNothingAndSaysHowToGoFurther() {
        ecs.tags(CLUSTER, SERVICE, Map.of(KnownGoodTag.KEY, FakeEcs.taskDefinitionArn("web:7")));

        Ticker t = ticker(request()).runToEnd();

        assertThat(outcome(t).exitCode()).isZero();
        assertThat(outcome(t).message()).contains("already runs web:7 (the last known-good revision", "to go further back");
        assertThat(ecs.writes()).isZero();
    }

    @Test
    void withoutTagTheHighestActiveRevisionBelowTheCurrentOneIsChosenSkippingDeregisteredOnes() {
        ecs.deregister("web:6");
        ecs.deregister("web:5");
        ecs.rolloutPace(Duration.ofSeconds(5));

        Ticker t = ticker(request()).runToEnd();

        assertThat(outcome(t).message()).contains("runs web:4 again", "web:5 to 6 are not ACTIVE");
    }

    @Test
    void revisionsOfAnotherFamilyWithTheSamePrefixAreNotCandidates() {
        ecs.register("web-worker", Map.of("app", "worker:1"));
        ecs.register("web-worker", Map.of("app", "worker:2"));
        ecs.deregister("web:6");

        Ticker t = ticker(request().dryRun(true)).runToEnd();

        assertThat(outcome(t).message()).contains("from web:7 to web:5", "web:6 is not ACTIVE");
    }

    // ---- stopping and resuming

    @Test
    void abortWhileWaitingUndoesNothingAndSaysWhatRuns() {
        Ticker t = ticker(request().toRevision("web:5"));
        t.runUntil(waiting(), 10);
        ecs.counts(CLUSTER, SERVICE, 1, 2);

        t.apply(engine.abort(t.checkpoint(), "aborted by alice", clock.instant()));

        Outcome o = outcome(t);
        assertThat(o.exitCode()).isEqualTo(4);
        assertThat(o.message()).contains("aborted by alice; nothing to undo: service web points at web:5",
                "ECS goes on rolling it out", "web:5 PRIMARY 1/3");
        assertThat(ecs.calls("UpdateService")).isEqualTo(1);
    }

    @Test
    void abortAfterTheIntentWasRecordedButBeforeTheUpdateSaysNothingWasChanged() {
        Ticker t = ticker(request().toRevision("web:5"));
        t.step();

        t.apply(engine.abort(t.checkpoint(), "aborted by alice", clock.instant()));

        assertThat(outcome(t).message()).isEqualTo("aborted by alice before the update; service web still points at web:7; "
                + "nothing was changed in AWS");
        assertThat(ecs.writes()).isZero();
    }

    @Test
    void abortAfterEcsMovedTheServiceAwaySaysWhereItIs() {
        Ticker t = ticker(request().toRevision("web:5"));
        t.runUntil(waiting(), 10);
        ecs.failRollout(CLUSTER, SERVICE, "tasks failed to start.", true);

        t.apply(engine.abort(t.checkpoint(), "aborted by alice", clock.instant()));

        assertThat(outcome(t).exitCode()).isEqualTo(4);
        assertThat(outcome(t).message()).contains("service web points at web:7, not at web:5: ECS or someone else moved it",
                "nothing was undone");
    }

    @Test
    void abortBeforeAnyChangeChangesNothing() {
        Ticker t = ticker(request());

        t.apply(engine.abort(t.checkpoint(), "aborted by alice", clock.instant()));

        assertThat(outcome(t).exitCode()).isEqualTo(4);
        assertThat(outcome(t).message()).isEqualTo("aborted by alice before any change; nothing was changed in AWS");
        assertThat(ecs.writes()).isZero();
    }

    @Test
    void approvalsAreIgnored() {
        Ticker t = ticker(request());
        t.apply(engine.approve(t.checkpoint(), "bob", clock.instant()));

        assertThat(t.events()).last().extracting(DeploymentEvent::message).isEqualTo("approval by bob ignored: a rollback asks for no approval");
        assertThat(t.runToEnd().checkpoint().finished()).isTrue();
    }

    /** Kills the process after each checkpoint the shell stored, and checks that a restart ends the same way. */
    @Test
    void aKillAfterAnyStoredCheckpointResumesToTheSameEndWithASingleUpdate() {
        int stored = reference();
        assertThat(stored).isGreaterThan(5);
        for (int kill = 1; kill < stored; kill++) {
            EcsRollbackTest fresh = new EcsRollbackTest();
            fresh.world();
            fresh.ecs.rolloutPace(Duration.ofSeconds(40));
            Ticker t = fresh.ticker(request().toRevision("web:5"));
            for (int i = 0; i < kill; i++) t.step();
            fresh.clock.advance(Duration.ofSeconds(7));

            t.restartFromStore().runToEnd();

            assertThat(outcome(t)).as("killed after checkpoint " + kill).isInstanceOf(Outcome.Succeeded.class);
            assertThat(fresh.ecs.calls("UpdateService")).as("killed after checkpoint " + kill).isEqualTo(1);
            assertThat(fresh.service().stableOn(TaskDefinitionRef.of("web:5"))).isTrue();
        }
    }

    private int reference() {
        ecs.rolloutPace(Duration.ofSeconds(40));
        Ticker t = ticker(request().toRevision("web:5")).runToEnd();
        assertThat(outcome(t)).isInstanceOf(Outcome.Succeeded.class);
        return t.storedCount();
    }

    @Test
    void aProcessKilledRightAfterUpdateServiceWentThroughDoesNotUpdateAgain() {
        Ticker t = ticker(request().toRevision("web:5"));
        t.step();
        assertThat(phase(t)).isInstanceOf(RollbackPhase.Updating.class);
        // The killed process made the call; its next checkpoint was never stored.
        ecs.updateService(CLUSTER, SERVICE, FakeEcs.taskDefinitionArn("web:5"), null);
        ecs.resetCalls();
        ecs.rolloutPace(Duration.ofSeconds(10));

        t.restartFromStore().runToEnd();

        assertThat(outcome(t).exitCode()).isZero();
        assertThat(ecs.calls("UpdateService")).isZero();
        assertThat(t.events()).anyMatch(e -> e.message().contains("the update was made by an earlier attempt"));
    }

    @Test
    void theCheckpointSurvivesJsonWithItsChoice() {
        Ticker t = ticker(request().toRevision("web:5"));
        t.runUntil(waiting(), 10);

        RollbackCheckpoint back = (RollbackCheckpoint) JsonCodec.readCheckpoint(JsonCodec.write(t.checkpoint()));

        assertThat(back).isEqualTo(t.checkpoint());
        assertThat(back.choice().target()).isEqualTo(new TaskDefinitionRef("web", 5));
        assertThat(JsonCodec.write(back)).contains("\"strategy\":\"ecs-rollback\"", "\"phase\":\"WaitingStable\"");
    }
}
