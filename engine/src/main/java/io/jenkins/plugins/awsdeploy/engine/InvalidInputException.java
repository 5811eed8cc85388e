package io.jenkins.plugins.awsdeploy.engine;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown while a spec is built from parameters: nothing was sent to AWS. */
public final class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
