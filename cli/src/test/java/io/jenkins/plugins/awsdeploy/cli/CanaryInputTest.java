package io.jenkins.plugins.awsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.JsonCodec;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * Every way to get the input wrong ends with exit code 2, a message naming the option as typed, and AWS
 * exactly as it was.
 */
class CanaryInputTest {

    private static LocalStage stage;
    private static LocalStage.Scene scene;
    private static String otherGroup;
    private static String forwardsElsewhere;
    private static String offThePath;
    private static String burningAlarm;

    @TempDir
    static Path dir;

    @BeforeAll
    static void buildScene() throws IOException {
        stage = LocalStage.start();
        scene = stage.scene("in");
        otherGroup = stage.targetGroup("in-other");
        forwardsElsewhere = stage.listener(Map.of(otherGroup, 1));
        offThePath = stage.listener(LocalStage.weights(scene.stable(), 70, scene.canary(), 30));
        stage.resources.rule(scene.listener(), 10, "/api/*", LocalStage.weights(scene.stable(), 100, scene.canary(), 0));
        burningAlarm = "in-burning";
        stage.resources.alarm(burningAlarm, scene.canary());
        stage.alarm(burningAlarm, StateValue.ALARM);
    }

    @AfterAll
    static void stop() {
        if (stage != null) stage.close();
    }

