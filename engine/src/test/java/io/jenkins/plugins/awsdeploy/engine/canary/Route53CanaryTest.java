package io.jenkins.plugins.awsdeploy.engine.canary;

import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.RECORD;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.AlarmState;
import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.aws.DnsRecord;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAws;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A canary on Route 53 weighted records over time, with the in-memory Route 53: changes that stay PENDING, GetChange
 * failing, alarms firing during the wait, someone else's edit, a restart in the middle of the wait.
 */
class Route53CanaryTest {

    private final FakeAws aws = FakeAws.standard();
    private final VirtualClock clock = new VirtualClock();

    static CanaryRequest request() {
        return new CanaryRequest().hostedZoneId(ZONE).recordName("API.example.com").stableSetIdentifier("blue")
                .canarySetIdentifier("green").steps(List.of(10, 50, 100)).bake("2m").poll("5s").alarms(List.of("5xx"));
    }

    private Ticker ticker(CanaryRequest request) {
        return new Ticker(new Engine(aws.ports(), clock), clock, CanaryCheckpoint.start(request.toSpec()));
    }

    private Map<String, Long> weights() {
        return aws.records(ZONE).stream().collect(Collectors.toMap(DnsRecord::setIdentifier, DnsRecord::weight));
    }

    private static List<EventKind> kinds(Ticker t) {
        return t.events().stream().map(DeploymentEvent::kind).toList();
    }

    @Test
    void eachStepWritesBothWeightsInOneChangeAndBakesOnlyOnceInSync() {
        aws.staysPending(3);
        Ticker run = ticker(request()).runToEnd();

        assertThat(run.checkpoint().outcome()).containsInstanceOf(Outcome.Succeeded.class);
        assertThat(weights()).containsExactlyInAnyOrderEntriesOf(Map.of("blue", 0L, "green", 100L));
        assertThat(aws.calls("ChangeResourceRecordSets")).as("one change batch per step, both records in it").isEqualTo(3);
        // Every other field is kept: values and TTL as the zone had them.
        assertThat(aws.records(ZONE)).extracting(DnsRecord::ttl).containsOnly(60L);
        assertThat(aws.records(ZONE)).extracting(r -> r.values().get(0)).containsExactlyInAnyOrder("192.0.2.10", "192.0.2.20");
        List<EventKind> kinds = kinds(run);
        assertThat(kinds.stream().filter(k -> k == EventKind.INSYNC)).hasSize(3);
        // SHIFTED (written) comes before INSYNC, which starts the bake
        assertThat(kinds.indexOf(EventKind.SHIFTED)).isLessThan(kinds.indexOf(EventKind.INSYNC));
    }

    @Test
    void theBakeStartsWhenTheChangeIsInSyncNotWhenItWasWritten() {
        aws.staysPending(6); // six polls 5s apart answer PENDING, the seventh INSYNC: 35s after the write
        Ticker run = ticker(request());
        run.runUntil(t -> t.events().stream().anyMatch(e -> e.kind() == EventKind.INSYNC), 100);

        DeploymentEvent shifted = run.events().stream().filter(e -> e.kind() == EventKind.SHIFTED).findFirst().orElseThrow();
        DeploymentEvent inSync = run.events().stream().filter(e -> e.kind() == EventKind.INSYNC).findFirst().orElseThrow();
        assertThat(Duration.between(shifted.at(), inSync.at())).isEqualTo(Duration.ofSeconds(35));
        CanaryPhase.Baking baking = (CanaryPhase.Baking) ((CanaryCheckpoint) run.checkpoint()).phase();
        assertThat(baking.until()).isEqualTo(inSync.at().plus(Duration.ofMinutes(2)));
        assertThat(inSync.message()).contains("in sync after 35s", "read back 90/10");
    }

    @Test
    void anAlarmWhileTheChangeIsPendingRollsBack() {
        aws.staysPending(1000);
        Ticker run = ticker(request());
        run.runUntil(t -> ((CanaryCheckpoint) t.checkpoint()).phase() instanceof CanaryPhase.Propagating, 20);
        aws.alarm("5xx", AlarmState.ALARM, "Threshold Crossed");
        run.runToEnd();

        assertThat(run.checkpoint().outcome()).containsInstanceOf(Outcome.RolledBack.class);
        assertThat(weights()).containsExactlyInAnyOrderEntriesOf(Map.of("blue", 100L, "green", 0L));
        assertThat(run.events()).filteredOn(e -> e.kind() == EventKind.ROLLED_BACK).first()
                .satisfies(e -> assertThat(e.message()).contains("change C"));
    }

