package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import java.time.Instant;

/**
 * What runs the two sides of a blue/green deployment (ECS services, Auto Scaling groups), read and changed the same
 * way whatever the fleet is, so that the phases around it (the switch, the wait, the endings) never ask which it is.
 * One read is one look at the fleet and one DescribeTargetHealth.
 */
interface Fleet {

    SideState read(Colour side);

    /** Points the side at {@code revision}, sized like the live side was at preflight. */
    void update(BlueGreenCheckpoint cp, Colour side, String revision);

    /** Whether the side, updated at {@code since}, may take production traffic on {@code revision}. */
    Readiness readiness(Colour side, String revision, Instant since);

    /**
     * Scales the side to nothing, remembering first (on the resource) what it was where a later rollback needs it.
     * Returns what the side wants right after, read back: 0 unless something else sizes it.
     */
    int scaleToZero(BlueGreenCheckpoint cp, Colour side);

    /** The command that puts the side back on what it ran when the deployment started, at its size then. */
    String restoreCommand(BlueGreenCheckpoint cp, Colour side);

    /** The command that scales the side to 0 by hand. */
    String scaleToZeroByHand(Colour side);

    /**
     * Records {@code revision} as the last known good of the side (a tag) and returns the tag as it reads back.
     * Fails with {@link IllegalStateException} when the side no longer runs {@code revision}.
     */
    String recordKnownGood(Colour side, String revision);
}
