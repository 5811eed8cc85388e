package io.jenkins.plugins.awsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.JsonCodec;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase;
import io.jenkins.plugins.awsdeploy.engine.ecs.KnownGoodTag;
import io.jenkins.plugins.awsdeploy.engine.testing.MotoAsg;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;

/**
 * {@code aws-deploy blue-green} on two Auto Scaling groups, run to its end against moto, killed with -9 while it
 * waits for the new group and finished by the next run with the same state file. moto reports every instance on the
 * launch template's default version, so the test makes the new version the default while the command waits for it.
 */
@Timeout(120)
class GroupRunTest {

    private static LocalStage stage;
    private static MotoAsg asg;
    private static String blueTg;
    private static String greenTg;
    private static String listener;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        stage = LocalStage.start();
        blueTg = stage.targetGroup("asgrun-blue");
        greenTg = stage.targetGroup("asgrun-green");
        listener = stage.listener(LocalStage.weights(blueTg, 100, greenTg, 0));
        stage.resources.alarm("asgrun-5xx", greenTg);
        asg = MotoAsg.build(stage.aws.endpoint(), "asgrun", blueTg, greenTg, 2);
    }

    @AfterAll
    static void stop() {
        if (asg != null) asg.close();
        if (stage != null) stage.close();
    }

    @Test
    void aRunKilledWhileTheNewGroupStartsIsFinishedByTheNextRun() throws Exception {
        Path state = dir.resolve("asg.json");
        String[] args = CommandArgs.of("blue-green")
                .set("--blue-auto-scaling-group", MotoAsg.BLUE).set("--blue-target-group", blueTg)
                .set("--green-auto-scaling-group", MotoAsg.GREEN).set("--green-target-group", greenTg)
                .set("--listener-arn", listener).set("--image-id", MotoAsg.AMI_V2).set("--alarm", "asgrun-5xx")
                .set("--steps", "50,100").set("--bake", "1s").set("--scale-down-after", "1s").set("--poll", "1s")
                .set("--state-file", state.toString())
                .set("--region", "us-east-1").set("--endpoint-url", stage.aws.endpoint().toString()).toArray();
        AwsDeployProcess first = AwsDeployProcess.start(args);
        first.awaitLine("updated web-green to " + asg.templateId + ":2 at min 2, desired 2, max 6");
        first.awaitLine("web-green: ");

        first.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        Checkpoint left = JsonCodec.load(state);
        assertThat(((BlueGreenCheckpoint) left).phase()).isInstanceOf(BlueGreenPhase.WaitingForIdle.class);
        assertThat(stage.resources.listenerWeights(listener)).containsEntry(blueTg, 100);
        asg.makeDefault(2);

        CommandLineRun.Result second = CommandLineRun.run(args);

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains("Resuming the unfinished deployment", "web-green is stable on " + asg.templateId + ":2",
                "shifted to 50%", "shifted to 100%", "scaled web-blue to 0").doesNotContain("created launch template version");
        assertThat(stage.resources.listenerWeights(listener)).containsEntry(blueTg, 0).containsEntry(greenTg, 100);
        AutoScalingGroup blue = asg.group(MotoAsg.BLUE);
        assertThat(List.of(blue.minSize(), blue.desiredCapacity(), blue.maxSize())).containsExactly(0, 0, 6);
        assertThat(asg.tags(MotoAsg.BLUE)).containsEntry("aws-deploy:capacity-before-scale-down", "min=2,desired=2,max=6");
        assertThat(asg.tags(MotoAsg.GREEN)).containsEntry(KnownGoodTag.KEY, asg.templateId + ":2");
        assertThat(asg.versions()).hasSize(2);
        assertThat(JsonCodec.load(state).finished()).isTrue();
    }
}
