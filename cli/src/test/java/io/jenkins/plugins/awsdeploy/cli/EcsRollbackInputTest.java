package io.jenkins.plugins.awsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.JsonCodec;
import io.jenkins.plugins.awsdeploy.engine.ecs.RollbackCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.ecs.RollbackRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;

/** Every way to get an ecs-rollback command line wrong ends with exit code 2, naming the option, the service untouched. */
class EcsRollbackInputTest {

    private static LocalStage stage;
    private static RollbackScene scene;
    private static String deregistered;

    @TempDir
    static Path dir;

    @BeforeAll
    static void buildScene() throws IOException {
        stage = LocalStage.start();
        scene = RollbackScene.build(stage, "rbin");
        deregistered = scene.revision(1);
        stage.ecs.deregister(deregistered);
        stage.ecs.controlledBy(scene.cluster(), "web-codedeploy", scene.revision(3), DeploymentControllerType.CODE_DEPLOY);
    }

    @AfterAll
    static void stop() {
        if (stage != null) stage.close();
    }

    static Stream<BadInput> badInputs() {
        String family = scene.family();
        String westRevision = "arn:aws:ecs:us-west-2:123456789012:task-definition/" + family + ":2";
        String otherCluster = "arn:aws:ecs:us-east-1:123456789012:service/staging/web";
        return Stream.of(
                // Checked before any AWS call
                new BadInput("no cluster", "--cluster", "is required", a -> a.remove("--cluster")),
                new BadInput("no service", "--service", "is required", a -> a.remove("--service")),
                new BadInput("cluster name with a slash", "--cluster", "is not a cluster name", a -> a.set("--cluster", "prod/eu")),
                new BadInput("service name with a space", "--service", "is not a service name", a -> a.set("--service", "web app")),
                new BadInput("service ARN of another cluster", "--service", "belongs to cluster staging",
                        a -> a.set("--service", otherCluster)),
                new BadInput("family without a revision", "--to-revision", "names a family without a revision",
                        a -> a.set("--to-revision", family)),
                new BadInput("revision 0", "--to-revision", "is not a task definition revision",
                        a -> a.set("--to-revision", family + ":0")),
                new BadInput("ARN of a cluster as the revision", "--to-revision", "is not the ARN of a task definition",
                        a -> a.set("--to-revision", "arn:aws:ecs:us-east-1:123456789012:cluster/" + scene.cluster())),
                new BadInput("revision in another region", "--to-revision", "is in region us-west-2",
                        a -> a.set("--to-revision", westRevision)),
                new BadInput("timeout of 0s", "--timeout", "must be longer than 0s", a -> a.set("--timeout", "0s")),
                new BadInput("timeout in words", "--timeout", "is not a duration", a -> a.set("--timeout", "ten minutes")),
                new BadInput("poll of 0s", "--poll", "at least 1s", a -> a.set("--poll", "0s")),
                new BadInput("poll longer than the timeout", "--poll", "is longer than the timeout",
                        a -> a.set("--poll", "20m").set("--timeout", "10m")),
                new BadInput("region misspelt", "--region", "is not a region name", a -> a.set("--region", "us-east")),
                new BadInput("unknown option", "--revision", "Unknown option", a -> a.set("--revision", family + ":2")),
                new BadInput("state file of another rollback", "--state-file", "not this one",
                        a -> a.set("--state-file", otherRollback().toString())),
                // Found by reading AWS, before any change
                new BadInput("cluster that does not exist", "--cluster", "no cluster rbin-staging",
                        a -> a.set("--cluster", "rbin-staging")),
                new BadInput("service that does not exist", "--service", "no service api exists", a -> a.set("--service", "api")),
                new BadInput("revision that does not exist", "--to-revision", "no task definition " + family + ":99",
                        a -> a.set("--to-revision", family + ":99")),
                new BadInput("deregistered revision", "--to-revision", "was deregistered (status INACTIVE)",
                        a -> a.set("--to-revision", deregistered)),
                new BadInput("service deployed by CodeDeploy", "--service", "CODE_DEPLOY",
                        a -> a.set("--service", "web-codedeploy").set("--to-revision", family + ":2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void isRefusedWithTheServiceUnchanged(BadInput bad) {
        Map<String, Object> before = scene.snapshot(stage);

        CommandLineRun.Result result = CommandLineRun.run(bad.change().apply(scene.args(stage)).toArray());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).as(result.toString()).contains(bad.option()).contains(bad.says());
        assertThat(result.out()).as(result.toString()).doesNotContain("updated").doesNotContain("Time to restore");
        assertThat(scene.snapshot(stage)).isEqualTo(before);
    }

    /** An unfinished rollback of the same service to another revision. */
    private static Path otherRollback() {
        Path file = dir.resolve("other-" + System.nanoTime() + ".json");
        JsonCodec.save(RollbackCheckpoint.start(new RollbackRequest().cluster(scene.cluster()).service(RollbackScene.SERVICE)
                .toRevision(scene.revision(1)).poll("1s").region("us-east-1").toSpec()), file);
        return file;
    }
}
