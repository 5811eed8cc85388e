package io.jenkins.plugins.awsdeploy;

import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.EventLine;
import io.jenkins.plugins.awsdeploy.engine.JsonCodec;
import io.jenkins.plugins.awsdeploy.engine.Tick;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsAccess;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsSession;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import jenkins.security.MasterToSlaveCallable;

/**
 * One engine tick, run in the JVM of the agent of the enclosing {@code node} (or called directly on the controller
 * outside one). The SDK clients come from {@link AgentSessions}, kept warm between ticks in that JVM; nothing
 * SDK-shaped has to survive a restart, since every tick carries the whole checkpoint.
 *
 * <p>The credentials in {@link AwsAccess} are short-lived session credentials (or none, for the agent's own default
 * chain); they live in this object only for the duration of the call and are never written anywhere.
 */
final class TickCallable extends MasterToSlaveCallable<TickReply, RuntimeException> {

    private static final long serialVersionUID = 1L;

    private final String checkpointJson;
    private final AwsAccess access;
    private final EngineCommand command;
    /** The controller's time zone, so that event times in the build log match the rest of it. */
    private final String zone;

    TickCallable(String checkpointJson, AwsAccess access, EngineCommand command, ZoneId zone) {
        this.checkpointJson = checkpointJson;
        this.access = access;
        this.command = command;
        this.zone = zone.getId();
    }

    /**
     * Never throws: whatever goes wrong here (an unreadable checkpoint, the SDK, the engine, formatting) comes back as
     * a failed {@link TickReply}, so that the controller can tell a failure on this side from a lost channel. An
     * exception crossing the channel could arrive as an IOException and be taken for an agent that went away.
     */
    @Override
    public TickReply call() {
        try {
            Checkpoint checkpoint = JsonCodec.readCheckpoint(checkpointJson);
            Tick tick;
            try {
                AwsSession session = AgentSessions.get(access);
                tick = command.applyTo(new Engine(session.ports()), checkpoint, Instant.now());
            } catch (RuntimeException e) {
                AgentSessions.discard(access);
                throw e;
            }
            EventLine line = new EventLine(ZoneId.of(zone));
            List<String> lines = tick.events().stream().map(line::format).toList();
            // Relative to this JVM's clock: the agent's and the controller's clocks need not agree.
            long delay = tick.wakeAt() == null ? -1 : Math.max(0, Duration.between(Instant.now(), tick.wakeAt()).toMillis());
            return new TickReply(JsonCodec.write(tick.checkpoint()), lines, delay);
        } catch (RuntimeException | LinkageError e) {
            // Only the message: SDK exceptions hold response objects that need not be serializable, and no
            // credentials may ride along.
            String message = e.getMessage();
            return TickReply.failed(message == null || message.isBlank() ? e.getClass().getSimpleName() : message);
        }
    }
}
