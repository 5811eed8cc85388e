package io.jenkins.plugins.awsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.testing.MotoAsg;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * Every way to get a blue/green command line for Auto Scaling groups wrong ends with exit code 2, a message naming
 * the option as typed, and AWS exactly as it was: listeners, alarms, every group (launch template version, size,
 * instances, target groups, tags) and every launch template's versions.
 */
class GroupInputTest {

    private static LocalStage stage;
    private static MotoAsg asg;
    private static MotoAsg otherTemplate;
    private static String blueTg;
    private static String greenTg;
    private static String otherTg;
    private static String listener;
    private static String halfway;
    private static String alarm;
    private static final String BURNING = "asgin-burning";
    private static final List<String> GROUPS = List.of(MotoAsg.BLUE, MotoAsg.GREEN, "web-both", "web-busy", "web-latest",
            "web-sick", "web-other-lt");

    @BeforeAll
    static void buildScene() throws IOException {
        stage = LocalStage.start();
        blueTg = stage.targetGroup("asgin-blue");
        greenTg = stage.targetGroup("asgin-green");
        otherTg = stage.targetGroup("asgin-other");
        listener = stage.listener(LocalStage.weights(blueTg, 100, greenTg, 0));
        halfway = stage.listener(LocalStage.weights(blueTg, 50, greenTg, 50));
        alarm = "asgin-5xx";
        stage.resources.alarm(alarm, greenTg);
        stage.resources.alarm(BURNING, greenTg);
        stage.alarm(BURNING, StateValue.ALARM);
        asg = MotoAsg.build(stage.aws.endpoint(), "asgin", blueTg, greenTg, 2);
        asg.group("web-both", "1", List.of(greenTg, blueTg), 0);
        asg.group("web-busy", "1", greenTg, 1);
        asg.group("web-latest", "$Latest", blueTg, 1);
        asg.group("web-sick", "1", blueTg, 1);
        asg.sicken("web-sick");
        otherTemplate = MotoAsg.create(stage.aws.endpoint(), "asgin-other");
        otherTemplate.group("web-other-lt", "1", greenTg, 0);
    }

    @AfterAll
    static void stop() {
        if (otherTemplate != null) otherTemplate.close();
        if (asg != null) asg.close();
        if (stage != null) stage.close();
    }

    /** A command line that passes every check: a new AMI for green, switched at once. */
    static CommandArgs args() {
        return CommandArgs.of("blue-green")
                .set("--blue-auto-scaling-group", MotoAsg.BLUE)
                .set("--blue-target-group", blueTg)
                .set("--green-auto-scaling-group", MotoAsg.GREEN)
                .set("--green-target-group", greenTg)
                .set("--listener-arn", listener)
                .set("--image-id", MotoAsg.AMI_V2)
                .set("--alarm", alarm)
                .set("--poll", "1s")
                .set("--region", "us-east-1")
                .set("--endpoint-url", stage.aws.endpoint().toString());
    }

