package io.jenkins.plugins.awsdeploy.engine.canary;

import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.BLUE_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.GREEN_TG;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.LISTENER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsdeploy.engine.InvalidInputException;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class CanaryRequestTest {

    static CanaryRequest valid() {
        return new CanaryRequest().listenerArn(LISTENER).stableTargetGroup(BLUE_TG).canaryTargetGroup(GREEN_TG)
                .steps(List.of(10, 50, 100)).bake("5m").alarms(List.of("5xx")).region("us-east-1");
    }

    @Test
    void aValidRequestBecomesASpec() {
        CanarySpec spec = valid().approveBefore(List.of(100)).toSpec();
        assertThat(spec.plan().steps()).extracting(CanaryStep::percent).containsExactly(10, 50, 100);
        assertThat(spec.plan().step(2).approvalFirst()).isTrue();
        assertThat(spec.poll()).isEqualTo(Duration.ofSeconds(5));
        assertThat(spec.plan().describe()).isEqualTo("10% → 50% → [approval] 100%, bake 5m each");
    }

    @Test
    void presetsTakeCodeDeployNamesWithOrWithoutPrefixes() {
        for (String name : List.of("Canary10Percent5Minutes", "CodeDeployDefault.ECSCanary10Percent5Minutes",
                "ECSCanary10Percent5Minutes", "canary10percent5minutes")) {
            CanarySpec spec = valid().steps(null).bake(null).preset(name).toSpec();
            assertThat(spec.plan().steps()).extracting(CanaryStep::percent).containsExactly(10, 100);
            assertThat(spec.plan().step(0).bake()).isEqualTo(Duration.ofMinutes(5));
        }
        CanarySpec linear = valid().steps(null).bake(null).preset("CodeDeployDefault.ECSLinear10PercentEvery3Minutes").toSpec();
        assertThat(linear.plan().size()).isEqualTo(10);
        assertThat(linear.plan().step(0).bake()).isEqualTo(Duration.ofMinutes(3));
        CanarySpec overridden = valid().steps(null).preset("AllAtOnce").bake("30s").toSpec();
        assertThat(overridden.plan().steps()).extracting(CanaryStep::bake).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void everyProblemIsReportedAtOnceNamingItsParameter() {
        InvalidInputException e = catchInvalid(r -> r.listenerArn("arn:aws:s3:::bucket").canaryTargetGroup(BLUE_TG)
                .steps(List.of(50, 10)).bake("5 minutes").poll("0s"));
        assertThat(e.problems()).extracting(Problem::parameter)
                .contains("listenerArn", "canaryTargetGroup", "steps", "bake", "poll");
    }

    @Test
    void anUnknownPresetIsOneProblemNotTwo() {
        assertThat(catchInvalid(r -> r.steps(null).preset("Blue50Percent")).problems()).extracting(Problem::parameter)
                .containsExactly("preset");
    }

    @Test
    void refusesEachKindOfBadInput() {
        expect("listenerArn", r -> r.listenerArn(null));
        expect("listenerArn", r -> r.ruleArn(FakeRule.ARN));
        expect("listenerArn", r -> r.listenerArn(BLUE_TG));
        expect("listenerArn", r -> r.listenerArn(LISTENER.replace("us-east-1", "eu-west-1")));
        expect("stableTargetGroup", r -> r.stableTargetGroup("web-blue"));
        expect("canaryTargetGroup", r -> r.canaryTargetGroup(null));
        expect("canaryTargetGroup", r -> r.canaryTargetGroup(BLUE_TG));
        expect("steps", r -> r.steps(List.of()));
        expect("steps", r -> r.steps(List.of(10, 50)));
        expect("steps", r -> r.steps(List.of(0, 100)));
        expect("steps", r -> r.steps(List.of(10, 101)));
        expect("steps", r -> r.steps(List.of(50, 50, 100)));
        expect("steps", r -> r.preset("Canary10Percent5Minutes"));
        expect("preset", r -> r.steps(null).preset("Blue50Percent"));
        expect("bake", r -> r.bake("5"));
        expect("bake", r -> r.bake(null));
        expect("poll", r -> r.poll("500ms"));
        expect("approveBefore", r -> r.approveBefore(List.of(75)));
        expect("approvalTimeout", r -> r.approvalTimeout("0s"));
        expect("approvalTimeout", r -> r.approvalTimeout("10m"));
        expect("alarms", r -> r.alarms(List.of("5xx", "5xx")));
        expect("alarms", r -> r.alarms(List.of(" ")));
        expect("alarms", r -> r.alarms(Collections.nCopies(101, "x").stream().map(x -> x + Math.random()).toList()));
    }

    private static void expect(String parameter, UnaryOperator<CanaryRequest> change) {
        assertThat(catchInvalid(change).problems()).extracting(Problem::parameter).contains(parameter);
    }

    private static InvalidInputException catchInvalid(UnaryOperator<CanaryRequest> change) {
        try {
            change.apply(valid()).toSpec();
        } catch (InvalidInputException e) {
            return e;
        }
        assertThatThrownBy(() -> { }).as("expected the request to be refused").isNotNull();
        throw new AssertionError("expected the request to be refused");
    }

    private static final class FakeRule {
        static final String ARN = io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.RULE;
    }
}
