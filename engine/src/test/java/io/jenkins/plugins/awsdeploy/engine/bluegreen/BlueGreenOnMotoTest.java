package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.outcome;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.phase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.JsonCodec;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsSession;
import io.jenkins.plugins.awsdeploy.engine.ecs.KnownGoodTag;
import io.jenkins.plugins.awsdeploy.engine.testing.Moto;
import io.jenkins.plugins.awsdeploy.engine.testing.MotoAlb;
import io.jenkins.plugins.awsdeploy.engine.testing.MotoBlueGreen;
import io.jenkins.plugins.awsdeploy.engine.testing.MotoEcs;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualClock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;

/**
 * Blue/green through the real SDK against moto: every call the engine makes, with the shapes and end
 * states moto stores. Moto rolls nothing out, so where ECS would finish the idle side's deployment the
 * test does it by hand ({@link MotoEcs#rollOut}); until then the engine must keep waiting.
 */
@ExtendWith(Moto.class)
class BlueGreenOnMotoTest {

    static final String BLUE = MotoBlueGreen.BLUE;
    static final String GREEN = MotoBlueGreen.GREEN;
    static final String ALARM = "bg-5xx";
    static int count;
    static AwsSession session;

    MotoAlb alb;
    MotoEcs ecs;
    String v1;
    MotoBlueGreen scene;
    final VirtualClock clock = new VirtualClock();

    @BeforeAll
    static void connect() {
        session = new AwsSession(Moto.access());
    }

    @AfterAll
    static void disconnect() {
        session.close();
    }

    @BeforeEach
    void twoServicesBehindOneListener() {
        count++;
        alb = MotoAlb.create("bg" + count).alarm(ALARM);
        ecs = new MotoEcs(Moto.endpoint(), alb.elb, 0);
        Map<String, String> containers = new LinkedHashMap<>();
        containers.put("app", "repo/web:1.0");
        containers.put("envoy", "envoy:1.29");
        scene = MotoBlueGreen.build(ecs, "bg" + count, alb.blueTg, alb.greenTg, 3, containers);
        v1 = scene.v1();
    }

    @AfterEach
    void closeClients() {
        ecs.close();
        alb.close();
    }

    BlueGreenRequest request() {
        return new BlueGreenRequest().cluster(scene.cluster()).blueService(BLUE).blueTargetGroup(alb.blueTg).greenService(GREEN)
                .greenTargetGroup(alb.greenTg).listenerArn(alb.listenerArn).images(Map.of("app", "repo/web:2.0"))
                .alarms(List.of(ALARM)).scaleDownAfter("30s").region(Moto.REGION);
    }

    Ticker start(UnaryOperator<BlueGreenRequest> tweak) {
        return new Ticker(new Engine(session.ports(), clock), clock, BlueGreenCheckpoint.start(tweak.apply(request()).toSpec()));
    }

    Ticker untilTheIdleSideIsUpdated(Ticker t) {
        return t.runUntil(x -> phase(x) instanceof BlueGreenPhase.WaitingForIdle, 20);
    }

    @Test
    void deploysToGreenSwitchesAndScalesBlueDown() {
        Ticker t = untilTheIdleSideIsUpdated(start(r -> r.steps(List.of(50, 100)).bake("10s")));
        String v2 = ((BlueGreenCheckpoint) t.checkpoint()).taskDefinition();
        assertThat(v2).endsWith(":task-definition/" + scene.family() + ":2");
        assertThat(ecs.service(scene.cluster(), GREEN).taskDefinition()).isEqualTo(v2);
        assertThat(ecs.service(scene.cluster(), GREEN).desiredCount()).isEqualTo(3);
        // The copy: only the image asked for changed, memory and ports came along.
        List<ContainerDefinition> copied = ecs.taskDefinition(v2).containerDefinitions();
        assertThat(copied).extracting(ContainerDefinition::name, ContainerDefinition::image, ContainerDefinition::memory)
                .containsExactly(tuple("app", "repo/web:2.0", 256),
                        tuple("envoy", "envoy:1.29", 256));

        // moto keeps the old revision in the deployment: not stable, and so no traffic moves.
        t.runUntil(x -> false, 6);
        assertThat(phase(t)).isInstanceOf(BlueGreenPhase.WaitingForIdle.class);
        assertThat(t.checkpoint().status()).contains("its primary deployment runs " + scene.family() + ":1");
        assertThat(alb.listenerSplit()).isEqualTo(Split.ALL_STABLE);

        ecs.rollOut(scene.cluster(), GREEN, alb.greenTg);
        t.runToEnd();

        Outcome outcome = outcome(t);
        assertThat(outcome).as(outcome.message()).isInstanceOf(Outcome.Succeeded.class);
        assertThat(alb.listenerWeights()).isEqualTo(Map.of(alb.blueTg, 0, alb.greenTg, 100));
        assertThat(ecs.service(scene.cluster(), BLUE).desiredCount()).isZero();
        assertThat(ecs.service(scene.cluster(), BLUE).taskDefinition()).isEqualTo(v1);
        assertThat(ecs.tags(scene.cluster(), GREEN)).containsEntry(KnownGoodTag.KEY, scene.family() + ":2");
        assertThat(t.events()).filteredOn(e -> e.kind() == EventKind.SHIFTED).extracting(DeploymentEvent::weights)
                .containsExactly(new Split(50, 50), new Split(0, 100));
        // What a state file holds reads back as the same checkpoint.
        assertThat(JsonCodec.readCheckpoint(JsonCodec.write(t.checkpoint()))).isEqualTo(t.checkpoint());
    }

