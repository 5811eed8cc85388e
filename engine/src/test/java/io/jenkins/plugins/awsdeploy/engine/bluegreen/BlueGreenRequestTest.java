package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.BLUE_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.GREEN_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.LISTENER;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.RULE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.awsdeploy.engine.InvalidInputException;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.aws.TrafficTarget;
import io.jenkins.plugins.awsdeploy.engine.routing.AlbForward;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BlueGreenRequestTest {

    @Test
    void defaultsSwitchAllAtOnceAndKeepTheOldSideFiveMinutes() {
        BlueGreenSpec spec = BlueGreenWorld.request().toSpec();

        assertThat(spec.plan().steps()).hasSize(1);
        assertThat(spec.plan().step(0).percent()).isEqualTo(100);
        assertThat(spec.plan().step(0).bake()).isZero();
        assertThat(spec.approveBeforeSwitch()).isFalse();
        assertThat(spec.healthTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(spec.scaleDownAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(spec.poll()).isEqualTo(Duration.ofSeconds(5));
        assertThat(spec.scaleDownFailed()).isFalse();
        assertThat(spec.testTarget()).isNull();
        assertThat(spec.target()).isEqualTo(TrafficTarget.listener(LISTENER));
    }

    @Test
    void theSwitchIsACanaryWithTheLiveSideAsTheStableOne() {
        BlueGreenSpec spec = BlueGreenWorld.request().steps(List.of(10, 50, 100)).bake("2m").approveBefore("switch").toSpec();

        assertThat(((AlbForward) spec.switchSpec(Colour.BLUE).router()).stableTargetGroup()).isEqualTo(BLUE_TG);
        assertThat(((AlbForward) spec.switchSpec(Colour.GREEN).router()).stableTargetGroup()).isEqualTo(GREEN_TG);
        assertThat(((AlbForward) spec.switchSpec(Colour.GREEN).router()).canaryTargetGroup()).isEqualTo(BLUE_TG);
        assertThat(spec.plan().describe()).isEqualTo("[approval] 10% → 50% → 100%, bake 2m each");
        assertThat(spec.approveBeforeSwitch()).isTrue();
    }

    @Test
    void anUnnamedImageIsKeptForTheOnlyContainer() {
        BlueGreenSpec spec = BlueGreenWorld.request().images(Collections.singletonMap(null, " repo/web:2 ")).toSpec();

        assertThat(spec.images()).containsExactly(Map.entry(BlueGreenSpec.ONLY_CONTAINER, "repo/web:2"));
    }

    @Test
    void aTestRuleAndAnExistingRevisionAreAccepted() {
        BlueGreenSpec spec = BlueGreenWorld.request().images(Map.of())
                .taskDefinition("arn:aws:ecs:us-east-1:123456789012:task-definition/web:42").testRuleArn(RULE).toSpec();

        assertThat(spec.testTarget()).isEqualTo(new TrafficTarget(TrafficTarget.Kind.RULE, RULE, "testRuleArn"));
        assertThat(spec.taskDefinition()).endsWith("web:42");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        InvalidInputException e = invalid(r -> r.cluster(null).greenService(null).poll("0s").approveBefore("later"));

        assertThat(e.problems()).extracting(Problem::parameter).contains("cluster", "greenService", "poll", "approveBefore");
    }

    static Stream<Arguments> badInputs() {
        Map<String, String> mixed = new LinkedHashMap<>();
        mixed.put("", "repo/web:2");
        mixed.put("envoy", "envoy:2");
        return Stream.of(
                bad("cluster", "missing cluster", r -> r.cluster(" ")),
                bad("cluster", "cluster name with a space", r -> r.cluster("prod east")),
                bad("cluster", "cluster ARN of another region", r -> r.cluster("arn:aws:ecs:eu-west-1:123456789012:cluster/prod")),
                bad("blueService", "missing blue service", r -> r.blueService(null)),
                bad("greenService", "service ARN that is not a service", r -> r.greenService("arn:aws:ecs:us-east-1:123456789012:cluster/x")),
                bad("greenService", "the same service twice", r -> r.greenService(BlueGreenWorld.BLUE)),
                bad("blueTargetGroup", "blue target group not an ARN", r -> r.blueTargetGroup("web-blue")),
                bad("greenTargetGroup", "the same target group twice", r -> r.greenTargetGroup(BLUE_TG)),
                bad("listenerArn", "listener and rule", r -> r.ruleArn(RULE)),
                bad("listenerArn", "neither listener nor rule", r -> r.listenerArn(null)),
                bad("listenerArn", "listener of another region", r -> r.listenerArn(LISTENER.replace("us-east-1", "us-west-2"))),
                bad("images", "neither images nor task definition", r -> r.images(Map.of())),
                bad("images", "images and task definition", r -> r.taskDefinition("web:3")),
                bad("images", "image with a space", r -> r.images(Map.of("app", "repo/web 2"))),
                bad("images", "empty image", r -> r.images(Map.of("app", ""))),
                bad("images", "bad container name", r -> r.images(Map.of("app!", "repo/web:2"))),
                bad("images", "unnamed and named images", r -> r.images(mixed)),
                bad("taskDefinition", "family without revision", r -> r.images(Map.of()).taskDefinition("web")),
                bad("taskDefinition", "ARN of something else", r -> r.images(Map.of()).taskDefinition(
                        "arn:aws:ecs:us-east-1:123456789012:service/prod/web")),
                bad("taskDefinition", "a short ARN of something else", r -> r.images(Map.of()).taskDefinition(
                        "arn:aws:ecs:us-east-1:123456789012:cluster/x")),
                bad("taskDefinition", "a task definition ARN without revision", r -> r.images(Map.of()).taskDefinition(
                        "arn:aws:ecs:us-east-1:123456789012:task-definition/web")),
                bad("steps", "steps not ending at 100", r -> r.steps(List.of(10, 50)).bake("1m")),
                bad("steps", "steps that do not ascend", r -> r.steps(List.of(50, 10, 100)).bake("1m")),
                bad("bake", "steps without a bake", r -> r.steps(List.of(10, 100))),
                bad("bake", "unreadable bake", r -> r.bake("5 minutes")),
                bad("approveBefore", "approval at a step", r -> r.approveBefore("50")),
                bad("approvalTimeout", "zero approval timeout", r -> r.approvalTimeout("0s")),
                bad("healthTimeout", "zero health timeout", r -> r.healthTimeout("0s")),
                bad("healthTimeout", "unreadable health timeout", r -> r.healthTimeout("soon")),
                bad("scaleDownAfter", "unreadable scale-down wait", r -> r.scaleDownAfter("-5m")),
                bad("poll", "poll under a second", r -> r.poll("0s")),
                bad("alarms", "an alarm twice", r -> r.alarms(List.of("5xx", "5xx"))),
                bad("testListenerArn", "test listener and test rule", r -> r.testListenerArn(LISTENER.replace("f2f7", "aaaa"))
                        .testRuleArn(RULE)),
                bad("testListenerArn", "test listener is the production one", r -> r.testListenerArn(LISTENER)),
                bad("testRuleArn", "test rule that is a listener", r -> r.testRuleArn(LISTENER)));
    }

    private static Arguments bad(String parameter, String what, UnaryOperator<BlueGreenRequest> change) {
        return Arguments.of(what, parameter, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsRefusedNamingTheParameter(String what, String parameter, UnaryOperator<BlueGreenRequest> change) {
        assertThat(invalid(change).problems()).extracting(Problem::parameter).contains(parameter);
    }

    @Test
    void canaryParameterNamesAreRenamedToThisCommandsOwn() {
        InvalidInputException e = invalid(r -> r.greenTargetGroup(BLUE_TG));

        assertThat(e.problems()).extracting(Problem::toString)
                .containsExactly("greenTargetGroup: is the same target group as blueTargetGroup");
    }

    static InvalidInputException invalid(UnaryOperator<BlueGreenRequest> change) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> change.apply(BlueGreenWorld.request()).toSpec());
        assertThat(e).as("expected the request to be refused").isNotNull();
        return e;
    }
}
