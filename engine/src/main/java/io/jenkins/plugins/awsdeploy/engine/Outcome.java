package io.jenkins.plugins.awsdeploy.engine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a deployment ended, as values: what caused an early end and where it left traffic, not sentences. Every
 * shell maps these the same way (the exit code of {@code aws-deploy}, the result of the Jenkins build) and words
 * them through {@link #message()}, which {@link OutcomeText} renders.
 *
 * <p>State files written before outcomes were values hold one {@code message}; they load with it as the cause.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(Outcome.Succeeded.class),
        @JsonSubTypes.Type(Outcome.Invalid.class),
        @JsonSubTypes.Type(Outcome.RolledBack.class),
        @JsonSubTypes.Type(Outcome.Stopped.class),
        @JsonSubTypes.Type(Outcome.Unsafe.class),
        @JsonSubTypes.Type(Outcome.Failed.class)})
public sealed interface Outcome extends Serializable {

    /** The exit code of the command line, shared by every command. */
    int exitCode();

    /** One or two sentences for the end of a log. */
    default String message() {
        return OutcomeText.of(this);
    }

    /**
     * This outcome with one more thing a person should know about what was left behind (a service kept up for
     * inspection, one scaled to 0). Outcomes that carry no notes take it into their sentence.
     */
    default Outcome withNote(String note) {
        return this;
    }

    /** Done as asked. */
    record Succeeded(String message) implements Outcome {
        public int exitCode() {
            return 0;
        }
    }

    /** Invalid input or a failed preflight: nothing in AWS was changed. */
    record Invalid(List<Problem> problems) implements Outcome {
        public Invalid {
            problems = List.copyOf(problems);
        }

        public int exitCode() {
            return 2;
        }
    }

    /**
     * An alarm fired or health failed, and traffic is back on the stable side.
     *
     * @param notes what else was left behind, each said after the rest
     */
    record RolledBack(Cause cause, Restored restored, List<String> notes) implements Outcome {
        public RolledBack {
            Objects.requireNonNull(cause, "cause");
            notes = notes == null ? List.of() : List.copyOf(notes);
        }

        public RolledBack(Cause cause, Restored restored) {
            this(cause, restored, List.of());
        }

        @JsonCreator
        static RolledBack json(@JsonProperty("cause") Cause cause, @JsonProperty("restored") Restored restored,
                               @JsonProperty("notes") List<String> notes, @JsonProperty("message") String message) {
            return cause != null ? new RolledBack(cause, restored, notes) : new RolledBack(new Cause.Other(message), null);
        }

        public int exitCode() {
            return 3;
        }

        @Override
        public Outcome withNote(String note) {
            return new RolledBack(cause, restored, plus(notes, note));
        }
    }

    /**
     * A person stopped it (declined, aborted, interrupted) and traffic is back on the stable side.
     *
     * @param why   who or what stopped it
     * @param notes what else was left behind, each said after the rest
     */
    record Stopped(Cause why, Restored restored, List<String> notes) implements Outcome {
        public Stopped {
            Objects.requireNonNull(why, "why");
            notes = notes == null ? List.of() : List.copyOf(notes);
        }

        public Stopped(Cause why, Restored restored) {
            this(why, restored, List.of());
        }

        @JsonCreator
        static Stopped json(@JsonProperty("why") Cause why, @JsonProperty("restored") Restored restored,
                            @JsonProperty("notes") List<String> notes, @JsonProperty("message") String message) {
            return why != null ? new Stopped(why, restored, notes) : new Stopped(new Cause.Other(message), null);
        }

        public int exitCode() {
            return 4;
        }

        @Override
        public Outcome withNote(String note) {
            return new Stopped(why, restored, plus(notes, note));
        }
    }

    /**
     * It could not finish and could not restore safely.
     *
     * @param where  what happened and where traffic is now
     * @param advice what a person does about it; empty when {@code where} says it all
     */
    record Unsafe(String where, String advice) implements Outcome {
        public Unsafe {
            Objects.requireNonNull(where, "where");
            advice = advice == null ? "" : advice;
        }

        @JsonCreator
        static Unsafe json(@JsonProperty("where") String where, @JsonProperty("advice") String advice,
                           @JsonProperty("message") String message) {
            return new Unsafe(where != null ? where : message, advice);
        }

        public int exitCode() {
            return 5;
        }

        @Override
        public Outcome withNote(String note) {
            return new Unsafe(where + "; " + note, advice);
        }
    }

    /** Anything else (an AWS error before any change, a bug). */
    record Failed(String message) implements Outcome {
        public int exitCode() {
            return 1;
        }

        @Override
        public Outcome withNote(String note) {
            return new Failed(message + "; " + note);
        }
    }

    private static List<String> plus(List<String> notes, String note) {
        List<String> all = new ArrayList<>(notes);
        all.add(note);
        return all;
    }
}
