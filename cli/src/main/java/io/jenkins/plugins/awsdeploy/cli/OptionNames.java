package io.jenkins.plugins.awsdeploy.cli;

import io.jenkins.plugins.awsdeploy.engine.Problem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The engine names parameters in camelCase ({@code listenerArn}, {@code alarms}); a person at the command line
 * typed {@code --listener-arn} and {@code --alarm}. Derived from the command's own options, so a new
 * subcommand gets its spelling for free.
 */
final class OptionNames {

    private static final Pattern HUMP = Pattern.compile("(?<=[a-z0-9])([A-Z])");
    // Inside messages only camelCase words are rewritten, and plain words where they head a problem ("alarms: ...",
    // as a failed preflight's event lists them): elsewhere plain words like "steps" are English.
    private static final Pattern CAMEL_WORD = Pattern.compile("\\b[a-z]+(?:[A-Z][a-z0-9]*)+\\b|(?<=^|[:;,] )[a-z]+(?=: )");

    private final Map<String, String> known = new LinkedHashMap<>();

    private OptionNames(CommandSpec command) {
        for (OptionSpec option : command.options()) {
            known.put(option.longestName(), option.longestName());
        }
    }

    static OptionNames of(CommandSpec command) {
        return new OptionNames(command);
    }

    /**
     * {@code listenerArn} → {@code --listener-arn}; {@code alarms} → {@code --alarm} when that is the option.
     * A parameter that is no option of this command ({@code credentials}) keeps its name.
     */
    String of(String parameter) {
        if (parameter == null || parameter.isBlank()) return "input";
        if (parameter.startsWith("-")) return parameter;
        String kebab = "--" + HUMP.matcher(parameter).replaceAll("-$1").toLowerCase(java.util.Locale.ROOT);
        if (known.containsKey(kebab)) return kebab;
        if (kebab.endsWith("s") && known.containsKey(kebab.substring(0, kebab.length() - 1))) {
            return kebab.substring(0, kebab.length() - 1);
        }
        return parameter;
    }

    /** The problem as the command line says it: {@code --rule-arn: ... (--listener-arn) ...}. */
    Problem spell(Problem problem) {
        return new Problem(of(problem.parameter()), words(problem.message()));
    }

    /**
     * A sentence of the engine's with each parameter it names spelt as this command's option: {@code (noWait)}
     * becomes {@code (--no-wait)}. A camelCase word that is no option here (a service named blueGreen) stays.
     */
    String words(String text) {
        Matcher m = CAMEL_WORD.matcher(text);
        StringBuilder spelt = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(spelt, Matcher.quoteReplacement(of(m.group())));
        }
        m.appendTail(spelt);
        return spelt.toString();
    }
}
