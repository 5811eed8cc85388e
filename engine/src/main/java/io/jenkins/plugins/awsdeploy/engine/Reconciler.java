package io.jenkins.plugins.awsdeploy.engine;

import java.time.Instant;

/**
 * What a strategy does with its own checkpoint: read the world, decide one step, act, and say when to come back.
 * The {@link Engine} wraps every call in the deployment's ownership marks.
 */
public interface Reconciler<C extends Checkpoint> {

    Tick advance(C checkpoint, Instant now);

    /** The first call after the process that ran the deployment was restarted. */
    Tick resume(C checkpoint, Instant now);

    Tick approve(C checkpoint, String who, Instant now);

    Tick decline(C checkpoint, String who, Instant now);

    /** Stops at any moment: rolls back if anything was changed, and ends Stopped. */
    Tick abort(C checkpoint, String why, Instant now);
}
