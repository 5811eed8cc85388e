package io.jenkins.plugins.awsdeploy.cli;

import static io.jenkins.plugins.awsdeploy.cli.BlueGreenScene.BLUE;
import static io.jenkins.plugins.awsdeploy.cli.BlueGreenScene.GREEN;
import static io.jenkins.plugins.awsdeploy.cli.BlueGreenScene.TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.awsdeploy.engine.JsonCodec;
import io.jenkins.plugins.awsdeploy.engine.ecs.KnownGoodTag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * Blue/green deployments run to their end against moto. moto never rolls an ECS deployment out, so the test
 * stands in for ECS: either while the command waits for the new side (it finishes the deployment once the
 * command says it updated the service), or beforehand, by giving the idle service the new revision and its
 * targets already, which is all moto needs to report it stable after the update.
 */
@Timeout(90)
class BlueGreenRunTest {

    private static LocalStage stage;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        stage = LocalStage.start();
    }

    @AfterAll
    static void stop() {
        if (stage != null) stage.close();
    }

    @Test
    void aNewImageIsDeployedToTheIdleSideSwitchedInStepsAndTheOldSideScaledDown() throws IOException {
        BlueGreenScene scene = BlueGreenScene.build(stage, "happy");
        Path timeline = dir.resolve("happy.svg");
        Path state = dir.resolve("happy.json");
        CommandLineRun.Background run = CommandLineRun.start(scene.args(stage).set("--steps", "50,100").set("--bake", "1s")
                .set("--timeline", timeline.toString()).set("--state-file", state.toString()).toArray());

        run.awaitOut("updated web-green to happy-web:2 at 2 task(s)");
        assertThat(scene.weights(stage)).isEqualTo(List.of(100, 0));
        String v2 = scene.service(stage, GREEN).taskDefinition();
        stage.ecs.rollOut(scene.cluster(), GREEN, scene.greenGroup());
        CommandLineRun.Result result = run.result();

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(scene.weights(stage)).isEqualTo(List.of(0, 100));
        assertThat(scene.service(stage, BLUE).desiredCount()).isZero();
        assertThat(scene.service(stage, BLUE).taskDefinition()).isEqualTo(scene.v1());
        assertThat(scene.service(stage, GREEN).desiredCount()).isEqualTo(TASKS);
        assertThat(stage.ecs.images(v2)).isEqualTo(Map.of("app", "repo/web:2.0"));
        assertThat(stage.ecs.revisions(scene.family())).hasSize(2);
        assertThat(stage.ecs.tags(scene.cluster(), GREEN)).containsEntry(KnownGoodTag.KEY, "happy-web:2");
        assertThat(result.out()).contains("registered happy-web:2, a copy of happy-web:1 with app=repo/web:2.0",
                "web-green is stable on happy-web:2", "shifted to 50%", "shifted to 100%", "scaled web-blue to 0")
                .contains("Ctrl-C stops the deployment and puts all traffic back on the side that was live")
                .contains("Done: green (web-green) is live on happy-web:2");
        assertThat(result.out().split("Ctrl-C stops", -1)).as("the hint, once").hasSize(2);
        assertThat(Files.readString(timeline)).contains("<svg", "Blue/green web-blue → web-green");
        assertThat(JsonCodec.load(state).finished()).isTrue();
    }

    @Test
    void anAlarmAfterTheSwitchPutsTrafficBackOnTheOldSideAndExits3() {
        BlueGreenScene scene = BlueGreenScene.build(stage, "alarm");
        String v2 = readyToServe(scene);
        CommandLineRun.Background run = CommandLineRun.start(scene.args(stage).remove("--image")
                .set("--task-definition", "alarm-web:2").set("--scale-down-after", "1m").toArray());

        run.awaitOut("all production traffic is on green");
        assertThat(scene.weights(stage)).isEqualTo(List.of(0, 100));
        stage.resources.setAlarm(scene.alarm(), StateValue.ALARM, "Threshold Crossed: 12 server errors");
        CommandLineRun.Result result = run.result();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(scene.weights(stage)).isEqualTo(List.of(100, 0));
        assertThat(scene.service(stage, BLUE).desiredCount()).isEqualTo(TASKS);
        assertThat(scene.service(stage, GREEN).desiredCount()).isEqualTo(TASKS);
        assertThat(scene.service(stage, GREEN).taskDefinition()).isEqualTo(v2);
        assertThat(stage.ecs.tags(scene.cluster(), GREEN)).doesNotContainKey(KnownGoodTag.KEY);
        assertThat(result.out()).contains("alarm-5xx OK → ALARM").doesNotContain("scaled web-blue to 0");
        assertThat(result.err()).contains("Rolled back (exit code 3)", "alarm-5xx", "Threshold Crossed",
                "web-green stays up on alarm-web:2 for inspection");
    }

    @Test
    void aNewSideThatIsNotHealthyInTimeIsNeverSwitchedTo() {
        BlueGreenScene scene = BlueGreenScene.build(stage, "sick");

        CommandLineRun.Result result = CommandLineRun.run(scene.args(stage).set("--health-timeout", "2s")
                .flag("--scale-down-failed").toArray());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(scene.weights(stage)).isEqualTo(List.of(100, 0));
        assertThat(scene.service(stage, GREEN).desiredCount()).isZero();
        assertThat(scene.service(stage, BLUE).desiredCount()).isEqualTo(TASKS);
        assertThat(result.out()).doesNotContain("shifted").contains("scaled web-green to 0");
        assertThat(result.err()).contains("web-green was not stable and healthy within 2s", "nothing was switched");
    }

    @Test
    void aRuleIsSwitchedAfterTheTestListenerWasPointedAtTheNewSide() {
        BlueGreenScene scene = BlueGreenScene.build(stage, "rule");
        readyToServe(scene);
        String rule = stage.resources.rule(scene.listener(), 10, "/shop/*",
                LocalStage.weights(scene.blueGroup(), 100, scene.greenGroup(), 0));
        String test = stage.listener(LocalStage.weights(scene.blueGroup(), 100, scene.greenGroup(), 0));

        CommandLineRun.Result result = CommandLineRun.run(scene.args(stage).remove("--listener-arn").set("--rule-arn", rule)
                .remove("--image").set("--task-definition", "rule-web:2").set("--test-listener-arn", test).toArray());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(stage.resources.ruleWeights(rule)).containsEntry(scene.blueGroup(), 0).containsEntry(scene.greenGroup(), 100);
        assertThat(stage.resources.listenerWeights(test)).containsEntry(scene.blueGroup(), 0)
                .containsEntry(scene.greenGroup(), 100);
        assertThat(scene.weights(stage)).as("the listener's default action is not the rule").isEqualTo(List.of(100, 0));
        assertThat(result.out().indexOf("the test listener")).isPositive().isLessThan(result.out().indexOf("shifted to 100%"));
    }

    @Test
    void declinedAtTheSwitchNothingMoves() {
        BlueGreenScene scene = BlueGreenScene.build(stage, "no");
        readyToServe(scene);
        List<String> asked = new ArrayList<>();

        CommandLineRun.Result result = CommandLineRun.run(prompt -> {
            asked.add(prompt);
            return "n";
        }, Map.of(), scene.args(stage).remove("--image").set("--task-definition", "no-web:2")
                .set("--approve-before", "switch").toArray());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(asked).singleElement().asString().contains("Switch 100% of production traffic to green (web-green on no-web:2)?");
        assertThat(scene.weights(stage)).isEqualTo(List.of(100, 0));
        assertThat(scene.service(stage, BLUE).desiredCount()).isEqualTo(TASKS);
        assertThat(result.err()).contains("Stopped (exit code 4)");
    }

    @Test
    void jsonPrintsOneObjectPerEventAndTheOutcomeLast() throws IOException {
        BlueGreenScene scene = BlueGreenScene.build(stage, "json");
        readyToServe(scene);

        CommandLineRun.Result result = CommandLineRun.run(scene.args(stage).remove("--image")
                .set("--task-definition", "json-web:2").flag("--json").toArray());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : result.outLines()) {
            lines.add(mapper.readTree(line));
        }
        List<String> kinds = lines.subList(0, lines.size() - 1).stream().map(e -> e.get("kind").asText()).toList();
        assertThat(kinds).startsWith("PREFLIGHT_PASSED").endsWith("SUCCEEDED")
                .containsSubsequence("SERVICE_UPDATED", "SERVICE_STABLE", "SHIFTED", "SCALED_DOWN");
        JsonNode last = lines.get(lines.size() - 1);
        assertThat(last.get("outcome").asText()).isEqualTo("Succeeded");
        assertThat(last.get("exitCode").asInt()).isZero();
        assertThat(result.err()).contains("Done:");
        assertThat(scene.weights(stage)).isEqualTo(List.of(0, 100));
    }

    @Test
    void targetsGoneDuringABakeSendTrafficBackLikeAnAlarm() {
        BlueGreenScene scene = BlueGreenScene.build(stage, "gone");
        readyToServe(scene);
        CommandLineRun.Background run = CommandLineRun.start(scene.args(stage).remove("--image")
                .set("--task-definition", "gone-web:2").set("--steps", "50,100").set("--bake", "1m").toArray());

        run.awaitOut("shifted to 50%");
        stage.ecs.targets(scene.greenGroup(), GREEN, 0);
        CommandLineRun.Result result = run.result();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(scene.weights(stage)).isEqualTo(List.of(100, 0));
        assertThat(scene.service(stage, BLUE).desiredCount()).isEqualTo(TASKS);
        assertThat(result.err()).contains("Rolled back (exit code 3)", "green (web-green) has 0 healthy targets for 2 tasks");
    }

    @Test
    void aNewSideEmptiedWhileTheOldSideIsKeptNeverLosesTheOldSide() {
        BlueGreenScene scene = BlueGreenScene.build(stage, "empty");
        readyToServe(scene);
        CommandLineRun.Background run = CommandLineRun.start(scene.args(stage).remove("--image")
                .set("--task-definition", "empty-web:2").set("--scale-down-after", "1m").toArray());

        run.awaitOut("all production traffic is on green");
        stage.ecs.scale(scene.cluster(), GREEN, 0);
        CommandLineRun.Result result = run.result();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(scene.weights(stage)).isEqualTo(List.of(100, 0));
        assertThat(scene.service(stage, BLUE).desiredCount()).isEqualTo(TASKS);
        assertThat(stage.ecs.tags(scene.cluster(), GREEN)).doesNotContainKey(KnownGoodTag.KEY);
        assertThat(result.out()).doesNotContain("scaled web-blue to 0");
        assertThat(result.err()).doesNotContain("Done");
    }

    @Test
    void anIdleSideRolledBackWhileTheQuestionWasOpenIsNotSwitchedTo() {
        BlueGreenScene scene = BlueGreenScene.build(stage, "asked");
        readyToServe(scene);

        CommandLineRun.Result result = CommandLineRun.run(prompt -> {
            // Someone puts green back on the old revision while the approver reads the question.
            stage.ecs.settled(scene.cluster(), GREEN, scene.v1(), scene.greenGroup(), TASKS);
            return "y";
        }, Map.of(), scene.args(stage).remove("--image").set("--task-definition", "asked-web:2")
                .set("--approve-before", "switch").toArray());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
        assertThat(scene.weights(stage)).isEqualTo(List.of(100, 0));
        assertThat(scene.service(stage, BLUE).desiredCount()).isEqualTo(TASKS);
        assertThat(result.err()).contains("just before the first shift", "web-green runs asked-web:1, not asked-web:2",
                "someone else changed it").doesNotContain("back on");
    }

    @Test
    void anAlarmDoesNotSwitchBackToAnOldSideRedeployedMeanwhile() {
        BlueGreenScene scene = BlueGreenScene.build(stage, "redo");
        readyToServe(scene);
        CommandLineRun.Background run = CommandLineRun.start(scene.args(stage).remove("--image")
                .set("--task-definition", "redo-web:2").set("--scale-down-after", "1m").toArray());

        run.awaitOut("all production traffic is on green");
        String v3 = stage.ecs.register(scene.family(), Map.of("app", "repo/web:unverified"));
        stage.ecs.settled(scene.cluster(), BLUE, v3, scene.blueGroup(), TASKS);
        stage.resources.setAlarm(scene.alarm(), StateValue.ALARM, "Threshold Crossed: 12 server errors");
        CommandLineRun.Result result = run.result();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
        assertThat(scene.weights(stage)).isEqualTo(List.of(0, 100));
        assertThat(result.err()).contains("did not switch back", "web-blue runs redo-web:3, not redo-web:1",
                "blue: web-blue runs redo-web:3, 2/2 tasks", "green: web-green runs redo-web:2, 2/2 tasks",
                "all traffic is on green (web-green), which serves redo-web:2");
    }

    @Test
    void theImageTheLiveSideRunsAlreadyNeedsForce() {
        BlueGreenScene scene = BlueGreenScene.build(stage, "same");
        Map<String, Object> before = scene.snapshot(stage);

        CommandLineRun.Result result = CommandLineRun.run(scene.args(stage).set("--image", "repo/web:1.0").toArray());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("--force: is needed to deploy a revision identical to the live one: web-blue runs "
                + "same-web:1, which already has app=repo/web:1.0");
        assertThat(scene.snapshot(stage)).isEqualTo(before);
    }

    @Test
    void aServiceWhoseLoadBalancersIncludeTheOtherSidesTargetGroupIsRefused() {
        BlueGreenScene scene = BlueGreenScene.build(stage, "cross");
        stage.ecs.crossed(scene.cluster(), GREEN, scene.v1(), List.of(scene.greenGroup(), scene.blueGroup()));
        Map<String, Object> before = scene.snapshot(stage);

        CommandLineRun.Result result = CommandLineRun.run(scene.args(stage).toArray());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("--green-service: web-green's load balancers include blue's target group cross-blue");
        assertThat(scene.snapshot(stage)).isEqualTo(before);
    }

    /**
     * Registers revision 2 and gives the idle green service everything ECS would have once it ran it: the revision
     * in its only, completed deployment, and a healthy target for each task the update will ask for.
     */
    private static String readyToServe(BlueGreenScene scene) {
        String v2 = stage.ecs.register(scene.family(), Map.of("app", "repo/web:2.0"));
        stage.ecs.settled(scene.cluster(), GREEN, v2, scene.greenGroup(), 0);
        stage.ecs.targets(scene.greenGroup(), GREEN, TASKS);
        return v2;
    }
}
