package io.jenkins.plugins.awsdeploy.engine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.io.Serializable;
import java.time.Duration;

/**
 * Why a deployment went back or stopped early, as a value: the shells and pages can tell an alarm from a decline
 * without reading sentences, and a new reason (a failed analysis, say) is one more permitted type. {@link #text()}
 * is how the end of a log says it.
 *
 * <p>State files written before causes were values hold the sentence alone; it loads as {@link Other}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "kind", defaultImpl = Cause.Other.class)
@JsonSubTypes({
        @JsonSubTypes.Type(Cause.AlarmFired.class),
        @JsonSubTypes.Type(Cause.HealthFailed.class),
        @JsonSubTypes.Type(Cause.Drift.class),
        @JsonSubTypes.Type(Cause.Declined.class),
        @JsonSubTypes.Type(Cause.Aborted.class),
        @JsonSubTypes.Type(Cause.NoApproval.class),
        @JsonSubTypes.Type(Cause.CallFailed.class),
        @JsonSubTypes.Type(Cause.AnalysisFailed.class),
        @JsonSubTypes.Type(Cause.Other.class)})
public sealed interface Cause extends Serializable {

    /** The cause in words, as the end of a log says it. */
    String text();

    /**
     * An alarm went off (now, or between two polls), or could not be read.
     *
     * @param alarm   the alarm's name
     * @param account what was seen, e.g. {@code alarm 5xx is ALARM (Threshold Crossed: ...)}
     */
    record AlarmFired(String alarm, String account) implements Cause {
        public String text() {
            return account;
        }
    }

    /** The new side (or a service) was not healthy, not stable in time, or rolled back by ECS. */
    record HealthFailed(String what) implements Cause {
        public String text() {
            return what;
        }
    }

    /** AWS is not as this deployment left it: someone else changed it, or a checkpoint was not stored. */
    record Drift(String what) implements Cause {
        public String text() {
            return what;
        }
    }

    /** A person declined an approval. */
    record Declined(String who) implements Cause {
        public String text() {
            return "declined by " + who;
        }
    }

    /** A person or the shell stopped it ({@code aborted by ops}, {@code interrupted (SIGINT)}). */
    record Aborted(String why) implements Cause {
        public String text() {
            return why;
        }
    }

    /** Nobody answered an approval in time. */
    record NoApproval(Duration within) implements Cause {
        public String text() {
            return "no approval within " + DurationText.format(within);
        }
    }

    /** An AWS call the deployment depends on failed ({@code could not shift to 50/50: ...}). */
    record CallFailed(String what) implements Cause {
        public String text() {
            return what;
        }
    }

    /**
     * The canary analysis judged the new side worse than the stable one, could not read its metrics, or stayed
     * inconclusive past its timeout.
     *
     * @param metric  what failed: {@code 5xx rate}, {@code error rate}, {@code latency}, {@code metrics} (unreadable)
     *                or {@code inconclusive}
     * @param account what was seen, naming the metric and both sides' values
     */
    record AnalysisFailed(String metric, String account) implements Cause {
        public String text() {
            return account;
        }
    }

    /** A cause told only in words: written by an older version, or one no other type fits. */
    record Other(String what) implements Cause {
        /** The plain sentence an older state file holds. */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Other of(String what) {
            return new Other(what);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public Other {
        }

        public String text() {
            return what;
        }
    }
}
