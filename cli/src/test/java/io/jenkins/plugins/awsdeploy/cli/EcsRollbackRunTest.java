package io.jenkins.plugins.awsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.awsdeploy.engine.ecs.KnownGoodTag;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Rollbacks run to their end against moto. moto's UpdateService never starts a deployment, so where the command
 * waits for ECS, the test finishes the deployment by hand once the command says it updated the service.
 */
@Timeout(90)
class EcsRollbackRunTest {

    private static LocalStage stage;

    @BeforeAll
    static void start() throws IOException {
        // So that the test's stand-in for ECS finishes a rollout in one call: the engine never sees it half done.
        stage = LocalStage.start(RollbackScene.TASKS);
    }

    @AfterAll
    static void stop() {
        if (stage != null) stage.close();
    }

    @Test
    void goesBackOneRevisionWaitsUntilItRunsAndSaysHowLongThatTook() {
        RollbackScene scene = RollbackScene.build(stage, "wait");
        CommandLineRun.Background run = CommandLineRun.start(scene.args(stage).toArray());

        run.awaitOut("updated service web from wait-web:3 to wait-web:2");
        stage.ecs.rollOut(scene.cluster(), RollbackScene.SERVICE, null);
        CommandLineRun.Result result = run.result();

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(scene.service(stage).taskDefinition()).isEqualTo(scene.revisions().get(1));
        assertThat(scene.service(stage).desiredCount()).isEqualTo(RollbackScene.TASKS);
        assertThat(result.out()).contains("target wait-web:2: the highest ACTIVE revision of wait-web below the current wait-web:3")
                .contains("Ctrl-C stops the rollback where it is; nothing is undone.")
                .contains("service web is stable on wait-web:2")
                .contains("Done: service web runs wait-web:2 again (the highest ACTIVE revision", "): 2/2 tasks, one deployment")
                .containsPattern("\nTime to restore: \\d+\\.\\ds \\(from the first check until the service was seen stable on wait-web:2\\)\n");
        assertThat(result.out().strip()).endsWith("seen stable on wait-web:2)");
    }

    @Test
    void theKnownGoodTagChoosesTheTargetAndJsonCarriesTheTimeToRestore() throws IOException {
        RollbackScene scene = RollbackScene.build(stage, "tag");
        stage.ecs.tag(scene.cluster(), RollbackScene.SERVICE, Map.of(KnownGoodTag.KEY, scene.revision(1)));
        CommandLineRun.Background run = CommandLineRun.start(scene.args(stage).flag("--json").toArray());

        run.awaitOut("\"SERVICE_UPDATED\"");
        stage.ecs.rollOut(scene.cluster(), RollbackScene.SERVICE, null);
        CommandLineRun.Result result = run.result();

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(scene.service(stage).taskDefinition()).isEqualTo(scene.revisions().get(0));
        ObjectMapper mapper = new ObjectMapper();
        List<String> lines = result.outLines();
        JsonNode first = mapper.readTree(lines.get(0));
        assertThat(first.get("kind").asText()).isEqualTo("PREFLIGHT_PASSED");
        assertThat(first.get("message").asText()).contains("target tag-web:1: the last known-good revision");
        JsonNode last = mapper.readTree(lines.get(lines.size() - 1));
        assertThat(last.get("outcome").asText()).isEqualTo("Succeeded");
        assertThat(last.get("timeToRestoreMillis").isIntegralNumber()).as(last.toString()).isTrue();
        assertThat(last.get("timeToRestoreMillis").asLong()).isPositive();
        assertThat(result.err()).contains("Time to restore: ");
    }

    @Test
    void aDryRunSaysWhatItWouldDoAndChangesNothing() {
        RollbackScene scene = RollbackScene.build(stage, "dry");
        Map<String, Object> before = scene.snapshot(stage);

        CommandLineRun.Result result = CommandLineRun.run(scene.args(stage).flag("--dry-run").toArray());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(scene.snapshot(stage)).isEqualTo(before);
        assertThat(result.out()).contains("Done: dry run: would roll back service web in cluster dry from dry-web:3 to dry-web:2")
                .contains("nothing was changed").contains("Time to restore: none, a dry run changes nothing")
                .doesNotContain("Ctrl-C");
    }

    @Test
    void noWaitEndsOnceEcsHasAcceptedTheUpdate() {
        RollbackScene scene = RollbackScene.build(stage, "nowait");

        CommandLineRun.Result result = CommandLineRun.run(scene.args(stage).flag("--no-wait")
                .set("--to-revision", scene.revisions().get(0)).toArray());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(scene.service(stage).taskDefinition()).isEqualTo(scene.revisions().get(0));
        assertThat(scene.service(stage).desiredCount()).isEqualTo(RollbackScene.TASKS);
        assertThat(result.out()).contains("target nowait-web:1: the revision asked for")
                .contains("now points at nowait-web:1 (from nowait-web:3)", "not waited for it to be stable (--no-wait)")
                .contains("Time to restore: not measured: --no-wait ended once ECS had accepted the update");
    }

    @Test
    void aServiceNotStableInTimeIsReportedAndLeftOnTheTarget() {
        RollbackScene scene = RollbackScene.build(stage, "slow");

        CommandLineRun.Result result = CommandLineRun.run(scene.args(stage).set("--to-revision", scene.revision(2))
                .set("--timeout", "2s").toArray());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(scene.service(stage).taskDefinition()).isEqualTo(scene.revisions().get(1));
        assertThat(result.err()).contains("was not stable on slow-web:2 within 2s", "ECS goes on deploying slow-web:2")
                .contains("Time to restore: not restored: the service was not seen stable on the target");
    }
}
