package io.jenkins.plugins.awsdeploy.engine.routing;

import io.jenkins.plugins.awsdeploy.engine.Split;
import java.util.List;

/**
 * One thing that divides production traffic between a stable and a new side, as the canary engine drives it.
 * The engine speaks percentages ({@link Split}); each router maps them to its own units (ALB integer weights,
 * a Lambda alias's 0.0-1.0 extra-version weight, Route 53's 0-255 record weights) and back. A router holds no
 * state between calls: every guard is an argument, so a restarted process drives it the same way.
 *
 * <p>Each call may fail with a runtime exception from AWS; the engine decides what that means.
 */
public interface TrafficRouter {

    RouterSpec spec();

    /**
     * Everything that must hold before the first change, read from AWS: the resource exists, the two sides
     * exist, no third one carries traffic. Problems name the user's parameters. Never changes anything.
     */
    Inspection inspect();

    /** The split as AWS shows it now. Fails if the resource no longer exists or cannot be read. */
    Reading read();

    /**
     * Sets {@code next} if, and only if, the resource reads as {@code expected} right before the change (with
     * the strongest guard the service offers: a revision id where it has one, a read just before the write
     * where it has none). Everything else on the resource is kept as found. Returns what it found: a split
     * other than {@code expected} means nothing was written; equal to {@code next} too (already there), unless the
     * router must rewrite it to learn a change to wait for ({@link Reading#change()} is then set).
     * The caller reads back to confirm.
     */
    Reading write(Split expected, Split next);

    /**
     * Whether a change this router's write submitted ({@link Reading#change()}) has reached everything that answers
     * for the resource. A Route 53 change is PENDING until every name server has it; the engine waits for that, on
     * a timer, before it starts a bake. Routers whose writes take effect once accepted return no change.
     */
    default boolean inSync(String change) {
        return true;
    }

    /** How a split reads in terms of this router's sides: {@code web-blue 90%, web-green 10%}. */
    String sides(Split split);

    /**
     * The exact manual instruction (a command a person can paste, and when not to) that sets {@code split},
     * for when the engine stops without restoring. It completes "To put all traffic back on the stable side, ".
     */
    String restoreInstruction(Split split);

    /**
     * The resources this router changes, each of which carries the deployment's ownership marker: ARN to
     * the parameter that named it.
     */
    java.util.Map<String, String> marked();

    /** What the shells show and link to in the console: each resource with its label and ARN. */
    List<RoutedResource> resources();
}
