package io.jenkins.plugins.awsdeploy.engine.canary;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.DeploymentLoop;
import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsSession;
import io.jenkins.plugins.awsdeploy.engine.testing.Moto;
import io.jenkins.plugins.awsdeploy.engine.testing.MotoAlb;
import io.jenkins.plugins.awsdeploy.localaws.FaultProxy;
import io.jenkins.plugins.awsdeploy.localaws.FaultProxy.Fault;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/** Canaries end to end: the real SDK, real time, moto, and a proxy that throttles, fails and drops calls. */
@ExtendWith(Moto.class)
class CanaryOnMotoTest {

    static ScheduledExecutorService timer;
    static int count;

    @BeforeAll
    static void start() {
        timer = Executors.newScheduledThreadPool(2);
    }

    @AfterAll
    static void stop() {
        timer.shutdownNow();
    }

    record Run(Outcome outcome, List<DeploymentEvent> events, Checkpoint last) {
    }

    static Run canary(MotoAlb alb, URI endpoint, Runnable duringFirstBake) throws Exception {
        CanarySpec spec = new CanaryRequest().listenerArn(alb.listenerArn).stableTargetGroup(alb.blueTg)
                .canaryTargetGroup(alb.greenTg).steps(List.of(10, 50, 100)).bake("1s").poll("1s")
                .alarms(List.of(alb.listenerArn.hashCode() + "-5xx")).region(Moto.REGION).toSpec();
        List<DeploymentEvent> events = new CopyOnWriteArrayList<>();
        try (AwsSession session = new AwsSession(Moto.access(endpoint))) {
            DeploymentLoop loop = new DeploymentLoop(new Engine(session.ports()), timer, Clock.systemUTC(),
                    new DeploymentLoop.Listener() {
                        public void event(DeploymentEvent e) {
                            events.add(e);
                            if (e.kind() == EventKind.SHIFTED && e.weights().equals(new Split(90, 10))) duringFirstBake.run();
                        }

                        public void save(Checkpoint c) {
                        }
                    });
            Outcome outcome = loop.start(CanaryCheckpoint.start(spec), false).get(120, TimeUnit.SECONDS);
            return new Run(outcome, events, loop.checkpoint());
        }
    }

    static MotoAlb alb() {
        MotoAlb alb = MotoAlb.create("canary" + ++count);
        return alb.alarm(alb.listenerArn.hashCode() + "-5xx");
    }

    @Test
    void aCanaryWalksToAllNewAndReadsEachStepBack() throws Exception {
        try (MotoAlb alb = alb()) {
            Run run = canary(alb, Moto.endpoint(), () -> { });

            assertThat(run.outcome()).isInstanceOf(Outcome.Succeeded.class);
            assertThat(alb.listenerSplit()).isEqualTo(new Split(0, 100));
            assertThat(run.events()).filteredOn(e -> e.kind() == EventKind.SHIFTED).hasSize(3);
        }
    }

    @Test
    void anAlarmSetInMotoRollsTrafficBack() throws Exception {
        try (MotoAlb alb = alb()) {
            String alarm = alb.listenerArn.hashCode() + "-5xx";
            Run run = canary(alb, Moto.endpoint(),
                    () -> alb.setAlarm(alarm, StateValue.ALARM, "Threshold Crossed: 3 datapoints > 5.0"));

            assertThat(run.outcome()).isInstanceOf(Outcome.RolledBack.class);
            assertThat(run.outcome().message()).contains(alarm, "Threshold Crossed");
            assertThat(alb.listenerSplit()).isEqualTo(Split.ALL_STABLE);
        }
    }

    /**
     * Throttling, 500s and dropped connections on a fifth of all calls, including answers lost after
     * moto applied the change: every canary still ends either all-new after success or all-stable
     * after a rollback, never in between.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void underInjectedFaultsEveryCanaryEndsConsistent(long seed) throws Exception {
        try (MotoAlb alb = alb();
             FaultProxy faults = FaultProxy.builder(Moto.endpoint()).seed(seed)
                     .rate(Fault.THROTTLING, 0.06).rate(Fault.INTERNAL_ERROR, 0.04).rate(Fault.SERVICE_UNAVAILABLE, 0.03)
                     .rate(Fault.DROP, 0.04).rate(Fault.DROP_AFTER_FORWARD, 0.03).start()) {
            Run run = canary(alb, faults.endpoint(), () -> { });

            assertThat(faults.injectedTotal()).isPositive();
            Split live = alb.listenerSplit();
            if (run.outcome() instanceof Outcome.Succeeded) {
                assertThat(live).isEqualTo(new Split(0, 100));
            } else {
                assertThat(run.outcome()).as(run.outcome().message()).isInstanceOf(Outcome.RolledBack.class);
                assertThat(live).isEqualTo(Split.ALL_STABLE);
            }
        }
    }

    /**
     * The consistency test above would also pass if retries were broken (every run would roll back), so
     * this one pins them: throttling, 5xx and drops on the very calls a canary needs are ridden out.
     */
    @Test
    void throttlingErrorsAndDropsAreRetriedAndTheCanarySucceeds() throws Exception {
        try (MotoAlb alb = alb();
             FaultProxy faults = FaultProxy.builder(Moto.endpoint())
                     .onlyFor(op -> op.equals("DescribeAlarms") || op.equals("DescribeListeners")).start()) {
            faults.injectNext(Fault.THROTTLING, Fault.INTERNAL_ERROR, Fault.DROP, Fault.SERVICE_UNAVAILABLE, Fault.THROTTLING);
            Run run = canary(alb, faults.endpoint(), () -> { });

            assertThat(faults.injectedTotal()).isEqualTo(5);
            assertThat(run.outcome()).as(run.outcome().message()).isInstanceOf(Outcome.Succeeded.class);
            assertThat(alb.listenerSplit()).isEqualTo(new Split(0, 100));
        }
    }

    @Test
    void aListenerAnswerLostAfterTheChangeIsRetriedSafely() throws Exception {
        try (MotoAlb alb = alb();
             FaultProxy faults = FaultProxy.builder(Moto.endpoint()).onlyFor("ModifyListener"::equals).start()) {
            faults.injectNext(Fault.DROP_AFTER_FORWARD, Fault.THROTTLING);
            Run run = canary(alb, faults.endpoint(), () -> { });

            assertThat(faults.injectedTotal()).isEqualTo(2);
            assertThat(run.outcome()).isInstanceOf(Outcome.Succeeded.class);
            assertThat(alb.listenerSplit()).isEqualTo(new Split(0, 100));
        }
    }
}
