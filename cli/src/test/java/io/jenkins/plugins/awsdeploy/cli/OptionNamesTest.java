package io.jenkins.plugins.awsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.params.Parameter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The command line says the engine's parameters as it declares their options, never by guessing an option from the
 * shape of a name: {@code alarms} is {@code --alarm} because the declaration says so.
 */
class OptionNamesTest {

    private final Map<String, CommandLine> commands = new CommandLine(new AwsDeploy(new Host(new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()), null, Map.of()))).getSubcommands();

    private OptionNames names(String command) {
        return OptionNames.of(commands.get(command).getCommandSpec());
    }

    @Test
    void everyDeclaredParameterIsSpeltAsItsDeclaredOption() {
        DeclaredOptions.BY_COMMAND.forEach((command, declared) -> {
            OptionNames names = names(command);
            for (Parameter p : declared) {
                assertThat(names.of(p.name())).as(command + " " + p.name()).isEqualTo(p.option());
            }
        });
    }

    @Test
    void aNameThatIsNoOptionOfThisCommandKeepsItsName() {
        assertThat(names("canary").of("roleArn")).isEqualTo("roleArn");
        assertThat(names("canary").of("blueService")).as("a blue-green option, not a canary one").isEqualTo("blueService");
        assertThat(names("canary").of((String) null)).isEqualTo("input");
    }

    @Test
    void sentencesNameOptionsWhereTheEngineNamesParameters() {
        OptionNames canary = names("canary");
        assertThat(canary.words("got no answer within 2s (callTimeout)")).isEqualTo("got no answer within 2s (--call-timeout)");
        assertThat(canary.words("alarms: 'x' is already in ALARM; steps: must ascend"))
                .isEqualTo("--alarm: 'x' is already in ALARM; --steps: must ascend");
        // Plain words are English where they do not head a problem, and a camelCase name nobody declared is a name.
        assertThat(canary.words("bake 1m watching 1 alarm(s), then step to 50%; the steps ahead"))
                .isEqualTo("bake 1m watching 1 alarm(s), then step to 50%; the steps ahead");
        assertThat(canary.words("service blueGreen of cluster myCluster")).isEqualTo("service blueGreen of cluster myCluster");
        assertThat(names("ecs-rollback").words("not waited for it to be stable (noWait)"))
                .isEqualTo("not waited for it to be stable (--no-wait)");
    }

    @Test
    void aProblemIsSpeltWithItsParameterAndTheParametersItMentions() {
        Problem spelt = names("blue-green").spell(new Problem("greenService", "is the same service as blueService"));
        assertThat(spelt).isEqualTo(new Problem("--green-service", "is the same service as --blue-service"));
    }
}
