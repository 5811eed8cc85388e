package io.jenkins.plugins.awsdeploy.engine.canary;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsSession;
import io.jenkins.plugins.awsdeploy.engine.testing.Moto;
import io.jenkins.plugins.awsdeploy.engine.testing.MotoAlb;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualClock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ForwardActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * A forward action may hold target groups the canary does not own (a third group at weight 0, left
 * there by another team or an earlier release) and settings it does not touch (stickiness, a rule's
 * conditions). Every write keeps them exactly as they were: on success and on rollback. Real SDK, moto,
 * virtual time.
 */
@ExtendWith(Moto.class)
class KeepsWhatItDoesNotOwnOnMotoTest {

    static int count;

    record Scene(MotoAlb alb, String extraTg) {
    }

    static Scene scene() {
        MotoAlb alb = MotoAlb.create("keep" + ++count).alarm("keep" + count + "-5xx");
        String vpc = alb.elb.describeTargetGroups(r -> r.targetGroupArns(alb.blueTg)).targetGroups().get(0).vpcId();
        String extra = alb.elb.createTargetGroup(r -> r.name("keep" + count + "-extra").protocol(ProtocolEnum.HTTP).port(80)
                .vpcId(vpc)).targetGroups().get(0).targetGroupArn();
        ForwardActionConfig forward = ForwardActionConfig.builder()
                .targetGroups(tuple(alb.blueTg, 100), tuple(alb.greenTg, 0), tuple(extra, 0))
                .targetGroupStickinessConfig(s -> s.enabled(true).durationSeconds(300)).build();
        Action action = Action.builder().type(ActionTypeEnum.FORWARD).forwardConfig(forward).build();
        alb.elb.modifyListener(r -> r.listenerArn(alb.listenerArn).defaultActions(action));
        alb.elb.modifyRule(r -> r.ruleArn(alb.ruleArn).actions(action));
        return new Scene(alb, extra);
    }

    static TargetGroupTuple tuple(String arn, int weight) {
        return TargetGroupTuple.builder().targetGroupArn(arn).weight(weight).build();
    }

    static Outcome run(Scene s, CanaryRequest request, boolean alarmAtFirstStep) {
        try (AwsSession session = new AwsSession(Moto.access())) {
            Ticker t = new Ticker(new Engine(session.ports()), new VirtualClock(), CanaryCheckpoint.start(request
                    .stableTargetGroup(s.alb().blueTg).canaryTargetGroup(s.alb().greenTg).steps(List.of(10, 50, 100))
                    .bake("1m").poll("10s").alarms(List.of("keep" + count + "-5xx")).region(Moto.REGION).toSpec()));
            if (alarmAtFirstStep) {
                t.runUntil(x -> x.events().stream().anyMatch(e -> e.weights() != null && e.weights().canary() == 10), 100);
                s.alb().setAlarm("keep" + count + "-5xx", StateValue.ALARM, "Threshold Crossed");
            }
            t.runToEnd();
            return t.checkpoint().outcome().orElseThrow();
        }
    }

    static Map<String, Integer> weights(Action forward) {
        return forward.forwardConfig().targetGroups().stream()
                .collect(Collectors.toMap(TargetGroupTuple::targetGroupArn, TargetGroupTuple::weight));
    }

    @Test
    void aListenersThirdGroupAtWeightZeroAndItsStickinessSurviveSuccess() {
        Scene s = scene();
        Outcome outcome = run(s, new CanaryRequest().listenerArn(s.alb().listenerArn), false);

        assertThat(outcome).as(outcome.message()).isInstanceOf(Outcome.Succeeded.class);
        Action forward = s.alb().elb.describeListeners(r -> r.listenerArns(s.alb().listenerArn)).listeners().get(0)
                .defaultActions().get(0);
        assertThat(weights(forward)).isEqualTo(Map.of(s.alb().blueTg, 0, s.alb().greenTg, 100, s.extraTg(), 0));
        assertThat(forward.forwardConfig().targetGroupStickinessConfig().enabled()).isTrue();
        assertThat(forward.forwardConfig().targetGroupStickinessConfig().durationSeconds()).isEqualTo(300);
    }

    @Test
    void aRulesThirdGroupConditionsAndStickinessSurviveARollback() {
        Scene s = scene();
        Outcome outcome = run(s, new CanaryRequest().ruleArn(s.alb().ruleArn), true);

        assertThat(outcome).as(outcome.message()).isInstanceOf(Outcome.RolledBack.class);
        Rule rule = s.alb().elb.describeRules(r -> r.ruleArns(s.alb().ruleArn)).rules().get(0);
        assertThat(weights(rule.actions().get(0))).isEqualTo(Map.of(s.alb().blueTg, 100, s.alb().greenTg, 0, s.extraTg(), 0));
        assertThat(rule.actions().get(0).forwardConfig().targetGroupStickinessConfig().enabled()).isTrue();
        assertThat(rule.conditions()).hasSize(1);
        assertThat(rule.conditions().get(0).field()).isEqualTo("path-pattern");
        assertThat(rule.priority()).isEqualTo("10");
        // the listener, which this canary does not drive, is untouched
        assertThat(weights(s.alb().elb.describeListeners(r -> r.listenerArns(s.alb().listenerArn)).listeners().get(0)
                .defaultActions().get(0))).isEqualTo(Map.of(s.alb().blueTg, 100, s.alb().greenTg, 0, s.extraTg(), 0));
    }

    @Test
    void anAuthenticationActionBeforeTheForwardIsKept() {
        Scene s = scene();
        Action authenticate = Action.builder().type(ActionTypeEnum.AUTHENTICATE_OIDC).order(1)
                .authenticateOidcConfig(c -> c.issuer("https://idp.example.com").authorizationEndpoint("https://idp.example.com/auth")
                        .tokenEndpoint("https://idp.example.com/token").userInfoEndpoint("https://idp.example.com/user")
                        .clientId("web").clientSecret("not-a-secret")).build();
        Action forward = s.alb().elb.describeRules(r -> r.ruleArns(s.alb().ruleArn)).rules().get(0).actions().get(0)
                .toBuilder().order(2).build();
        s.alb().elb.modifyRule(r -> r.ruleArn(s.alb().ruleArn).actions(authenticate, forward));

        Outcome outcome = run(s, new CanaryRequest().ruleArn(s.alb().ruleArn), false);

        assertThat(outcome).as(outcome.message()).isInstanceOf(Outcome.Succeeded.class);
        List<Action> actions = s.alb().elb.describeRules(r -> r.ruleArns(s.alb().ruleArn)).rules().get(0).actions();
        assertThat(actions).extracting(Action::type).containsExactly(ActionTypeEnum.AUTHENTICATE_OIDC, ActionTypeEnum.FORWARD);
        assertThat(actions.get(0).authenticateOidcConfig().issuer()).isEqualTo("https://idp.example.com");
        assertThat(weights(actions.get(1))).isEqualTo(Map.of(s.alb().blueTg, 0, s.alb().greenTg, 100, s.extraTg(), 0));
    }
}
