package io.jenkins.plugins.awsdeploy.engine.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.Cause;
import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.Tick;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryPhase;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryRequest;
import io.jenkins.plugins.awsdeploy.localaws.FaultProxy;
import io.jenkins.plugins.awsdeploy.localaws.FaultProxy.Fault;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;

/**
 * A rollback in a fresh session (a CLI resumed from its state file, a Jenkins poll after the session was closed
 * as idle) against an endpoint that does not answer: every try must really be made, each with its full call
 * time, and never be cut short as "not tried" because the try before it hung.
 */
@Timeout(60)
class SilentRollbackTest {

    private static final String LISTENER =
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/shop/50dc6c495c0c9188/f2f7dc8efc522ab2";
    private static final String BLUE =
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/73e2d6bc24d8a067";
    private static final String GREEN =
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/green/83e2d6bc24d8a068";

    @Test
    void everyRollbackTryReachesTheEndpoint() throws Exception {
        try (FaultProxy silent = FaultProxy.builder(URI.create("http://127.0.0.1:9")).rate(Fault.NO_ANSWER, 1.0).start();
             AwsSession session = new AwsSession(new AwsAccess("us-east-1", silent.endpoint(),
                     new SessionCredentials("test", "test", null, null), null, null).withCallTimeout(Duration.ofSeconds(1)),
                     AwsRetryStrategy.doNotRetry())) {
            Engine engine = new Engine(session.ports());
            Checkpoint cp = new CanaryCheckpoint(new CanaryRequest().listenerArn(LISTENER).stableTargetGroup(BLUE)
                    .canaryTargetGroup(GREEN).steps(List.of(50, 100)).bake("1m").poll("1s").alarms(List.of("5xx")).toSpec(),
                    new CanaryPhase.RollingBack(new Cause.AlarmFired("5xx", "5xx in ALARM"), false, null, 0), new Split(50, 50), Map.of(), Map.of(),
                    List.of(), null);

            // A first call that hangs, as the drift check's read did when the rollback began (it also loads the SDK's
            // classes, which a one-second limit would not leave time for in the tries counted below).
            try {
                session.ports().traffic().read(TrafficTarget.listener(LISTENER));
            } catch (RuntimeException expected) {
                // no answer, as intended
            }
            Tick tick = engine.resume(cp, Instant.now());
            List<String> told = new ArrayList<>();
            int tries = 0;
            while (tick.checkpoint().outcome().isEmpty()) {
                long before = silent.injected(Fault.NO_ANSWER);
                // The next try comes at once (the backoff is virtual here): well within one call timeout of the hang.
                tick = engine.advance(tick.checkpoint(), tick.wakeAt());
                tick.events().forEach(e -> told.add(e.message()));
                tries++;
                // The proxy holds each unanswered request on one of its 4 threads: the first three tries fit.
                if (tries <= 3) {
                    assertThat(silent.injected(Fault.NO_ANSWER)).as("try %d reached the endpoint: %s", tries, told)
                            .isEqualTo(before + 1);
                }
            }

            assertThat(tries).isEqualTo(5);
            assertThat(tick.checkpoint().outcome()).containsInstanceOf(Outcome.Unsafe.class);
            assertThat(told).noneMatch(m -> m.contains("not tried")).anyMatch(m -> m.contains("got no answer within 1s"));
        }
    }
}
