package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.BLUE;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.CLUSTER;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.GREEN;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWorld.outcome;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.BLUE_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.GREEN_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.LISTENER;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.RULE;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.AlarmState;
import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.InvalidInputException;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Preflight finds what is wrong in AWS before the first change: exit 2 and AWS exactly as it was. */
class BlueGreenPreflightTest {

    private static final String OTHER_TG = BLUE_TG.replace("web-blue", "web-red");
    private static final String OTHER_LISTENER = LISTENER.replace("f2f7d", "00000");
    private static final String OTHER_RULE = RULE.replace("9683b", "00000");

    static Stream<Arguments> wrongInAws() {
        return Stream.of(
                wrong("cluster", "no such cluster", w -> { }, r -> r.cluster("staging")),
                wrong("blueService", "no such service", w -> { }, r -> r.blueService("web-purple")),
                wrong("greenService", "the green service was deleted", w -> w.ecs.status(CLUSTER, GREEN, "INACTIVE"), r -> r),
                wrong("greenService", "green is deployed by CodeDeploy",
                        w -> w.ecs.deploymentController(CLUSTER, GREEN, "CODE_DEPLOY"), r -> r),
                wrong("blueTargetGroup", "blue does not register with its target group",
                        w -> w.ecs.targetGroups(CLUSTER, BLUE, List.of(OTHER_TG)), r -> r),
                wrong("greenTargetGroup", "no such target group", w -> { }, r -> r.greenTargetGroup(OTHER_TG)),
                wrong("listenerArn", "no such listener", w -> { }, r -> r.listenerArn(OTHER_LISTENER)),
                wrong("listenerArn", "both sides carry traffic",
                        w -> w.aws.setWeights(LISTENER, Map.of(BLUE_TG, 50, GREEN_TG, 50)), r -> r),
                wrong("listenerArn", "a third target group carries traffic",
                        w -> w.aws.setWeights(LISTENER, Map.of(BLUE_TG, 1, OTHER_TG, 1)), r -> r),
                wrong("alarms", "no such alarm", w -> { }, r -> r.alarms(List.of("5xx", "latency"))),
                wrong("alarms", "an alarm already in ALARM", w -> w.aws.alarm("5xx", AlarmState.ALARM, "errors"), r -> r),
                wrong("alarms", "alarms that cannot be read", w -> w.aws.failNextAlarmReads(1), r -> r),
                wrong("images", "no such container", w -> { }, r -> r.images(Map.of("worker", "repo/worker:2"))),
                wrong("images", "an unnamed image for two containers", w -> { },
                        r -> r.images(Collections.singletonMap(null, "repo/web:2"))),
                wrong("taskDefinition", "no such revision", w -> { }, r -> r.images(Map.of()).taskDefinition("web:9")),
                wrong("taskDefinition", "an inactive revision", w -> {
                    w.ecs.register("web", Map.of("app", "repo/web:1.5", "envoy", "envoy:1.29"));
                    w.ecs.deregister("web:2");
                }, r -> r.images(Map.of()).taskDefinition("web:2")),
                wrong("greenService", "the idle side is mid-deployment", w -> {
                    w.ecs.rolloutPace(null);
                    w.ecs.startDeployment(CLUSTER, GREEN, "web:1");
                }, r -> r),
                wrong("blueService", "the live side wants no tasks", w -> {
                    w.ecs.scale(CLUSTER, BLUE, 0);
                    w.ecs.resetCalls();
                }, r -> r),
                wrong("testRuleArn", "no such test rule", w -> { }, r -> r.testRuleArn(OTHER_RULE)),
                wrong("testRuleArn", "the test rule forwards elsewhere",
                        w -> w.aws.setWeights(RULE, Map.of(OTHER_TG, 1)), r -> r.testRuleArn(RULE)),
                wrong("blueService", "ECS cannot be reached", w -> w.ecs.failNext("DescribeServices", 1), r -> r),
                wrong("greenService", "green's load balancers include blue's target group",
                        w -> w.ecs.targetGroups(CLUSTER, GREEN, List.of(GREEN_TG, BLUE_TG)), r -> r),
                wrong("blueService", "blue's load balancers include green's target group",
                        w -> w.ecs.targetGroups(CLUSTER, BLUE, List.of(BLUE_TG, GREEN_TG)), r -> r),
                wrong("blueService", "the live side is mid-deployment", w -> {
                    w.ecs.rolloutPace(null);
                    w.ecs.register("web", Map.of("app", "repo/web:1.1", "envoy", "envoy:1.29"));
                    w.ecs.startDeployment(CLUSTER, BLUE, "web:2");
                }, r -> r),
                wrong("force", "the images the live side already runs", w -> { },
                        r -> r.images(Map.of("app", "repo/web:1.0"))),
                wrong("force", "the revision the live side already runs", w -> { },
                        r -> r.images(Map.of()).taskDefinition("web:1")));
    }

    private static Arguments wrong(String parameter, String what, Consumer<BlueGreenWorld> setUp,
                                   UnaryOperator<BlueGreenRequest> request) {
        return Arguments.of(what, parameter, setUp, request);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongInAws")
    void refusedBeforeAnyChange(String what, String parameter, Consumer<BlueGreenWorld> setUp,
                                UnaryOperator<BlueGreenRequest> request) {
        BlueGreenWorld world = new BlueGreenWorld();
        setUp.accept(world);
        BlueGreenWorld.State before = world.state();

        Ticker t = world.start(request).runToEnd();

        Outcome outcome = outcome(t);
        assertThat(outcome).as(outcome.message()).isInstanceOf(Outcome.Invalid.class);
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(((Outcome.Invalid) outcome).problems()).extracting(Problem::parameter).contains(parameter);
        assertThat(world.state()).isEqualTo(before);
        assertThat(t.storedCount()).isEqualTo(1);
        assertThat(t.events()).extracting(DeploymentEvent::kind).containsExactly(EventKind.FAILED);
    }

    @Test
    void anIdenticalRevisionSaysSoAndGoesOnOnlyWhenForced() {
        BlueGreenWorld world = new BlueGreenWorld();
        Outcome refused = outcome(world.start(r -> r.images(Map.of("app", "repo/web:1.0"))).runToEnd());
        assertThat(refused.message()).contains("force: is needed to deploy a revision identical to the live one: web-blue "
                + "runs web:1, which already has app=repo/web:1.0");

        Ticker forced = world.start(r -> r.images(Map.of("app", "repo/web:1.0")).force(true)).runToEnd();
        assertThat(outcome(forced)).as(outcome(forced).message()).isInstanceOf(Outcome.Succeeded.class);
        assertThat(world.production()).isEqualTo(new io.jenkins.plugins.awsdeploy.engine.Split(0, 100));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenRequestTest#badInputs")
    void badParametersChangeNothingEither(String what, String parameter, UnaryOperator<BlueGreenRequest> change) {
        BlueGreenWorld world = new BlueGreenWorld();
        BlueGreenWorld.State before = world.state();
        Outcome outcome;
        try {
            world.start(change);
            throw new AssertionError("accepted: " + what);
        } catch (InvalidInputException e) {
            // What every shell does with a refused request.
            outcome = new Outcome.Invalid(e.problems());
        }
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(world.state()).isEqualTo(before);
        assertThat(world.ecs.calls("DescribeServices") + world.aws.calls("DescribeListeners")).isZero();
    }
}