    @Test
    void anAlarmWhileBlueIsKeptSwitchesBackToBlue() {
        Ticker t = untilTheIdleSideIsUpdated(start(r -> r));
        ecs.rollOut(scene.cluster(), GREEN, alb.greenTg);
        t.runUntil(x -> phase(x) instanceof BlueGreenPhase.ScaleDownWait, 20);
        assertThat(alb.listenerSplit()).isEqualTo(new Split(0, 100));

        alb.setAlarm(ALARM, StateValue.ALARM, "Threshold Crossed: 12 > 5");
        t.runToEnd();

        Outcome outcome = outcome(t);
        assertThat(outcome).as(outcome.message()).isInstanceOf(Outcome.RolledBack.class);
        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.message()).contains(ALARM, "Threshold Crossed");
        assertThat(alb.listenerWeights()).isEqualTo(Map.of(alb.blueTg, 100, alb.greenTg, 0));
        assertThat(ecs.service(scene.cluster(), BLUE).desiredCount()).isEqualTo(3);
        assertThat(ecs.service(scene.cluster(), GREEN).desiredCount()).isEqualTo(3);
        assertThat(ecs.tags(scene.cluster(), GREEN)).doesNotContainKey(KnownGoodTag.KEY);
    }

    @Test
    void theNextDeploymentGoesFromGreenToBlue() {
        Ticker first = untilTheIdleSideIsUpdated(start(r -> r.scaleDownAfter("0s")));
        ecs.rollOut(scene.cluster(), GREEN, alb.greenTg);
        first.runToEnd();
        assertThat(outcome(first)).as(outcome(first).message()).isInstanceOf(Outcome.Succeeded.class);

        Ticker second = untilTheIdleSideIsUpdated(start(r -> r.scaleDownAfter("0s").images(Map.of("app", "repo/web:3.0"))));
        assertThat(((BlueGreenCheckpoint) second.checkpoint()).from()).isEqualTo(Colour.GREEN);
        ecs.rollOut(scene.cluster(), BLUE, alb.blueTg);
        second.runToEnd();

        assertThat(outcome(second)).as(outcome(second).message()).isInstanceOf(Outcome.Succeeded.class);
        assertThat(alb.listenerWeights()).isEqualTo(Map.of(alb.blueTg, 100, alb.greenTg, 0));
        assertThat(ecs.taskDefinition(ecs.service(scene.cluster(), BLUE).taskDefinition()).containerDefinitions().get(0).image())
                .isEqualTo("repo/web:3.0");
        assertThat(ecs.service(scene.cluster(), GREEN).desiredCount()).isZero();
        assertThat(ecs.tags(scene.cluster(), BLUE)).containsEntry(KnownGoodTag.KEY, scene.family() + ":3");
    }

    @Test
    void aContainerThatDoesNotExistIsRefusedWithNothingChanged() {
        var before = List.of(alb.listenerWeights(), ecs.service(scene.cluster(), BLUE), ecs.service(scene.cluster(), GREEN),
                ecs.revisions(scene.family()));
        Ticker t = start(r -> r.images(Map.of("worker", "repo/worker:2"))).runToEnd();

        Outcome outcome = outcome(t);
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(((Outcome.Invalid) outcome).problems()).extracting(Problem::parameter).containsExactly("images");
        assertThat(outcome.message()).contains("no container named 'worker' in " + scene.family() + ":1; it has app, envoy");
        assertThat(List.of(alb.listenerWeights(), ecs.service(scene.cluster(), BLUE), ecs.service(scene.cluster(), GREEN),
                ecs.revisions(scene.family())))
                .isEqualTo(before);
    }
}
