package io.jenkins.plugins.awsdeploy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsdeploy.engine.canary.CanaryCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The registry is the only way from a checkpoint to its strategy, and it knows every checkpoint there is. */
class StrategiesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern CHECKPOINT_CLASS =
            Pattern.compile("record\\s+(\\w+)\\([^)]*\\)\\s*(?:\\n\\s*)?implements\\s+Checkpoint\\b", Pattern.DOTALL);
    private static final Pattern INSTANCEOF = Pattern.compile("instanceof\\s+(\\w+Checkpoint)\\b|\\((\\w+Checkpoint)\\)\\s*\\w");

    @Test
    void everyCheckpointOfTheEngineHasExactlyOneStrategyAndAJsonNameOfItsOwn() {
        List<String> declared = new ArrayList<>();
        for (Path f : javaFiles("engine/src/main/java")) {
            Matcher m = CHECKPOINT_CLASS.matcher(read(f));
            while (m.find()) declared.add(m.group(1));
        }
        assertThat(Strategies.all()).extracting(s -> s.checkpointType().getSimpleName())
                .containsExactlyInAnyOrderElementsOf(declared);
        assertThat(Strategies.all()).extracting(Strategy::type).doesNotHaveDuplicates()
                .containsExactly("canary", "blue-green", "ecs-rollback");
    }

    @Test
    void onlyTheStrategyThatOwnsACheckpointLooksInsideIt() {
        List<String> offenders = new ArrayList<>();
        for (String module : List.of("engine/src/main/java", "cli/src/main/java", "plugin/src/main/java")) {
            for (Path f : javaFiles(module)) {
                String text = read(f);
                Matcher m = INSTANCEOF.matcher(text);
                while (m.find()) {
                    String type = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!ownerPackageOf(type).map(p -> f.toString().contains("/engine/" + p + "/")).orElse(true)) {
                        offenders.add(ROOT.relativize(f) + ": " + m.group());
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    /**
     * A new router is a spec, a router and a registration: nothing outside engine/routing may ask which router a spec
     * is (the metrics registry maps kinds to sources by class), or that new router would need edits there too.
     */
    @Test
    void onlyTheRoutingPackageAsksWhichRouterASpecIs() {
        Pattern askWhich = Pattern.compile("instanceof\\s+(AlbForward|AlbListener|AlbRule|LambdaAlias|Route53Records)\\b"
                + "|\\((AlbForward|AlbListener|AlbRule|LambdaAlias|Route53Records)\\)\\s*\\w");
        List<String> offenders = new ArrayList<>();
        for (String module : List.of("engine/src/main/java", "cli/src/main/java", "plugin/src/main/java")) {
            for (Path f : javaFiles(module)) {
                // Blue/green is the load balancer's strategy by design: its switch is always an ALB forward action.
                if (f.toString().contains("/engine/routing/") || f.toString().contains("/engine/bluegreen/")) continue;
                Matcher m = askWhich.matcher(read(f));
                while (m.find()) offenders.add(ROOT.relativize(f) + ": " + m.group());
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void aCheckpointOfNoStrategyIsRefusedByName() {
        Checkpoint stranger = (Checkpoint) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Checkpoint.class}, (p, method, args) -> null);
        assertThatThrownBy(() -> Strategies.of(stranger)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no strategy handles");
    }

    @Test
    void aCanaryPresentsItsListenerTargetGroupsAndAlarms() {
        String listener = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2";
        String stable = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-blue/73e2d6bc24d8a067";
        String canary = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-green/2453ed029918f21f";
        CanaryCheckpoint c = CanaryCheckpoint.start(new CanaryRequest().listenerArn(listener).stableTargetGroup(stable)
                .canaryTargetGroup(canary).steps(List.of(10, 100)).bake("1m").alarms(List.of("web-5xx")).toSpec());

        assertThat(Strategies.title(c)).isEqualTo("Canary " + c.spec().plan().describe() + " on listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2");
        assertThat(Strategies.from(c)).contains("web-blue");
        assertThat(Strategies.to(c)).contains("web-green");
        assertThat(Strategies.resources(c)).extracting(Resource::role)
                .containsExactly("listener", "stable target group", "canary target group", "alarm");
        assertThat(Strategies.summary(c).weights()).containsExactly(
                java.util.Map.entry(stable, 100), java.util.Map.entry(canary, 0));
        assertThat(Strategies.progress(c, Instant.EPOCH).doing()).isNotBlank();
    }

    private static Optional<String> ownerPackageOf(String checkpointType) {
        return Strategies.all().stream().filter(s -> s.checkpointType().getSimpleName().equals(checkpointType))
                .findFirst().map(s -> s.checkpointType().getPackageName().replaceAll(".*\\.", ""));
    }

    private static List<Path> javaFiles(String dir) {
        try (Stream<Path> s = Files.walk(ROOT.resolve(dir))) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
