package io.jenkins.plugins.awsdeploy.cli;

import java.util.function.UnaryOperator;

/** A wrong command line, the option its message must name, and a piece of that message. */
record BadInput(String name, String option, String says, UnaryOperator<CommandArgs> change) {

    /** JUnit names each case by it. */
    @Override
    public String toString() {
        return name;
    }
}
