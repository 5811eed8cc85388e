package io.jenkins.plugins.awsdeploy.engine;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a deployment ended. Every shell maps these the same way: the exit code of {@code aws-deploy},
 * the result of the Jenkins build.
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
    String message();

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

        public String message() {
            return "nothing was changed in AWS: "
                    + problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
        }
    }

    /** An alarm fired or health failed, and traffic is back on the stable side. */
    record RolledBack(String message) implements Outcome {
        public int exitCode() {
            return 3;
        }
    }

    /** A person stopped it (declined, aborted, interrupted) and traffic is back on the stable side. */
    record Stopped(String message) implements Outcome {
        public int exitCode() {
            return 4;
        }
    }

    /** It could not finish and could not restore safely; the message says where traffic is and what to do. */
    record Unsafe(String message) implements Outcome {
        public int exitCode() {
            return 5;
        }
    }

    /** Anything else (an AWS error before any change, a bug). */
    record Failed(String message) implements Outcome {
        public int exitCode() {
            return 1;
        }
    }
}
