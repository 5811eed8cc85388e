package io.jenkins.plugins.awsdeploy.engine;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.io.Serializable;

/**
 * Where a deployment that went back or stopped early left traffic: the second half of a {@link Outcome.RolledBack}
 * or {@link Outcome.Stopped}. Each strategy names its stable side its own way ({@code the stable side},
 * {@code blue (web-blue)}); the sentence around it is the same for all.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(Restored.Untouched.class),
        @JsonSubTypes.Type(Restored.StillOn.class),
        @JsonSubTypes.Type(Restored.BackOn.class),
        @JsonSubTypes.Type(Restored.AsFound.class)})
public sealed interface Restored extends Serializable {

    /** Ended before its first change. */
    record Untouched() implements Restored {
    }

    /** Changed things, but never moved production traffic off {@code side}. */
    record StillOn(String side) implements Restored {
    }

    /** Moved traffic, and all of it is back on {@code side} (100/0), read back. */
    record BackOn(String side) implements Restored {
    }

    /** What the deployment found when it ended, in its own words (ECS services have no sides). */
    record AsFound(String account) implements Restored {
    }
}
