package io.jenkins.plugins.awsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.params.Parameter;
import io.jenkins.plugins.awsdeploy.engine.params.Parameter.Type;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command line takes each strategy's parameters as the engine declares them: every declared parameter is an
 * option of its command, of the declared kind and with the declared default, and every option a command has is
 * declared or one of the few that belong to the command line alone.
 */
class DeclaredParametersTest {

    private final Map<String, CommandLine> commands = new CommandLine(new AwsDeploy(new Host(new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()), null, Map.of()))).getSubcommands();

    @Test
    void everyDeclaredParameterIsAnOptionOfItsKindWithItsDefault() {
        Set<String> wrong = new TreeSet<>();
        DeclaredOptions.BY_COMMAND.forEach((name, declared) -> {
            CommandSpec spec = commands.get(name).getCommandSpec();
            for (Parameter p : declared) {
                OptionSpec option = spec.findOption(p.option());
                if (option == null) {
                    wrong.add(name + " " + p.option() + ": no such option");
                    continue;
                }
                if (option.defaultValue() != null && !option.defaultValue().equals(p.defaultValue())) {
                    wrong.add(name + " " + p.option() + ": default " + option.defaultValue() + ", declared " + p.defaultValue());
                }
                boolean flag = option.arity().max() == 0;
                boolean list = option.typeInfo().isMultiValue();
                if (flag != (p.type() == Type.FLAG) || list != (p.type() == Type.PERCENTS || p.type() == Type.NAMES)) {
                    wrong.add(name + " " + p.option() + ": declared " + p.type() + " but takes " + (flag ? "no value"
                            : list ? "a list" : "one value"));
                }
                if (option.defaultValue() == null && p.defaultValue() != null && !flag) {
                    // The engine applies the declared default itself; the help must still say what it is.
                    String help = String.join(" ", option.description());
                    if (!help.contains(p.defaultValue())) {
                        wrong.add(name + " " + p.option() + ": its help does not say the default " + p.defaultValue());
                    }
                }
            }
        });
        assertThat(wrong).as("declared parameters the command line takes differently").isEmpty();
    }

    @Test
    void everyOptionIsDeclaredOrBelongsToTheCommandLine() {
        Set<String> undeclared = new TreeSet<>();
        DeclaredOptions.BY_COMMAND.forEach((name, declared) -> {
            Set<String> options = declared.stream().map(Parameter::option).collect(Collectors.toSet());
            for (OptionSpec o : commands.get(name).getCommandSpec().options()) {
                if (o.usageHelp() || o.versionHelp()) continue;
                String option = o.longestName();
                if (!options.contains(option) && !DeclaredOptions.SHELL_ONLY.contains(option)) {
                    undeclared.add(name + " " + option);
                }
            }
        });
        assertThat(undeclared).as("options no declaration in engine/params names").isEmpty();
    }

    @Test
    void everyDeploymentCommandHasItsDeclarations() {
        Set<String> deployments = commands.entrySet().stream()
                .filter(e -> e.getValue().getCommand() instanceof DeploymentCommand).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(DeclaredOptions.BY_COMMAND.keySet()).isEqualTo(deployments);
    }
}