    static Stream<BadInput> badInputs() {
        String westListener = "arn:aws:elasticloadbalancing:us-west-2:123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2";
        String missingListener = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/cli-tests/50dc6c495c0c9188/f2f7dc8efc522ab2";
        String missingGroup = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/nowhere/73e2d6bc24d8a067";
        return Stream.of(
                new BadInput("both listener and rule", "--listener-arn", "exactly one",
                        a -> a.set("--rule-arn", ruleArn())),
                new BadInput("neither listener nor rule", "--listener-arn", "exactly one", a -> a.remove("--listener-arn")),
                new BadInput("malformed ARN", "--listener-arn", "is not the ARN of a listener",
                        a -> a.set("--listener-arn", "listener/app/web/1")),
                new BadInput("target group ARN of the wrong type", "--stable-target-group", "is not the ARN of a target group",
                        a -> a.set("--stable-target-group", scene.listener())),
                new BadInput("same target group twice", "--canary-target-group", "same target group",
                        a -> a.set("--canary-target-group", scene.stable())),
                new BadInput("steps not ascending", "--steps", "must ascend", a -> a.set("--steps", "50,10,100")),
                new BadInput("step above 100", "--steps", "outside 1..100", a -> a.set("--steps", "10,150")),
                new BadInput("step of 0", "--steps", "outside 1..100", a -> a.set("--steps", "0,50,100")),
                new BadInput("steps not ending at 100", "--steps", "must end at 100", a -> a.set("--steps", "10,50")),
                new BadInput("steps and preset", "--steps", "not both", a -> a.set("--preset", "Canary10Percent5Minutes")),
                new BadInput("bad preset", "--preset", "is not one of",
                        a -> a.remove("--steps").set("--preset", "Canary99Percent")),
                new BadInput("bad duration", "--bake", "is not a duration", a -> a.set("--bake", "5 minutes")),
                new BadInput("steps without bake", "--bake", "is required", a -> a.remove("--bake")),
                new BadInput("poll 0s", "--poll", "at least 1s", a -> a.set("--poll", "0s")),
                new BadInput("approval timeout without an approval", "--approval-timeout", "only applies with --approve-before",
                        a -> a.set("--approval-timeout", "10m")),
                new BadInput("approve-before not a step", "--approve-before", "is not one of the steps",
                        a -> a.set("--approve-before", "30").flag("--auto-approve")),
                new BadInput("approve-before without terminal or --auto-approve", "--approve-before", "no terminal",
                        a -> a.set("--approve-before", "50")),
                new BadInput("unknown alarm", "--alarm", "no alarm named 'nobody-knows'", a -> a.set("--alarm", "nobody-knows")),
                new BadInput("alarm already in ALARM", "--alarm", "already in ALARM", a -> a.set("--alarm", burningAlarm)),
                new BadInput("more than 100 alarms", "--alarm", "at most 100",
                        a -> a.set("--alarm", IntStream.rangeClosed(1, CanaryRequest.MAX_ALARMS + 1)
                                .mapToObj(i -> "alarm-" + i).toArray(String[]::new))),
                new BadInput("listener not found", "--listener-arn", "no listener",
                        a -> a.set("--listener-arn", missingListener)),
                new BadInput("target group not found", "--canary-target-group", "no target group",
                        a -> a.set("--canary-target-group", missingGroup)),
                new BadInput("listener not forwarding to the stable group", "--listener-arn", "does not forward to the stable",
                        a -> a.set("--listener-arn", forwardsElsewhere)),
                new BadInput("split not on the plan's path", "--listener-arn", "neither 100/0 nor a step",
                        a -> a.set("--listener-arn", offThePath)),
                new BadInput("ARN in another region", "--listener-arn", "is in region us-west-2",
                        a -> a.set("--listener-arn", westListener)),
                new BadInput("no region at all", "--region", "no region given", a -> a.remove("--region")),
                new BadInput("region misspelt", "--region", "is not a region name", a -> a.set("--region", "useast1")),
                new BadInput("endpoint not a URL", "--endpoint-url", "is not an http(s) URL",
                        a -> a.set("--endpoint-url", "127.0.0.1:5000")),
                new BadInput("unknown option", "--bogus", "Unknown option", a -> a.set("--bogus", "x")),
                new BadInput("not a number in steps", "--steps", "Invalid value", a -> a.set("--steps", "10,x,100")),
                new BadInput("option without its value", "--bake", "Missing required parameter",
                        a -> a.remove("--bake").flag("--bake")),
                new BadInput("state file of a different deployment", "--state-file", "not this one",
                        a -> a.set("--state-file", otherDeployment().toString())),
                new BadInput("state file that is not a state file", "--state-file", "cannot be read",
                        a -> a.set("--state-file", garbage().toString())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void isRefusedBeforeAnyChange(BadInput bad) {
        Map<String, Object> before = stage.snapshot();

        CommandLineRun.Result result = CommandLineRun.run(bad.change().apply(CommandArgs.canary(scene, stage)).toArray());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).as(result.toString()).contains(bad.option()).contains(bad.says());
        assertThat(result.out()).as(result.toString()).doesNotContain("shifted");
        assertThat(stage.snapshot()).isEqualTo(before);
    }

    @Test
    void namesEveryProblemAtOnceInTheOptionsSpelling() {
        CommandLineRun.Result result = CommandLineRun.run("canary", "--listener-arn", "x", "--steps", "50,10",
                "--bake", "soon", "--region", "us-east-1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--listener-arn: 'x' is not the ARN of a listener")
                .contains("--stable-target-group: is required")
                .contains("--canary-target-group: is required")
                .contains("--steps: must ascend")
                .contains("--bake: 'soon' is not a duration")
                .contains("Nothing was changed in AWS")
                .doesNotContain("listenerArn").doesNotContain("stableTargetGroup");
    }

    @Test
    void jsonModeEndsWithTheProblemsAsJson() throws Exception {
        CommandLineRun.Result result = CommandLineRun.run(CommandArgs.canary(scene, stage).set("--steps", "10,50")
                .flag("--json").toArray());

        assertThat(result.exitCode()).isEqualTo(2);
        List<String> lines = result.outLines();
        var last = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertThat(last.get("exitCode").asInt()).isEqualTo(2);
        assertThat(last.get("problems").get(0).get("parameter").asText()).isEqualTo("--steps");
    }

    private static String ruleArn() {
        return stage.resources.elb().describeRules(r -> r.listenerArn(scene.listener())).rules().stream()
                .filter(r -> !r.isDefault()).findFirst().orElseThrow().ruleArn();
    }

    /** An unfinished deployment of the same listener with other steps. */
    private static Path otherDeployment() {
        Path file = dir.resolve("other-" + System.nanoTime() + ".json");
        JsonCodec.save(CanaryCheckpoint.start(new CanaryRequest().listenerArn(scene.listener())
                .stableTargetGroup(scene.stable()).canaryTargetGroup(scene.canary()).steps(List.of(20, 100))
                .bake("1s").region("us-east-1").toSpec()), file);
        return file;
    }

    private static Path garbage() {
        try {
            return Files.writeString(dir.resolve("garbage-" + System.nanoTime() + ".json"), "{\"strategy\":\"nothing\"}");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