    @Test
    void aChangeThatNeverGetsInSyncRollsBackAfterTheLimit() {
        aws.staysPending(1_000_000);
        Ticker run = ticker(request()).runToEnd();

        assertThat(run.checkpoint().outcome()).containsInstanceOf(Outcome.RolledBack.class);
        assertThat(run.checkpoint().outcome().orElseThrow().message()).contains("still not in sync (PENDING) after 15m");
        assertThat(weights()).containsExactlyInAnyOrderEntriesOf(Map.of("blue", 100L, "green", 0L));
    }

    /** A rollback on Route 53 does not wait for INSYNC, so it must not claim that all traffic is already back. */
    @Test
    void aRollbackSaysItsChangeIsStillPropagatingNotThatAllTrafficIsBack() {
        Ticker run = ticker(request());
        run.runUntil(t -> ((CanaryCheckpoint) t.checkpoint()).phase() instanceof CanaryPhase.Baking, 100);
        aws.flap("5xx", "Threshold Crossed: 1 datapoint");
        run.runToEnd();

        DeploymentEvent rolledBack = run.events().stream().filter(e -> e.kind() == EventKind.ROLLED_BACK).findFirst().orElseThrow();
        String outcome = run.checkpoint().outcome().orElseThrow().message();
        for (String text : List.of(rolledBack.message(), outcome)) {
            assertThat(text).contains("written 100/0", "as change C", "propagating to the name servers")
                    .doesNotContain("all traffic is back");
        }
    }

    @Test
    void getChangeFailingRollsBack() {
        aws.failNextChangeReads(1);
        Ticker run = ticker(request()).runToEnd();

        assertThat(run.checkpoint().outcome()).containsInstanceOf(Outcome.RolledBack.class);
        assertThat(run.checkpoint().outcome().orElseThrow().message()).contains("could not learn whether change", "Throttling");
        assertThat(weights()).containsExactlyInAnyOrderEntriesOf(Map.of("blue", 100L, "green", 0L));
    }

    @Test
    void aFailedWriteRollsBackToTheStableWeights() {
        Ticker run = ticker(request());
        run.runUntil(t -> t.events().stream().anyMatch(e -> e.kind() == EventKind.INSYNC), 100);
        aws.failNextWrites(1);
        run.runToEnd();

        assertThat(run.checkpoint().outcome()).containsInstanceOf(Outcome.RolledBack.class);
        assertThat(weights()).containsExactlyInAnyOrderEntriesOf(Map.of("blue", 100L, "green", 0L));
    }

    /** Drift is the engine's, not the router's: someone's edit is noticed within one poll, also during the wait. */
    @Test
    void someoneElsesEditDuringTheWaitStopsWithoutTouchingAndSaysHowToRestore() {
        aws.staysPending(1000);
        Ticker run = ticker(request());
        run.runUntil(t -> ((CanaryCheckpoint) t.checkpoint()).phase() instanceof CanaryPhase.Propagating, 20);
        aws.setRecordWeight("green", 30);
        int writes = aws.calls("ChangeResourceRecordSets");
        run.runToEnd();

        Outcome outcome = run.checkpoint().outcome().orElseThrow();
        assertThat(outcome).isInstanceOf(Outcome.Unsafe.class);
        assertThat(aws.calls("ChangeResourceRecordSets")).isEqualTo(writes);
        assertThat(outcome.message()).contains("aws route53 change-resource-record-sets --hosted-zone-id " + ZONE,
                "\"SetIdentifier\":\"blue\",\"Weight\":100,\"TTL\":60,\"ResourceRecords\":[{\"Value\":\"192.0.2.10\"}]",
                "\"SetIdentifier\":\"green\",\"Weight\":0");
    }

    @Test
    void aFlappingAlarmBetweenTwoPollsRollsBackAsOnALoadBalancer() {
        Ticker run = ticker(request());
        run.runUntil(t -> ((CanaryCheckpoint) t.checkpoint()).phase() instanceof CanaryPhase.Baking, 100);
        aws.flap("5xx", "Threshold Crossed: 1 datapoint");
        run.runToEnd();

        assertThat(run.checkpoint().outcome()).containsInstanceOf(Outcome.RolledBack.class);
        assertThat(run.checkpoint().outcome().orElseThrow().message()).contains("5xx");
        assertThat(weights()).containsExactlyInAnyOrderEntriesOf(Map.of("blue", 100L, "green", 0L));
    }

