package io.jenkins.plugins.awsdeploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.awsdeploy.engine.aws.AwsAccess;
import java.net.URI;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * A tick never throws across the agent channel: what fails on the agent comes back as a failed reply, so the controller
 * does not take it for a lost agent (and wait ten minutes for one that is there). Without a Jenkins.
 */
class TickCallableTest {

    private static final AwsAccess NOWHERE = AwsAccess.defaultChain("us-east-1", URI.create("http://127.0.0.1:9"));

    @Test
    void anUnreadableCheckpointComesBackAsAFailedReply() {
        TickReply reply = new TickCallable("{not a checkpoint", NOWHERE, EngineCommand.advance(), ZoneId.of("UTC")).call();
        assertNotNull(reply.failure());
        assertNull(reply.checkpointJson(), "the controller keeps the checkpoint it has");
        assertTrue(reply.eventLines().isEmpty());
        assertFalse(reply.finished(), "a failed tick is tried again, not taken for the end");
    }

    @Test
    void aFailedReplyNamesTheFailureAndNoThrowableRidesAlong() {
        TickReply reply = new TickCallable(null, NOWHERE, EngineCommand.resume(), ZoneId.of("UTC")).call();
        assertNotNull(reply.failure());
        assertFalse(reply.failure().isBlank());
    }
}
