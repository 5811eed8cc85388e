package io.jenkins.plugins.awsdeploy.cli;

import io.jenkins.plugins.awsdeploy.engine.params.BlueGreenParameters;
import io.jenkins.plugins.awsdeploy.engine.params.CanaryParameters;
import io.jenkins.plugins.awsdeploy.engine.params.CommonParameters;
import io.jenkins.plugins.awsdeploy.engine.params.Parameter;
import io.jenkins.plugins.awsdeploy.engine.params.RollbackParameters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Which of the engine's declared parameters each deployment command takes on its command line. */
final class DeclaredOptions {

    /** Options of the command line itself: where it keeps state, how it prints, who answers its approvals. */
    static final Set<String> SHELL_ONLY = Set.of("--state-file", "--timeline", "--json", "--auto-approve");

    static final Map<String, List<Parameter>> BY_COMMAND = Map.of(
            "canary", cli(CanaryParameters.all()),
            "blue-green", cli(BlueGreenParameters.all()),
            "ecs-rollback", cli(RollbackParameters.all()));

    private DeclaredOptions() {
    }

    private static List<Parameter> cli(List<Parameter> strategy) {
        return Stream.concat(strategy.stream(), CommonParameters.all().stream()).filter(Parameter::cli).toList();
    }
}
