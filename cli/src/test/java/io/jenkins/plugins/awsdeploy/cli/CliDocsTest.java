package io.jenkins.plugins.awsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.params.Parameter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * docs/cli.md and {@code --help} say the same: every option a command takes is documented in its section (or,
 * for the options every deployment command takes, in theirs), and every option the docs' tables and synopses
 * name is one the command takes. Derived from the commands themselves, so a new option fails this until the
 * docs have it.
 */
class CliDocsTest {

    private static final String COMMON = "## Options every deployment command takes";
    private static final Pattern OPTION = Pattern.compile("--[a-z][a-z0-9-]*");

    private final String docs = read(Path.of("..", "docs", "cli.md"));
    private final Map<String, CommandLine> commands = new CommandLine(new AwsDeploy(new Host(new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()), null, Map.of()))).getSubcommands();

    @Test
    void everyOptionOfEveryCommandIsDocumentedInItsSection() {
        Set<String> missing = new TreeSet<>();
        commands.forEach((name, command) -> {
            String documented = section("## " + name) + (deployment(command) ? section(COMMON) : "");
            for (String option : options(command)) {
                if (!Pattern.compile("`" + Pattern.quote(option) + "[ `=]").matcher(documented).find()) {
                    missing.add(name + " " + option);
                }
            }
        });
        assertThat(missing).as("options in --help but not in docs/cli.md").isEmpty();
    }

    @Test
    void everyOptionTheDocsNameIsOneTheCommandTakes() {
        Set<String> unknown = new TreeSet<>();
        commands.forEach((name, command) -> {
            Set<String> takes = allNames(command);
            named(section("## " + name)).stream().filter(o -> !takes.contains(o)).forEach(o -> unknown.add(name + " " + o));
            if (deployment(command)) {
                named(section(COMMON)).stream().filter(o -> !takes.contains(o)).forEach(o -> unknown.add(name + " " + o));
            }
        });
        assertThat(unknown).as("options in docs/cli.md that the command does not take").isEmpty();
    }

    /** Each parameter the engine declares has a row in its command's table (or the common one) saying its default. */
    @Test
    void everyDeclaredParameterHasARowWithTheDeclaredDefault() {
        Set<String> wrong = new TreeSet<>();
        DeclaredOptions.BY_COMMAND.forEach((name, declared) -> {
            List<String> rows = (section("## " + name) + section(COMMON)).lines().filter(l -> l.startsWith("| `-")).toList();
            for (Parameter p : declared) {
                Pattern cell = Pattern.compile("`" + Pattern.quote(p.option()) + "[ `]");
                String row = rows.stream().filter(r -> cell.matcher(r.substring(1, r.indexOf('|', 1))).find())
                        .findFirst().orElse(null);
                if (row == null) {
                    wrong.add(name + " " + p.option() + ": no row");
                    continue;
                }
                String defaultCell = row.split("\\|")[2];
                String expected = p.type() == Parameter.Type.FLAG ? "off" : p.defaultValue() == null ? null : "`" + p.defaultValue() + "`";
                if (expected != null && !defaultCell.contains(expected)) {
                    wrong.add(name + " " + p.option() + ": default cell '" + defaultCell.trim() + "' lacks " + expected);
                }
            }
        });
        assertThat(wrong).as("declared parameters docs/cli.md does not list with their default").isEmpty();
    }

    @Test
    void everyCommandHasASection() {
        assertThat(commands.keySet()).allSatisfy(name -> assertThat(docs).contains("\n## " + name + "\n"));
    }

    private static boolean deployment(CommandLine command) {
        return command.getCommand() instanceof DeploymentCommand;
    }

    /** The options a person types, without -h/--help and -V/--version, which every command has. */
    private static Set<String> options(CommandLine command) {
        return command.getCommandSpec().options().stream().filter(o -> !o.usageHelp() && !o.versionHelp())
                .map(OptionSpec::longestName).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> allNames(CommandLine command) {
        return command.getCommandSpec().options().stream().flatMap(o -> Arrays.stream(o.names()))
                .collect(Collectors.toSet());
    }

    /** The options named in a section's synopsis (its first code block) and in the first cell of its table rows. */
    private static Set<String> named(String section) {
        Set<String> found = new LinkedHashSet<>();
        List<String> lines = section.lines().toList();
        int fence = lines.indexOf("```");
        if (fence >= 0) {
            for (int i = fence + 1; i < lines.size() && !lines.get(i).equals("```"); i++) {
                if (!lines.get(i).startsWith("$")) addAll(found, lines.get(i));
            }
        }
        for (String line : lines) {
            if (line.startsWith("| `-")) addAll(found, line.substring(1, line.indexOf('|', 1)));
        }
        return found;
    }

    private static void addAll(Set<String> into, String text) {
        Matcher m = OPTION.matcher(text);
        while (m.find()) into.add(m.group());
    }

    private String section(String heading) {
        int start = docs.indexOf("\n" + heading + "\n");
        assertThat(start).as("docs/cli.md has a section '" + heading + "'").isNotNegative();
        int end = docs.indexOf("\n## ", start + 1);
        return docs.substring(start, end < 0 ? docs.length() : end);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
