package io.jenkins.plugins.awsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.JsonCodec;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * Every way to get a blue/green command line wrong ends with exit code 2, a message naming the option as typed,
 * and AWS exactly as it was: listeners, alarms, both services and the family's revisions.
 */
class BlueGreenInputTest {

    private static LocalStage stage;
    private static BlueGreenScene scene;
    private static String rule;
    private static String otherGroup;
    private static String forwardsElsewhere;
    private static String halfway;
    private static String testListener;
    private static String deregistered;
    private static final String BURNING = "bgin-burning";

    @TempDir
    static Path dir;

    @BeforeAll
    static void buildScene() throws IOException {
        stage = LocalStage.start();
        scene = BlueGreenScene.build(stage, "bgin");
        rule = stage.resources.rule(scene.listener(), 10, "/api/*", LocalStage.weights(scene.blueGroup(), 100, scene.greenGroup(), 0));
        otherGroup = stage.targetGroup("bgin-other");
        forwardsElsewhere = stage.listener(Map.of(otherGroup, 1));
        halfway = stage.listener(LocalStage.weights(scene.blueGroup(), 50, scene.greenGroup(), 50));
        testListener = stage.listener(LocalStage.weights(scene.blueGroup(), 100, scene.greenGroup(), 0));
        deregistered = stage.ecs.register(scene.family(), Map.of("app", "repo/web:0.9"));
        stage.ecs.deregister(deregistered);
        stage.resources.alarm(BURNING, scene.greenGroup());
        stage.alarm(BURNING, StateValue.ALARM);
    }

    @AfterAll
    static void stop() {
        if (stage != null) stage.close();
    }

