package io.jenkins.plugins.awsdeploy.cli;

import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.params.BlueGreenParameters;
import io.jenkins.plugins.awsdeploy.engine.params.CanaryParameters;
import io.jenkins.plugins.awsdeploy.engine.params.CommonParameters;
import io.jenkins.plugins.awsdeploy.engine.params.Parameter;
import io.jenkins.plugins.awsdeploy.engine.params.RollbackParameters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The engine names parameters as it declares them ({@code listenerArn}, {@code alarms}); a person at the command
 * line typed {@code --listener-arn} and {@code --alarm}. Each spelling is the declaration's own
 * ({@link Parameter#option()}), kept where the command has that option, so a new parameter is spelt right as soon
 * as it is declared and nothing guesses an option from the shape of a word.
 */
final class OptionNames {

    /** Every parameter the engine declares that the command line takes. */
    private static final List<Parameter> DECLARED = Stream.of(CanaryParameters.all(), BlueGreenParameters.all(),
            RollbackParameters.all(), CommonParameters.all()).flatMap(List::stream).filter(Parameter::cli).toList();

    /** The engine's name → this command's option. */
    private final Map<String, String> options = new HashMap<>();

    private OptionNames(CommandSpec command) {
        for (Parameter p : DECLARED) {
            if (command.findOption(p.option()) != null) options.put(p.name(), p.option());
        }
    }

    static OptionNames of(CommandSpec command) {
        return new OptionNames(command);
    }

    /**
     * {@code listenerArn} → {@code --listener-arn}; {@code alarms} → {@code --alarm}, as declared. A parameter that
     * is no option of this command ({@code credentials}) keeps its name.
     */
    String of(String parameter) {
        if (parameter == null || parameter.isBlank()) return "input";
        return options.getOrDefault(parameter, parameter);
    }

    /** The problem as the command line says it: {@code --rule-arn: ... (--listener-arn) ...}. */
    Problem spell(Problem problem) {
        return new Problem(of(problem.parameter()), words(problem.message()));
    }

    /**
     * A sentence of the engine's with each declared parameter it names spelt as this command's option:
     * {@code (noWait)} becomes {@code (--no-wait)}. A name with a capital in it is a parameter wherever it stands; a
     * plain one ({@code alarms}, {@code steps}) only where it heads a problem ({@code alarms: ...}, as a failed
     * preflight's event lists them), because elsewhere it is an English word.
     */
    String words(String text) {
        StringBuilder spelt = new StringBuilder(text.length() + 16);
        int i = 0;
        while (i < text.length()) {
            int end = i;
            while (end < text.length() && wordChar(text.charAt(end))) end++;
            if (end == i) {
                spelt.append(text.charAt(i++));
                continue;
            }
            String word = text.substring(i, end);
            String option = options.get(word);
            boolean named = option != null && !precededBy(text, i, '-') && (camel(word) || heads(text, i, end));
            spelt.append(named ? option : word);
            i = end;
        }
        return spelt.toString();
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static boolean camel(String word) {
        return !word.equals(word.toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean precededBy(String text, int at, char c) {
        return at > 0 && text.charAt(at - 1) == c;
    }

    /** {@code alarms: ...} at the start of the text or after {@code ": "}, {@code "; "} or {@code ", "}. */
    private static boolean heads(String text, int start, int end) {
        boolean first = start == 0 || start >= 2 && text.charAt(start - 1) == ' ' && ":;,".indexOf(text.charAt(start - 2)) >= 0;
        return first && text.startsWith(": ", end);
    }
}