    static Stream<BadInput> badInputs() {
        return Stream.of(
                // Checked before any AWS call
                new BadInput("a cluster as well", "--cluster", "mutually exclusive", a -> a.set("--cluster", "prod")),
                new BadInput("an ECS image as well", "--image", "mutually exclusive", a -> a.set("--image", "repo/web:2")),
                new BadInput("services as well", "--blue-service", "drop --blue-service, --green-service",
                        a -> a.set("--blue-service", "web-blue").set("--green-service", "web-green")),
                new BadInput("no green group", "--green-auto-scaling-group", "is required",
                        a -> a.remove("--green-auto-scaling-group")),
                new BadInput("same group on both sides", "--green-auto-scaling-group", "is the same group",
                        a -> a.set("--green-auto-scaling-group", MotoAsg.BLUE)),
                new BadInput("a group ARN", "--blue-auto-scaling-group", "not its ARN", a -> a.set("--blue-auto-scaling-group",
                        "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:1:autoScalingGroupName/web-blue")),
                new BadInput("neither AMI nor version", "--image-id", "exactly one", a -> a.remove("--image-id")),
                new BadInput("both AMI and version", "--image-id", "exactly one", a -> a.set("--launch-template-version", "1")),
                new BadInput("AMI id that is none", "--image-id", "is not an AMI id", a -> a.set("--image-id", "ubuntu-22.04")),
                new BadInput("version $Latest", "--launch-template-version", "is not a version number",
                        a -> a.remove("--image-id").set("--launch-template-version", "$Latest")),
                // Found by reading AWS, before any change
                new BadInput("group that does not exist", "--blue-auto-scaling-group", "no Auto Scaling group web-purple",
                        a -> a.set("--blue-auto-scaling-group", "web-purple")),
                new BadInput("AMI that does not exist", "--image-id", "no AMI ami-0000000000000000f exists",
                        a -> a.set("--image-id", "ami-0000000000000000f")),
                new BadInput("version that does not exist", "--launch-template-version", "has no version 99",
                        a -> a.remove("--image-id").set("--launch-template-version", "99")),
                new BadInput("the AMI the live group already launches", "--force", "already has image " + MotoAsg.AMI_V1,
                        a -> a.set("--image-id", MotoAsg.AMI_V1)),
                new BadInput("idle group in both target groups", "--green-auto-scaling-group", "registers its instances in blue's",
                        a -> a.set("--green-auto-scaling-group", "web-both")),
                new BadInput("idle group not empty", "--green-auto-scaling-group", "web-busy (the idle side) runs 1 instance(s)",
                        a -> a.set("--green-auto-scaling-group", "web-busy")),
                new BadInput("idle group on another launch template", "--green-auto-scaling-group", "take turns with versions of one",
                        a -> a.set("--green-auto-scaling-group", "web-other-lt")),
                new BadInput("live group on $Latest", "--blue-auto-scaling-group", "launches version $Latest",
                        a -> a.set("--blue-auto-scaling-group", "web-latest")),
                new BadInput("live group unhealthy", "--blue-auto-scaling-group", "web-sick (the live side) is not healthy",
                        a -> a.set("--blue-auto-scaling-group", "web-sick")),
                new BadInput("target group that is not the group's", "--green-target-group", "is not a target group of web-green",
                        a -> a.set("--green-target-group", otherTg)),
                new BadInput("listener halfway through a switch", "--listener-arn", "exactly one side must be live",
                        a -> a.set("--listener-arn", halfway)),
                new BadInput("alarm already in ALARM", "--alarm", "already in ALARM", a -> a.set("--alarm", BURNING)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void isRefusedBeforeAnyChange(BadInput bad) {
        Map<String, Object> before = snapshot();

        CommandLineRun.Result result = CommandLineRun.run(bad.change().apply(args()).toArray());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).as(result.toString()).contains(bad.option()).contains(bad.says());
        assertThat(result.out()).as(result.toString()).doesNotContain("created").doesNotContain("updated");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void namesEveryProblemAtOnceInTheOptionsSpelling() {
        CommandLineRun.Result result = CommandLineRun.run("blue-green", "--blue-auto-scaling-group", "web-blue",
                "--green-auto-scaling-group", "web-blue", "--listener-arn", "x", "--image-id", "ami-1",
                "--region", "us-east-1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--green-auto-scaling-group: is the same group as --blue-auto-scaling-group")
                .contains("--image-id: 'ami-1' is not an AMI id")
                .contains("--listener-arn: 'x' is not the ARN of a listener")
                .contains("--blue-target-group: is required")
                .contains("Nothing was changed in AWS")
                .doesNotContain("blueAutoScalingGroup").doesNotContain("canary");
    }

    /** Listeners, rules and alarms, every group as AWS describes it, and the versions of both launch templates. */
    private static Map<String, Object> snapshot() {
        Map<String, Object> all = new LinkedHashMap<>(stage.snapshot());
        GROUPS.forEach(g -> all.put(g, (g.equals("web-other-lt") ? otherTemplate : asg).describe(g)));
        all.put("versions", asg.versions());
        all.put("other versions", otherTemplate.versions());
        return all;
    }
}