    static Stream<BadInput> badInputs() {
        String westGroup = "arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/web-green/73e2d6bc24d8a067";
        String family = scene.family();
        return Stream.of(
                // Checked before any AWS call
                new BadInput("no cluster", "--cluster", "is required", a -> a.remove("--cluster")),
                new BadInput("cluster name with a space", "--cluster", "is not a cluster name", a -> a.set("--cluster", "my cluster")),
                new BadInput("same service on both sides", "--green-service", "is the same service",
                        a -> a.set("--green-service", BlueGreenScene.BLUE)),
                new BadInput("target group ARN of the wrong type", "--blue-target-group", "is not the ARN of a target group",
                        a -> a.set("--blue-target-group", scene.listener())),
                new BadInput("target group in another region", "--green-target-group", "is in region us-west-2",
                        a -> a.set("--green-target-group", westGroup)),
                new BadInput("both listener and rule", "--listener-arn", "exactly one", a -> a.set("--rule-arn", rule)),
                new BadInput("neither listener nor rule", "--listener-arn", "exactly one", a -> a.remove("--listener-arn")),
                new BadInput("both image and task definition", "--image", "exactly one",
                        a -> a.set("--task-definition", family + ":1")),
                new BadInput("neither image nor task definition", "--image", "exactly one", a -> a.remove("--image")),
                new BadInput("task definition without a revision", "--task-definition", "is not family:revision",
                        a -> a.remove("--image").set("--task-definition", family)),
                new BadInput("container name with a space", "--image", "'app server' is not a container name",
                        a -> a.set("--image", "app server=repo/web:2.0")),
                new BadInput("image that is no image reference", "--image", "is not an image reference",
                        a -> a.set("--image", "app=repo/web 2.0")),
                new BadInput("two images without container names", "--image", "without a container name",
                        a -> a.set("--image", "repo/web:2.0", "repo/sidecar:2.0")),
                new BadInput("one container twice", "--image", "container app is given twice",
                        a -> a.set("--image", "app=repo/web:2.0", "app=repo/web:2.1")),
                new BadInput("no container before '='", "--image", "names no container", a -> a.set("--image", "=repo/web:2.0")),
                new BadInput("steps not ending at 100", "--steps", "must end at 100", a -> a.set("--steps", "10,50").set("--bake", "1s")),
                new BadInput("steps without bake", "--bake", "is required", a -> a.set("--steps", "10,100")),
                new BadInput("bad duration", "--bake", "is not a duration", a -> a.set("--steps", "50,100").set("--bake", "5 minutes")),
                new BadInput("approve before a percentage", "--approve-before", "is not a moment to approve",
                        a -> a.set("--approve-before", "50").flag("--auto-approve")),
                new BadInput("approval without a terminal", "--approve-before", "no terminal", a -> a.set("--approve-before", "switch")),
                new BadInput("approval timeout of 0s", "--approval-timeout", "must be longer than 0s",
                        a -> a.set("--approve-before", "switch").flag("--auto-approve").set("--approval-timeout", "0s")),
                new BadInput("approval timeout without a question", "--approval-timeout", "only applies with --approve-before",
                        a -> a.set("--approval-timeout", "1h")),
                new BadInput("health timeout of 0s", "--health-timeout", "must be longer than 0s", a -> a.set("--health-timeout", "0s")),
                new BadInput("scale-down-after not a duration", "--scale-down-after", "is not a duration",
                        a -> a.set("--scale-down-after", "soon")),
                new BadInput("poll of 0s", "--poll", "at least 1s", a -> a.set("--poll", "0s")),
                new BadInput("test listener and test rule", "--test-listener-arn", "not both",
                        a -> a.set("--test-listener-arn", testListener).set("--test-rule-arn", rule)),
                new BadInput("test listener that is the production one", "--test-listener-arn", "is the production listener",
                        a -> a.set("--test-listener-arn", scene.listener())),
                new BadInput("region misspelt", "--region", "is not a region name", a -> a.set("--region", "useast1")),
                new BadInput("unknown option", "--bogus", "Unknown option", a -> a.set("--bogus", "x")),
                new BadInput("not a number in steps", "--steps", "Invalid value", a -> a.set("--steps", "10,x,100")),
                new BadInput("state file of another deployment", "--state-file", "not this one",
                        a -> a.set("--state-file", otherDeployment().toString())),
                // Found by reading AWS, before any change
                new BadInput("cluster that does not exist", "--cluster", "no cluster bgin-staging", a -> a.set("--cluster", "bgin-staging")),
                new BadInput("service that does not exist", "--green-service", "no active service web-purple",
                        a -> a.set("--green-service", "web-purple")),
                new BadInput("target group that is not the service's", "--green-target-group", "is not a target group of web-green",
                        a -> a.set("--green-target-group", otherGroup)),
                new BadInput("container the task definition lacks", "--image", "no container named 'worker'",
                        a -> a.set("--image", "worker=repo/worker:2")),
                new BadInput("revision that does not exist", "--task-definition", "no task definition " + family + ":99",
                        a -> a.remove("--image").set("--task-definition", family + ":99")),
                new BadInput("deregistered revision", "--task-definition", "is INACTIVE",
                        a -> a.remove("--image").set("--task-definition", deregistered)),
                new BadInput("unknown alarm", "--alarm", "no alarm named 'nobody-knows'", a -> a.set("--alarm", "nobody-knows")),
                new BadInput("alarm already in ALARM", "--alarm", "already in ALARM", a -> a.set("--alarm", BURNING)),
                new BadInput("listener forwarding to a third group", "--listener-arn", "only the blue and the green target group",
                        a -> a.set("--listener-arn", forwardsElsewhere)),
                new BadInput("listener halfway through a switch", "--listener-arn", "exactly one side must be live",
                        a -> a.set("--listener-arn", halfway)),
                new BadInput("test listener forwarding to a third group", "--test-listener-arn", "test traffic may only go",
                        a -> a.set("--test-listener-arn", forwardsElsewhere)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void isRefusedBeforeAnyChange(BadInput bad) {
        Map<String, Object> before = scene.snapshot(stage);

        CommandLineRun.Result result = CommandLineRun.run(bad.change().apply(scene.args(stage)).toArray());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).as(result.toString()).contains(bad.option()).contains(bad.says());
        assertThat(result.out()).as(result.toString()).doesNotContain("registered").doesNotContain("updated");
        assertThat(scene.snapshot(stage)).isEqualTo(before);
    }

    @Test
    void namesEveryProblemAtOnceInTheOptionsSpelling() {
        CommandLineRun.Result result = CommandLineRun.run("blue-green", "--blue-service", "web-blue", "--green-service",
                "web-blue", "--listener-arn", "x", "--image", "app=a:1", "--image", "app=a:2", "--health-timeout", "soon",
                "--region", "us-east-1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--cluster: is required")
                .contains("--green-service: is the same service as --blue-service")
                .contains("--listener-arn: 'x' is not the ARN of a listener")
                .contains("--blue-target-group: is required")
                .contains("--image: container app is given twice")
                .contains("--health-timeout: 'soon' is not a duration")
                .contains("Nothing was changed in AWS")
                .doesNotContain("blueService").doesNotContain("stableTargetGroup").doesNotContain("canary");
    }

    /** An unfinished deployment of the same services with other steps. */
    private static Path otherDeployment() {
        Path file = dir.resolve("other-" + System.nanoTime() + ".json");
        JsonCodec.save(BlueGreenCheckpoint.start(new BlueGreenRequest().cluster(scene.cluster())
                .blueService(BlueGreenScene.BLUE).blueTargetGroup(scene.blueGroup())
                .greenService(BlueGreenScene.GREEN).greenTargetGroup(scene.greenGroup())
                .listenerArn(scene.listener()).images(Map.of("", "repo/web:2.0")).steps(List.of(20, 100)).bake("1s")
                .region("us-east-1").toSpec()), file);
        return file;
    }
}
