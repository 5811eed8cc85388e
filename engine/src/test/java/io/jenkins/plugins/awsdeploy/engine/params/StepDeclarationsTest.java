package io.jenkins.plugins.awsdeploy.engine.params;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.params.Parameter.Type;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Jenkins steps take each strategy's parameters as the engine declares them: a setter (or constructor
 * parameter) of the declared type, a field in the step's form, a help file that states the declared default, and a
 * row in docs/pipeline-steps.md. The plugin cannot be built here, so its sources are read from the checkout.
 */
class StepDeclarationsTest {

    /** Parameters of Jenkins alone: which credential, and who may answer approvals. */
    private static final Set<String> JENKINS_ONLY = Set.of("credentialsId", "approvers");

    private static final Path ROOT = Path.of("..");
    private static final Path SOURCES = ROOT.resolve("plugin/src/main/java/io/jenkins/plugins/awsdeploy");
    private static final Path RESOURCES = ROOT.resolve("plugin/src/main/resources/io/jenkins/plugins/awsdeploy");
    private static final String BASE = "AwsDeploymentStep";

    private static final Map<String, List<Parameter>> BY_STEP = Map.of(
            "CanaryShiftStep", step(CanaryParameters.all()),
            "BlueGreenDeployStep", step(BlueGreenParameters.all()),
            "EcsRollbackStep", step(RollbackParameters.all()));
    private static final Map<String, String> FUNCTION = Map.of(
            "CanaryShiftStep", "canaryShift", "BlueGreenDeployStep", "blueGreenDeploy", "EcsRollbackStep", "ecsRollback");

    private static final Pattern SETTER = Pattern.compile(
            "@DataBoundSetter\\s+public\\s+void\\s+set(\\w+)\\(\\s*([\\w<>]+)\\s+\\w+\\s*\\)");
    private static final Pattern CONSTRUCTOR = Pattern.compile("@DataBoundConstructor\\s+public\\s+\\w+\\(([^)]*)\\)");
    private static final Pattern FIELD = Pattern.compile("field=\"(\\w+)\"");

    @Test
    void everyDeclaredParameterIsTakenByTheStepWithItsType() {
        Set<String> wrong = new TreeSet<>();
        BY_STEP.forEach((step, declared) -> {
            Map<String, String> takes = parameters(step);
            for (Parameter p : declared) {
                String type = takes.get(p.name());
                if (type == null) {
                    wrong.add(step + "." + p.name() + ": no setter or constructor parameter");
                } else if (!type.equals(javaType(p.type()))) {
                    wrong.add(step + "." + p.name() + ": takes " + type + ", declared " + p.type());
                }
            }
            for (String name : takes.keySet()) {
                boolean known = declared.stream().anyMatch(p -> p.name().equals(name)) || JENKINS_ONLY.contains(name);
                if (!known) wrong.add(step + "." + name + ": not declared in engine/params");
            }
        });
        assertThat(wrong).as("step parameters that differ from the declarations").isEmpty();
    }

    @Test
    void everyParameterHasAFormFieldAndAHelpFileStatingItsDefault() {
        Set<String> wrong = new TreeSet<>();
        BY_STEP.forEach((step, declared) -> {
            Set<String> fields = new TreeSet<>();
            Matcher m = FIELD.matcher(read(RESOURCES.resolve(step).resolve("config.jelly")));
            while (m.find()) fields.add(m.group(1));
            assertThat(fields).as(step + "/config.jelly fields").isEqualTo(new TreeSet<>(parameters(step).keySet()));
            for (String field : fields) {
                Path help = Stream.of(step, BASE).map(dir -> RESOURCES.resolve(dir).resolve("help-" + field + ".html"))
                        .filter(Files::exists).findFirst().orElse(null);
                if (help == null) {
                    wrong.add(step + "." + field + ": no help-" + field + ".html");
                    continue;
                }
                // A checkbox shows its default; every other field's help says what applies when it is left empty.
                declared.stream().filter(p -> p.name().equals(field) && p.defaultValue() != null && p.type() != Type.FLAG)
                        .findFirst()
                        .filter(p -> !read(help).contains("<code>" + p.defaultValue() + "</code>"))
                        .ifPresent(p -> wrong.add(step + "." + field + ": help does not say the default " + p.defaultValue()));
            }
        });
        assertThat(wrong).as("form fields and help files that differ from the declarations").isEmpty();
    }

    @Test
    void everyParameterHasARowInThePipelineStepsDocsWithItsDefault() {
        String docs = read(ROOT.resolve("docs/pipeline-steps.md"));
        Set<String> wrong = new TreeSet<>();
        BY_STEP.forEach((step, declared) -> {
            String section = section(docs, "## " + FUNCTION.get(step));
            List<String> rows = section.lines().filter(l -> l.startsWith("| `")).toList();
            for (Parameter p : declared) {
                Pattern cell = Pattern.compile("`" + p.name() + "`");
                List<String> mine = rows.stream().filter(r -> cell.matcher(r.split("\\|")[1]).find()).toList();
                boolean common = section(docs, "# Pipeline steps").contains("| `" + p.name() + "`")
                        || CommonParameters.all().contains(p);
                if (mine.isEmpty() && !common) {
                    wrong.add(FUNCTION.get(step) + " " + p.name() + ": no row");
                } else if (!mine.isEmpty() && p.defaultValue() != null && !mine.get(0).split("\\|")[3].contains(p.defaultValue())) {
                    wrong.add(FUNCTION.get(step) + " " + p.name() + ": the default cell lacks " + p.defaultValue());
                }
            }
        });
        assertThat(wrong).as("declared parameters docs/pipeline-steps.md does not list with their default").isEmpty();
    }

    private static List<Parameter> step(List<Parameter> strategy) {
        return Stream.concat(strategy.stream(), CommonParameters.all().stream()).filter(Parameter::step).toList();
    }

    /** Name to Java type of every parameter a step takes: its constructor's, its setters' and its base class's. */
    private static Map<String, String> parameters(String step) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String source : List.of(read(SOURCES.resolve(step + ".java")), read(SOURCES.resolve(BASE + ".java")))) {
            Matcher c = CONSTRUCTOR.matcher(source);
            while (c.find()) {
                for (String param : c.group(1).split(",")) {
                    if (param.isBlank()) continue; // a constructor without parameters: everything is a setter
                    String[] typeAndName = param.trim().split("\\s+");
                    found.put(typeAndName[1], typeAndName[0]);
                }
            }
            Matcher s = SETTER.matcher(source);
            while (s.find()) {
                found.put(Character.toLowerCase(s.group(1).charAt(0)) + s.group(1).substring(1), s.group(2));
            }
        }
        return found;
    }

    private static String javaType(Type type) {
        return switch (type) {
            case FLAG -> "boolean";
            case PERCENTS -> "List<Integer>";
            case NAMES -> "List<String>";
            case TEXT, ARN, DURATION -> "String";
            case NUMBER -> "Double";
            // The steps take named settings as a nested object of their own, e.g. analysis: [errorRate: 1.0, ...].
            case SETTINGS -> "CanaryAnalysis";
        };
    }

    private static String section(String docs, String heading) {
        int start = docs.indexOf(heading + "\n");
        assertThat(start).as("a section '" + heading + "'").isNotNegative();
        int end = docs.indexOf("\n## ", start + 1);
        return docs.substring(start, end < 0 ? docs.length() : end);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
