package io.jenkins.plugins.awsdeploy;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What one engine tick sends back from the agent: only strings and numbers, so that no engine or SDK class has to be
 * deserialized on the controller and nothing but the checkpoint's JSON crosses the channel.
 */
final class TickReply implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String checkpointJson;
    private final ArrayList<String> eventLines;
    /** Milliseconds until the next tick, measured on the JVM that ran this one; negative once the deployment ended. */
    private final long delayMillis;
    /** Why the tick failed on its side; null when it ran. */
    private final String failure;

    TickReply(String checkpointJson, List<String> eventLines, long delayMillis) {
        this(checkpointJson, eventLines, delayMillis, null);
    }

    private TickReply(String checkpointJson, List<String> eventLines, long delayMillis, String failure) {
        this.checkpointJson = checkpointJson;
        this.eventLines = new ArrayList<>(eventLines);
        this.delayMillis = delayMillis;
        this.failure = failure;
    }

    /** The tick threw on the side that ran it; the checkpoint stays as it was. */
    static TickReply failed(String message) {
        return new TickReply(null, List.of(), 0, message);
    }

    /** Why the tick failed, or null when it ran and {@link #checkpointJson()} is the new state. */
    String failure() {
        return failure;
    }

    String checkpointJson() {
        return checkpointJson;
    }

    List<String> eventLines() {
        return eventLines;
    }

    boolean finished() {
        return delayMillis < 0;
    }

    long delayMillis() {
        return delayMillis;
    }
}
