package io.jenkins.plugins.awsdeploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the build log gets a status line: after a silence of the interval, only while the deployment waits. */
class BuildLogHeartbeatTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final Instant t0 = Instant.parse("2026-12-03T14:00:00Z");
    private final Checkpoint cp = CanaryCheckpoint.start(new CanaryRequest()
            .listenerArn("arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2")
            .stableTargetGroup("arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-blue/73e2d6bc24d8a067")
            .canaryTargetGroup("arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-green/2453ed029918f21f")
            .steps(List.of(50, 100)).bake("10m").region("us-east-1").toSpec());

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aLineAfterEachMinuteOfSilenceWhileTheDeploymentWaits() {
        BuildLogHeartbeat heartbeat = new BuildLogHeartbeat(Duration.ofMinutes(1));
        heartbeat.afterTick(cp, 2, 5000, log, t0);
        heartbeat.afterTick(cp, 0, 5000, log, t0.plusSeconds(55));
        assertEquals(0, lines().size(), "no line before a minute of silence");

        heartbeat.afterTick(cp, 0, 5000, log, t0.plusSeconds(60));
        heartbeat.afterTick(cp, 0, 5000, log, t0.plusSeconds(65));
        assertEquals(1, lines().size());
        assertTrue(lines().get(0).endsWith("  status: checking before any change | traffic 100/0 (stable/new) | next: shift to 50%"),
                lines().get(0));

        heartbeat.afterTick(cp, 1, 5000, log, t0.plusSeconds(100));
        heartbeat.afterTick(cp, 0, 5000, log, t0.plusSeconds(155));
        assertEquals(1, lines().size(), "an event starts the silence again");
    }

    @Test
    void noLineWhenTheNextTickComesAtOnceOrTheHeartbeatIsOff() {
        BuildLogHeartbeat heartbeat = new BuildLogHeartbeat(Duration.ofMinutes(1));
        heartbeat.afterTick(cp, 0, 5000, log, t0);
        heartbeat.afterTick(cp, 0, 0, log, t0.plusSeconds(120));
        BuildLogHeartbeat off = new BuildLogHeartbeat(Duration.ZERO);
        off.afterTick(cp, 0, 5000, log, t0);
        off.afterTick(cp, 0, 5000, log, t0.plusSeconds(3600));
        assertEquals(0, lines().size());
    }
}
