package io.jenkins.plugins.awsdeploy.engine.canary;

import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.BLUE_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.GREEN_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.LISTENER;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.ownership.Claim;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAws;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualClock;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A first run that finds traffic already split may only go on from that point of its plan when its own
 * ownership marker shows that this deployment made the split; and the summary never counts steps this
 * deployment did not make.
 */
class EarnedSuccessTest {

    final FakeAws aws = FakeAws.standard();
    final VirtualClock clock = new VirtualClock();

    Ticker canary(Claim who, UnaryOperator<CanaryRequest> tweak) {
        CanarySpec spec = tweak.apply(CanaryRequestTest.valid().bake("1m").poll("5s")).toSpec();
        return new Ticker(new Engine(aws.ports(), clock), clock, CanaryCheckpoint.start(spec, who));
    }

    static Outcome outcome(Ticker t) {
        return t.checkpoint().outcome().orElseThrow();
    }

    @Test
    void targetGroupsGivenTheWrongWayRoundAreRefusedShowingTheRealSplitAndNothingChanges() {
        // All traffic is on blue (an earlier release left green listed at 0), and this command calls blue the
        // canary side: read as a split, 0/100, the last step of the plan.
        aws.setWeights(LISTENER, Map.of(BLUE_TG, 100, GREEN_TG, 0));
        Ticker t = canary(Claim.fresh(), r -> r.stableTargetGroup(GREEN_TG).canaryTargetGroup(BLUE_TG)).runToEnd();

        assertThat(outcome(t).exitCode()).isEqualTo(2);
        assertThat(outcome(t).message()).contains("0/100", "web-green 0%, web-blue 100%", "swapped");
        assertThat(outcome(t).message()).doesNotContain("Done", "step(s)");
        assertThat(t.events()).noneMatch(e -> e.kind() == EventKind.SUCCEEDED);
        assertThat(aws.weights(LISTENER).weights()).isEqualTo(Map.of(BLUE_TG, 100, GREEN_TG, 0));
        assertThat(aws.calls("ModifyListener") + aws.calls("AddTags")).isZero();
        assertThat(aws.markOn(LISTENER)).isEmpty();
    }

    @Test
    void aSplitOnThePlanMadeByAnotherRunIsRefused() {
        aws.setWeights(LISTENER, Map.of(BLUE_TG, 50, GREEN_TG, 50));
        Ticker t = canary(Claim.fresh(), r -> r).runToEnd();

        assertThat(outcome(t).exitCode()).isEqualTo(2);
        assertThat(outcome(t).message()).contains("splits traffic 50/50", "nothing shows this deployment made that split");
        assertThat(aws.weights(LISTENER).weights()).isEqualTo(Map.of(BLUE_TG, 50, GREEN_TG, 50));
        assertThat(aws.calls("ModifyListener") + aws.calls("AddTags")).isZero();
    }

    @Test
    void theSameDeploymentStartedAgainGoesOnFromItsOwnSplitAndCountsOnlyTheStepsItMade() {
        // A first attempt (same deployment id, e.g. the same Jenkins build) got to 50/50 and died.
        Ticker first = canary(Claim.of("build-42", "ci.example.com build 42"), r -> r)
                .runUntil(x -> aws.weights(LISTENER).weightOf(GREEN_TG) == 50, 100);
        assertThat(aws.markOn(LISTENER)).hasValueSatisfying(l -> assertThat(l.deploymentId()).isEqualTo("build-42"));
        aws.resetCalls();

        Ticker again = canary(Claim.of("build-42", "ci.example.com build 42"), r -> r).runToEnd();

        assertThat(outcome(again)).as(outcome(again).message()).isInstanceOf(Outcome.Succeeded.class);
        assertThat(outcome(again).message()).contains("after 1 step(s) of this deployment").doesNotContain("after 3 step(s)");
        assertThat(aws.calls("ModifyListener")).isEqualTo(1);
        assertThat(aws.weights(LISTENER).asSplit(BLUE_TG, GREEN_TG)).contains(new Split(0, 100));
        assertThat(aws.markOn(LISTENER)).isEmpty();
        assertThat(first.checkpoint().finished()).isFalse();
    }

    @Test
    void aDeploymentThatFindsItsOwnLastStepDoneSaysItChangedNothing() {
        canary(Claim.of("build-7", "ci build 7"), r -> r.steps(List.of(100)))
                .runUntil(x -> aws.weights(LISTENER).weightOf(GREEN_TG) == 100, 100);
        aws.resetCalls();

        Ticker again = canary(Claim.of("build-7", "ci build 7"), r -> r.steps(List.of(100))).runToEnd();

        assertThat(outcome(again)).isInstanceOf(Outcome.Succeeded.class);
        assertThat(outcome(again).message()).contains("found it there and changed nothing").doesNotContain("step(s)");
        assertThat(aws.calls("ModifyListener")).isZero();
    }
}
