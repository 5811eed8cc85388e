package io.jenkins.plugins.awsdeploy.engine.canary;

import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.BLUE_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.GREEN_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.LISTENER;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.ownership.Claim;
import io.jenkins.plugins.awsdeploy.engine.ownership.Ownership;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAws;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A deployment whose lease lapsed (the process was suspended, renewals failed) must check its marks before it
 * writes traffic again, not after. Found by review: the check used to run after the strategy had acted.
 */
class LeaseLapseTest {

    final FakeAws aws = FakeAws.standard();
    final VirtualClock clock = new VirtualClock();

    Ticker canary(String bake) {
        CanarySpec spec = CanaryRequestTest.valid().bake(bake).poll("5s").toSpec();
        return new Ticker(new Engine(aws.ports(), clock), clock, CanaryCheckpoint.start(spec, Claim.of("a", "host-a")));
    }

    Split live() {
        return aws.weights(LISTENER).asSplit(BLUE_TG, GREEN_TG).orElseThrow();
    }

    @Test
    void aDeploymentWhoseLeaseLapsedAndWasTakenOverStopsBeforeWritingTraffic() {
        Ticker t = canary("1m");
        t.step(); // preflight: marked, next is the first shift right away
        assertThat(((CanaryCheckpoint) t.checkpoint()).phase()).isInstanceOf(CanaryPhase.Shifting.class);
        clock.advance(Duration.ofHours(1)); // suspended for an hour; b took over the expired lease
        aws.mark(LISTENER, "b", "host-b", clock.instant().plus(Ownership.TERM));
        aws.resetCalls();

        t.apply(t.engine().advance(t.checkpoint(), clock.instant()));

        assertThat(aws.calls("ModifyListener")).as("wrote to a listener owned by b").isZero();
        assertThat(live()).isEqualTo(new Split(100, 0));
        assertThat(t.checkpoint().outcome()).get().isInstanceOf(Outcome.Unsafe.class)
                .satisfies(o -> assertThat(o.message()).contains("stopped before its next step", "deployment b of host-b"));
        assertThat(aws.markOn(LISTENER)).get().satisfies(l -> assertThat(l.deploymentId()).isEqualTo("b"));
    }

    @Test
    void aLapsedLeaseIsRenewedOnceInTheTickThatFindsIt() {
        Ticker t = canary("1h").runUntil(x -> live().equals(new Split(90, 10)), 100);
        clock.advance(Duration.ofHours(1)); // suspended for an hour; nobody took the listener over
        aws.resetCalls();

        t.apply(t.engine().advance(t.checkpoint(), clock.instant()));

        // Renewed before the strategy acts, and that renewal is the checkpoint's: not written again after it.
        assertThat(aws.calls("AddTags")).as("ownership marks written in one tick").isEqualTo(1);
        assertThat(t.checkpoint().claim().until()).isEqualTo(clock.instant().plus(Ownership.TERM));
        assertThat(aws.markOn(LISTENER)).get().satisfies(l -> assertThat(l.until()).isEqualTo(t.checkpoint().claim().until()));
    }

    @Test
    void anAbortAfterTheLeaseWasTakenOverDoesNotRollBackSomeoneElsesListener() {
        Ticker t = canary("1h").runUntil(x -> live().equals(new Split(90, 10)), 100);
        clock.advance(Duration.ofHours(1));
        aws.mark(LISTENER, "b", "host-b", clock.instant().plus(Ownership.TERM));
        aws.resetCalls();

        t.apply(t.engine().abort(t.checkpoint(), "interrupted", clock.instant()));

        assertThat(aws.calls("ModifyListener")).isZero();
        assertThat(live()).as("b drives it now; a's rollback must not land on it").isEqualTo(new Split(90, 10));
        assertThat(t.checkpoint().outcome()).get().isInstanceOf(Outcome.Unsafe.class);
    }

    @Test
    void renewalsThatKeepFailingStopTheDeploymentOnceTheLeaseRunsOut() {
        Ticker t = canary("1h");
        t.step();
        Instant until = t.checkpoint().claim().until();
        List<Instant> writes = new ArrayList<>();
        aws.onCall(op -> {
            if (op.equals("AddTags")) throw new IllegalStateException("Throttling (simulated)");
            if (op.equals("ModifyListener")) writes.add(clock.instant());
        });

        t.runUntil(x -> false, 2000);

        assertThat(t.checkpoint().outcome()).get().isInstanceOf(Outcome.Unsafe.class)
                .satisfies(o -> assertThat(o.message()).contains("lease lost", "Throttling", "left traffic there"));
        assertThat(writes).as("traffic changes after the lease ran out").allMatch(w -> w.isBefore(until));
        assertThat(clock.instant()).isBefore(until.plus(Duration.ofMinutes(1)));
    }

    @Test
    void aLeaseThatLapsedWhileTheMarksAreStillOursIsRenewedBeforeTheNextStep() {
        Ticker t = canary("1m");
        t.step();
        clock.advance(Duration.ofHours(1)); // nobody took over
        t.runToEnd();
        assertThat(t.checkpoint().outcome()).get().isInstanceOf(Outcome.Succeeded.class);
        assertThat(aws.markOn(LISTENER)).isEmpty();
    }
}