    /** kill -9 during the INSYNC wait: the restart waits for the same change, then bakes, and ends all-new. */
    @Test
    void aRestartDuringTheWaitResumesWaitingForTheSameChange() {
        aws.staysPending(4);
        Ticker run = ticker(request());
        run.runUntil(t -> ((CanaryCheckpoint) t.checkpoint()).phase() instanceof CanaryPhase.Propagating, 20);
        String change = ((CanaryPhase.Propagating) ((CanaryCheckpoint) run.checkpoint()).phase()).change();
        clock.advance(Duration.ofSeconds(40));

        Ticker after = new Ticker(new Engine(aws.ports(), clock), clock, run.checkpoint());
        after.apply(after.engine().resume(run.checkpoint(), clock.instant()));
        assertThat(after.events()).extracting(DeploymentEvent::kind).first().isEqualTo(EventKind.RESUMED);
        after.runToEnd();

        assertThat(after.checkpoint().outcome()).containsInstanceOf(Outcome.Succeeded.class);
        assertThat(after.events()).filteredOn(e -> e.kind() == EventKind.INSYNC).first()
                .satisfies(e -> assertThat(e.message()).contains("change " + change));
        assertThat(aws.calls("ChangeResourceRecordSets")).as("no step written twice").isEqualTo(3);
    }

    /**
     * kill -9 between the write and the checkpoint that would have stored its change id: the restart cannot know
     * that change, so it writes the same weights again and waits for that change before the bake.
     */
    @Test
    void aChangeWhoseIdWasLostIsWaitedForThroughANewOne() {
        Ticker run = ticker(request());
        run.runUntil(t -> ((CanaryCheckpoint) t.checkpoint()).phase() instanceof CanaryPhase.Shifting, 20);
        Checkpoint stored = run.checkpoint();
        clock.set(run.wakeAt());
        run.engine().advance(stored, clock.instant()); // the weights change, the checkpoint is lost
        assertThat(weights()).containsEntry("green", 10L);
        aws.staysPending(3);

        Ticker after = new Ticker(new Engine(aws.ports(), clock), clock, stored);
        after.apply(after.engine().resume(stored, clock.instant()));
        after.runUntil(t -> ((CanaryCheckpoint) t.checkpoint()).phase() instanceof CanaryPhase.Baking, 20);

        assertThat(after.events()).extracting(DeploymentEvent::kind).containsSubsequence(EventKind.SHIFTED, EventKind.INSYNC);
        assertThat(after.events()).filteredOn(e -> e.kind() == EventKind.SHIFTED).first()
                .satisfies(e -> assertThat(e.message()).contains("already written", "wrote it again as change C"));
        assertThat(aws.calls("GetChange")).as("three PENDING answers, then INSYNC").isGreaterThanOrEqualTo(4);
        assertThat(weights()).containsExactlyInAnyOrderEntriesOf(Map.of("blue", 90L, "green", 10L));
    }

    /** 90/10 in place under build 42's marker, and build 42 starting (again) from its first checkpoint. */
    private Ticker ownSplitInPlace() {
        aws.setRecordWeight("blue", 90);
        aws.setRecordWeight("green", 10);
        aws.mark("arn:aws:route53:::hostedzone/" + ZONE + "/recordset/api.example.com./A", "build-42", "jenkins build 42",
                clock.instant().plus(Duration.ofMinutes(10)));
        return new Ticker(new Engine(aws.ports(), clock), clock,
                CanaryCheckpoint.start(request().toSpec(), io.jenkins.plugins.awsdeploy.engine.ownership.Claim.of("build-42", "jenkins build 42")));
    }

    /**
     * The same deployment started again before its first checkpoint was stored (a Jenkins build whose controller died
     * right after the first write): its own marker proves the 90/10 is its own, and the bake waits for a change.
     */
    @Test
    void aSplitFoundInPlaceUnderOwnMarkerIsBakedOnlyOnceInSync() {
        aws.staysPending(2);
        Ticker run = ownSplitInPlace();
        run.runUntil(t -> ((CanaryCheckpoint) t.checkpoint()).phase() instanceof CanaryPhase.Baking, 20);

        assertThat(run.events()).extracting(DeploymentEvent::kind)
                .containsSubsequence(EventKind.PREFLIGHT_PASSED, EventKind.INSYNC);
        assertThat(run.events().get(0).message()).contains("already at step 1 of 3", "once change C");
        assertThat(aws.calls("GetChange")).isEqualTo(3);
        assertThat(weights()).containsExactlyInAnyOrderEntriesOf(Map.of("blue", 90L, "green", 10L));
    }

    /**
     * The write that would give the found split a change id to wait for fails: the bake must not start at once (some
     * name servers may still answer with the old split); the call fails, the shell retries it, and the retry waits.
     */
    @Test
    void aFailedRewriteOfTheSplitFoundInPlaceFailsTheCallInsteadOfBakingAtOnce() {
        aws.failNextWrites(1);
        Ticker run = ownSplitInPlace();

        org.assertj.core.api.Assertions.assertThatThrownBy(run::step).hasMessageContaining("Rate exceeded");
        assertThat(((CanaryCheckpoint) run.checkpoint()).phase()).isInstanceOf(CanaryPhase.Preflight.class);
        assertThat(run.events()).isEmpty();

        run.runUntil(t -> ((CanaryCheckpoint) t.checkpoint()).phase() instanceof CanaryPhase.Baking, 20);
        assertThat(run.events()).extracting(DeploymentEvent::kind).containsSubsequence(EventKind.PREFLIGHT_PASSED, EventKind.INSYNC);
        assertThat(run.events().get(0).message()).contains("once change C");
    }

