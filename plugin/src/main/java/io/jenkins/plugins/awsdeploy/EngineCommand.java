package io.jenkins.plugins.awsdeploy;

import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.Tick;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * Which engine call the next tick makes, and for whom. Travels to the agent inside {@link TickCallable} and is kept in
 * the step's program state while it waits, so an answer given just before a controller restart is not lost.
 */
final class EngineCommand implements Serializable {

    private static final long serialVersionUID = 1L;

    enum Kind { ADVANCE, RESUME, APPROVE, DECLINE, ABORT, RELEASE }

    private final Kind kind;
    /** The user for APPROVE and DECLINE, the reason for ABORT; empty otherwise. */
    private final String who;

    private EngineCommand(Kind kind, String who) {
        this.kind = kind;
        this.who = who == null ? "" : who;
    }

    static EngineCommand advance() {
        return new EngineCommand(Kind.ADVANCE, "");
    }

    static EngineCommand resume() {
        return new EngineCommand(Kind.RESUME, "");
    }

    static EngineCommand approve(String user) {
        return new EngineCommand(Kind.APPROVE, user);
    }

    static EngineCommand decline(String user) {
        return new EngineCommand(Kind.DECLINE, user);
    }

    static EngineCommand abort(String why) {
        return new EngineCommand(Kind.ABORT, why);
    }

    /** Takes the deployment's ownership marks off: the step gave up on it outside the engine. */
    static EngineCommand release() {
        return new EngineCommand(Kind.RELEASE, "");
    }

    Kind kind() {
        return kind;
    }

    Tick applyTo(Engine engine, Checkpoint checkpoint, Instant now) {
        switch (kind) {
            case RESUME:
                return engine.resume(checkpoint, now);
            case APPROVE:
                return engine.approve(checkpoint, who, now);
            case DECLINE:
                return engine.decline(checkpoint, who, now);
            case ABORT:
                return engine.abort(checkpoint, who, now);
            case RELEASE:
                return new Tick(engine.release(checkpoint, now), List.of(), null);
            default:
                return engine.advance(checkpoint, now);
        }
    }

    /** For the step's status: "approval by alice", "abort (Aborted by bob)". */
    String describe() {
        switch (kind) {
            case APPROVE:
                return "approval by " + who;
            case DECLINE:
                return "rollback requested by " + who;
            case ABORT:
                return "abort (" + who + ")";
            default:
                return kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
