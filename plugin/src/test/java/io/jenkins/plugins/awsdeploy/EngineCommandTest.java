package io.jenkins.plugins.awsdeploy;

import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.BLUE_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.GREEN_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.LISTENER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.Tick;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryRequest;
import io.jenkins.plugins.awsdeploy.engine.ownership.Claim;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAws;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The step gives a deployment up outside the engine (ticks kept failing, the agent stayed away): the release it then
 * sends through the agent takes the ownership marks off, so that the next build need not wait for them to run out.
 */
class EngineCommandTest {

    @Test
    void releaseTakesTheMarksOffAndChangesNothingElse() {
        FakeAws aws = FakeAws.standard();
        Engine engine = new Engine(aws.ports());
        Instant now = Instant.parse("2026-12-03T12:00:00Z");
        Checkpoint start = CanaryCheckpoint.start(new CanaryRequest().listenerArn(LISTENER).stableTargetGroup(BLUE_TG)
                .canaryTargetGroup(GREEN_TG).steps(List.of(50, 100)).bake("1m").alarms(List.of("5xx"))
                .region("us-east-1").toSpec(), Claim.of("d-1", "controller"));
        Checkpoint marked = engine.advance(start, now).checkpoint();
        assertTrue(aws.markOn(LISTENER).isPresent(), "the preflight marked the listener");

        Tick released = EngineCommand.release().applyTo(engine, marked, now.plusSeconds(5));

        assertFalse(aws.markOn(LISTENER).isPresent(), "the mark is off");
        assertFalse(released.checkpoint().claim().holds());
        assertEquals(100, aws.weights(LISTENER).weightOf(BLUE_TG), "traffic was not touched");
        assertEquals(marked.status(), released.checkpoint().status());
    }
}