    /** kill -9 after every tick, and between an AWS change and its checkpoint: every resume ends consistent. */
    @Test
    void killAtEveryTickAndResumeEndsAllNewOrAllStable() {
        for (int k = 1; k <= 40; k++) {
            for (boolean lostCheckpoint : new boolean[] {false, true}) {
                FakeAws fresh = FakeAws.standard();
                fresh.staysPending(2);
                VirtualClock c = new VirtualClock();
                Ticker first = new Ticker(new Engine(fresh.ports(), c), c, CanaryCheckpoint.start(request().bake("20s").toSpec()));
                for (int i = 0; i < k && first.step(); i++) {
                    if (i == 12) fresh.staysPending(2);
                }
                if (first.checkpoint().finished()) break;
                Checkpoint stored = first.checkpoint();
                if (lostCheckpoint) {
                    c.set(first.wakeAt());
                    first.engine().advance(stored, c.instant()); // its AWS effects happen, its checkpoint is lost
                }
                c.advance(Duration.ofSeconds(30));
                Ticker second = new Ticker(new Engine(fresh.ports(), c), c, stored);
                second.apply(second.engine().resume(stored, c.instant()));
                second.runToEnd();
                Outcome outcome = second.checkpoint().outcome().orElseThrow();
                Map<String, Long> w = fresh.records(ZONE).stream().collect(Collectors.toMap(DnsRecord::setIdentifier, DnsRecord::weight));
                String at = "killed after tick " + k + (lostCheckpoint ? " with its checkpoint lost" : "") + ": " + outcome;
                if (outcome instanceof Outcome.Succeeded) {
                    assertThat(w).as(at).containsExactlyInAnyOrderEntriesOf(Map.of("blue", 0L, "green", 100L));
                } else {
                    assertThat(outcome).as(at).isNotInstanceOf(Outcome.Unsafe.class);
                    assertThat(w).as(at).containsExactlyInAnyOrderEntriesOf(Map.of("blue", 100L, "green", 0L));
                }
            }
        }
    }

    @Test
    void aBakeShorterThanTheTtlIsSaidAtPreflight() {
        aws.putRecord(ZONE, new DnsRecord(RECORD, "A", "blue", 1L, "weighted", 300L, List.of("192.0.2.10"), null, null));
        Ticker run = ticker(request());
        run.step();

        assertThat(run.events()).filteredOn(e -> e.kind() == EventKind.INFO).first()
                .satisfies(e -> assertThat(e.message()).contains("TTL is 5m", "longer than the bake of 2m"));
    }

    @Test
    void otherWeightedRecordsCarryingTrafficAreNamedAndNothingChanges() {
        aws.putRecord(ZONE, new DnsRecord(RECORD, "A", "old-purple", 5L, "weighted", 60L, List.of("192.0.2.30"), null, null));
        aws.putRecord(ZONE, new DnsRecord(RECORD, "A", "spare", 0L, "weighted", 60L, List.of("192.0.2.40"), null, null));
        Ticker run = ticker(request()).runToEnd();

        Outcome outcome = run.checkpoint().outcome().orElseThrow();
        assertThat(outcome).isInstanceOf(Outcome.Invalid.class);
        assertThat(outcome.message()).contains("recordName", "'old-purple' (weight 5)").doesNotContain("spare");
        assertThat(aws.calls("ChangeResourceRecordSets")).isZero();
    }

    @Test
    void theOwnershipMarkerNamesTheRecordNotTheWholeZone() {
        Ticker run = ticker(request());
        run.step();
        String address = "arn:aws:route53:::hostedzone/" + ZONE + "/recordset/api.example.com./A";
        assertThat(aws.markOn(address)).isPresent();
        run.runToEnd();
        assertThat(aws.markOn(address)).isEmpty();
    }

    @Test
    void theProgressSaysItWaitsForTheChange() {
        aws.staysPending(1000);
        Ticker run = ticker(request());
        run.runUntil(t -> ((CanaryCheckpoint) t.checkpoint()).phase() instanceof CanaryPhase.Propagating, 20);
        CanaryCheckpoint cp = (CanaryCheckpoint) run.checkpoint();
        assertThat(CanaryProgress.of(cp, Instant.now()).doing()).contains("INSYNC");
        assertThat(cp.status()).startsWith("waiting for change C");
    }
}
