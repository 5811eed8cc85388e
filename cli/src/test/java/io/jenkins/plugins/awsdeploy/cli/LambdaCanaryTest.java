package io.jenkins.plugins.awsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.JsonCodec;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsAccess;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsSession;
import io.jenkins.plugins.awsdeploy.engine.aws.SessionCredentials;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryRequest;
import io.jenkins.plugins.awsdeploy.engine.testing.MotoLambda;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualClock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code aws-deploy canary} on a Lambda alias against moto: every way to get its input wrong ends with exit code 2,
 * a message naming the option as typed, and every alias (and the functions' tags) exactly as it was; a run that is
 * right moves the alias, also when it resumes from a state file.
 */
class LambdaCanaryTest {

    private static LocalStage stage;
    private static MotoLambda fn;
    private static List<MotoLambda> others;
    private static String alarm;

    @TempDir
    static Path dir;

    @BeforeAll
    static void buildScene() throws IOException {
        stage = LocalStage.start();
        fn = MotoLambda.create(stage.aws.endpoint(), "in", 3);
        MotoLambda routesElsewhere = MotoLambda.create(stage.aws.endpoint(), "elsewhere", 3);
        routesElsewhere.setAlias("1", Map.of("3", 0.2));
        MotoLambda onLatest = MotoLambda.create(stage.aws.endpoint(), "latest", 2);
        onLatest.setAlias("$LATEST", Map.of());
        MotoLambda midway = MotoLambda.create(stage.aws.endpoint(), "midway", 2);
        midway.setAlias("1", Map.of("2", 0.1));
        MotoLambda offPath = MotoLambda.create(stage.aws.endpoint(), "offpath", 2);
        offPath.setAlias("1", Map.of("2", 0.3));
        others = List.of(routesElsewhere, onLatest, midway, offPath);
        alarm = stage.scene("lambda").alarm();
    }

    @AfterAll
    static void stop() {
        if (others != null) others.forEach(MotoLambda::close);
        if (fn != null) fn.close();
        if (stage != null) stage.close();
    }

    static CommandArgs args(String function) {
        return CommandArgs.of("canary")
                .set("--lambda-function", function)
                .set("--lambda-alias", "live")
                .set("--canary-version", "2")
                .set("--steps", "10,50,100")
                .set("--bake", "1s")
                .set("--poll", "1s")
                .set("--alarm", alarm)
                .set("--region", "us-east-1")
                .set("--endpoint-url", stage.aws.endpoint().toString());
    }

    static Stream<BadInput> badInputs() {
        String listener = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2";
        String group = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/73e2d6bc24d8a067";
        return Stream.of(
                new BadInput("with a listener", "--lambda-function", "cannot be combined with --listener-arn",
                        a -> a.set("--listener-arn", listener)),
                new BadInput("with target groups", "--lambda-function", "--stable-target-group, --canary-target-group",
                        a -> a.set("--stable-target-group", group).set("--canary-target-group", group)),
                new BadInput("no alias", "--lambda-alias", "is required", a -> a.remove("--lambda-alias")),
                new BadInput("no canary version", "--canary-version", "is required", a -> a.remove("--canary-version")),
                new BadInput("only an alias", "--lambda-function", "is required", a -> a.remove("--lambda-function")),
                new BadInput("$LATEST as the canary", "--canary-version", "never $LATEST", a -> a.set("--canary-version", "$LATEST")),
                new BadInput("canary version not a number", "--canary-version", "is not a published version number",
                        a -> a.set("--canary-version", "v2")),
                new BadInput("canary version with a leading zero", "--canary-version", "is not a published version number",
                        a -> a.set("--canary-version", "02")),
                new BadInput("a version as the alias", "--lambda-alias", "is a version, not an alias", a -> a.set("--lambda-alias", "1")),
                new BadInput("a qualified function name", "--lambda-function", "names a version or an alias",
                        a -> a.set("--lambda-function", "in:live")),
                new BadInput("a qualified function ARN", "--lambda-function", "names a version or an alias",
                        a -> a.set("--lambda-function", fn.functionArn + ":live")),
                new BadInput("a function ARN in another region", "--lambda-function", "is in region us-west-2",
                        a -> a.set("--lambda-function", fn.functionArn.replace("us-east-1", "us-west-2"))),
                new BadInput("not a function name", "--lambda-function", "is not a function name",
                        a -> a.set("--lambda-function", "my function")),
                new BadInput("function not found", "--lambda-function", "no function nobody exists",
                        a -> a.set("--lambda-function", "nobody")),
                new BadInput("alias not found", "--lambda-alias", "has no alias prod", a -> a.set("--lambda-alias", "prod")),
                new BadInput("version not found", "--canary-version", "has no version 9", a -> a.set("--canary-version", "9")),
                new BadInput("the alias's own version", "--canary-version", "already points at", a -> a.set("--canary-version", "1")),
                new BadInput("alias routing to a third version", "--lambda-alias", "routes traffic to version(s) 3",
                        a -> a.set("--lambda-function", "elsewhere")),
                new BadInput("alias on $LATEST", "--lambda-alias", "points at $LATEST", a -> a.set("--lambda-function", "latest")),
                new BadInput("a step of the plan nobody proves is ours", "--lambda-alias",
                        "(stable/new: the alias's own version 90%, version 2 10%), not 100/0 on the stable side, and nothing shows",
                        a -> a.set("--lambda-function", "midway")),
                new BadInput("a split off the plan's path", "--lambda-alias", "neither 100/0 nor a step",
                        a -> a.set("--lambda-function", "offpath")),
                new BadInput("steps not ascending", "--steps", "must ascend", a -> a.set("--steps", "50,10,100")),
                new BadInput("unknown alarm", "--alarm", "no alarm named 'nobody-knows'", a -> a.set("--alarm", "nobody-knows")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void isRefusedBeforeAnyChange(BadInput bad) {
        Map<String, Object> before = snapshot();

        CommandLineRun.Result result = CommandLineRun.run(bad.change().apply(args(fn.function)).toArray());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).as(result.toString()).contains(bad.option()).contains(bad.says());
        assertThat(result.out()).as(result.toString()).doesNotContain("shifted");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aRunInterruptedAfterItsFirstStepResumesFromItsStateFileAndMovesTheAliasToTheNewVersion() throws Exception {
        MotoLambda resumed = MotoLambda.create(stage.aws.endpoint(), "resumed", 2);
        Path state = dir.resolve("resumed.json");
        CommandArgs args = args(resumed.function).set("--state-file", state.toString());
        // The first run, up to its first step, by the engine itself; then the process "dies" with the state file written.
        VirtualClock clock = new VirtualClock();
        AwsAccess access = new AwsAccess("us-east-1", stage.aws.endpoint(), new SessionCredentials("test", "test", null, null),
                null, null);
        try (AwsSession session = new AwsSession(access)) {
            CanaryCheckpoint start = CanaryCheckpoint.start(new CanaryRequest().lambdaFunction(resumed.function)
                    .lambdaAlias("live").canaryVersion("2").steps(List.of(10, 50, 100)).bake("1s").poll("1s")
                    .alarms(List.of(alarm)).region("us-east-1").toSpec());
            Ticker first = new Ticker(new Engine(session.ports(), clock), clock, start)
                    .runUntil(x -> resumed.aliasShape().equals("1 {2=0.1}"), 50);
            JsonCodec.save(first.checkpoint(), state);
        }

        CommandLineRun.Result result = CommandLineRun.run(args.toArray());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("resumed");
        assertThat(resumed.aliasShape()).isEqualTo("2 {}");
        assertThat(resumed.tags()).doesNotContainKey("aws-deploy:deployment");
        resumed.close();
    }

    @Test
    void anAlarmDuringTheBakePutsTheAliasBackOnItsVersionWithExitCode3() {
        MotoLambda burning = MotoLambda.create(stage.aws.endpoint(), "burning", 2);
        LocalStage.Scene scene = stage.scene("burning");
        CommandLineRun.Background run = CommandLineRun.start(args(burning.function).set("--alarm", scene.alarm())
                .set("--bake", "30s").toArray());
        run.awaitOut("shifted to 10%");
        assertThat(burning.aliasShape()).isEqualTo("1 {2=0.1}");

        stage.alarm(scene.alarm(), software.amazon.awssdk.services.cloudwatch.model.StateValue.ALARM);
        CommandLineRun.Result result = run.result();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains("alarm " + scene.alarm() + " is ALARM");
        assertThat(burning.aliasShape()).isEqualTo("1 {}");
        burning.close();
    }

    @Test
    void someoneElsesUpdateOfTheAliasStopsTheRunWithTheCommandThatRestoresIt() {
        MotoLambda changed = MotoLambda.create(stage.aws.endpoint(), "changed", 2);
        CommandLineRun.Background run = CommandLineRun.start(args(changed.function).set("--bake", "30s").toArray());
        run.awaitOut("shifted to 10%");

        changed.setAlias("1", Map.of("2", 0.4));
        CommandLineRun.Result result = run.result();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
        assertThat(result.err()).contains("version 1, 0.4 routed to version 2")
                .contains("aws lambda update-alias --function-name changed --name live --function-version 1 "
                        + "--routing-config '{\"AdditionalVersionWeights\":{}}'");
        assertThat(changed.aliasShape()).isEqualTo("1 {2=0.4}");
        changed.close();
    }

    private static Map<String, Object> snapshot() {
        Map<String, Object> all = new LinkedHashMap<>();
        for (MotoLambda f : Stream.concat(Stream.of(fn), others.stream()).toList()) {
            all.put(f.function, f.aliasShape() + " " + f.tags());
        }
        all.put("alb", stage.snapshot());
        return all;
    }
}
