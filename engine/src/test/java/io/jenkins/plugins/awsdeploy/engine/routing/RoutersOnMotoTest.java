package io.jenkins.plugins.awsdeploy.engine.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsSession;
import io.jenkins.plugins.awsdeploy.engine.testing.Moto;
import io.jenkins.plugins.awsdeploy.engine.testing.MotoAlb;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ForwardActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/** The listener router and the rule router, through the registry and the real SDK against moto. */
@ExtendWith(Moto.class)
class RoutersOnMotoTest {

    static int count;
    static AwsSession session;
    MotoAlb alb;
    Routers routers;

    @BeforeAll
    static void connect() {
        session = new AwsSession(Moto.access());
    }

    @AfterAll
    static void disconnect() {
        session.close();
    }

    @BeforeEach
    void freshLoadBalancer() {
        alb = MotoAlb.create("routers" + ++count);
        routers = new Routers(session.ports().traffic());
    }

    @AfterEach
    void closeClients() {
        alb.close();
    }

    TrafficRouter listener() {
        return routers.open(new AlbListener(alb.listenerArn, alb.blueTg, alb.greenTg));
    }

    TrafficRouter rule() {
        return routers.open(new AlbRule(alb.ruleArn, alb.blueTg, alb.greenTg));
    }

    @Test
    void theRegistryOpensTheRouterEachSpecNames() {
        assertThat(listener()).isInstanceOf(ListenerRouter.class);
        assertThat(rule()).isInstanceOf(RuleRouter.class);
    }

    @Test
    void theListenerRouterWritesPercentagesGuardedByTheSplitItExpectsAndReadsThemBack() {
        TrafficRouter router = listener();
        assertThat(router.read().split()).contains(Split.ALL_STABLE);

        Reading found = router.write(Split.ALL_STABLE, new Split(90, 10));

        assertThat(found.split()).contains(Split.ALL_STABLE);
        assertThat(router.read().split()).contains(new Split(90, 10));
        assertThat(alb.listenerWeights()).isEqualTo(Map.of(alb.blueTg, 90, alb.greenTg, 10));
        // The rule on the same listener is another router's resource.
        assertThat(alb.ruleWeights()).isEqualTo(Map.of(alb.blueTg, 1));
    }

    @Test
    void aWriteGuardedByAStaleSplitChangesNothingAndSaysWhatItFound() {
        TrafficRouter router = listener();
        alb.setListenerWeights(50, 50); // someone else

        Reading found = router.write(Split.ALL_STABLE, new Split(90, 10));

        assertThat(found.split()).contains(new Split(50, 50));
        assertThat(found.shown()).isEqualTo("routers" + count + "-blue=50, routers" + count + "-green=50");
        assertThat(alb.listenerWeights()).isEqualTo(Map.of(alb.blueTg, 50, alb.greenTg, 50));
    }

    @Test
    void aWriteOfTheSplitAlreadyThereChangesNothing() {
        TrafficRouter router = listener();
        router.write(Split.ALL_STABLE, new Split(50, 50));

        Reading found = router.write(new Split(90, 10), new Split(50, 50));

        assertThat(found.split()).contains(new Split(50, 50));
        assertThat(router.read().split()).contains(new Split(50, 50));
    }

    @Test
    void theRuleRouterMovesOnlyTheRulesForwardActionAndKeepsItsConditions() {
        TrafficRouter router = rule();
        Rule before = alb.elb.describeRules(r -> r.ruleArns(alb.ruleArn)).rules().get(0);

        router.write(Split.ALL_STABLE, new Split(50, 50));

        Rule after = alb.elb.describeRules(r -> r.ruleArns(alb.ruleArn)).rules().get(0);
        assertThat(alb.ruleWeights()).isEqualTo(Map.of(alb.blueTg, 50, alb.greenTg, 50));
        assertThat(after.conditions()).isEqualTo(before.conditions());
        assertThat(after.priority()).isEqualTo(before.priority());
        assertThat(alb.listenerWeights()).isEqualTo(Map.of(alb.blueTg, 1));
    }

    @Test
    void otherTargetGroupsAndStickinessAreKeptExactlyAsFound() {
        String vpc = alb.elb.describeTargetGroups(r -> r.targetGroupArns(alb.blueTg)).targetGroups().get(0).vpcId();
        String extra = alb.elb.createTargetGroup(r -> r.name("routers" + count + "-extra").protocol(ProtocolEnum.HTTP).port(80)
                .vpcId(vpc)).targetGroups().get(0).targetGroupArn();
        ForwardActionConfig forward = ForwardActionConfig.builder()
                .targetGroups(tuple(alb.blueTg, 100), tuple(alb.greenTg, 0), tuple(extra, 0))
                .targetGroupStickinessConfig(s -> s.enabled(true).durationSeconds(300)).build();
        alb.elb.modifyListener(r -> r.listenerArn(alb.listenerArn)
                .defaultActions(Action.builder().type(ActionTypeEnum.FORWARD).forwardConfig(forward).build()));

        listener().write(Split.ALL_STABLE, new Split(90, 10));

        ForwardActionConfig now = alb.elb.describeListeners(r -> r.listenerArns(alb.listenerArn)).listeners().get(0)
                .defaultActions().get(0).forwardConfig();
        assertThat(now.targetGroups()).extracting(TargetGroupTuple::targetGroupArn, TargetGroupTuple::weight)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(alb.blueTg, 90),
                        org.assertj.core.groups.Tuple.tuple(alb.greenTg, 10), org.assertj.core.groups.Tuple.tuple(extra, 0));
        assertThat(now.targetGroupStickinessConfig().enabled()).isTrue();
        assertThat(now.targetGroupStickinessConfig().durationSeconds()).isEqualTo(300);
    }

    @Test
    void preflightNamesTheParameterOfEachProblemAndChangesNothing() {
        String goneListener = alb.listenerArn.substring(0, alb.listenerArn.length() - 4) + "0000";
        String goneTg = alb.greenTg.substring(0, alb.greenTg.length() - 4) + "0000";

        Inspection missing = routers.open(new AlbListener(goneListener, alb.blueTg, goneTg)).inspect();
        assertThat(missing.problems()).extracting(Problem::parameter).containsExactly("listenerArn", "canaryTargetGroup");
        assertThat(missing.current()).isEmpty();

        Inspection swapped = routers.open(new AlbListener(alb.listenerArn, alb.greenTg, alb.blueTg)).inspect();
        assertThat(swapped.problems()).singleElement().satisfies(p -> {
            assertThat(p.parameter()).isEqualTo("listenerArn");
            assertThat(p.message()).contains("swapped");
        });

        Inspection rule = rule().inspect();
        assertThat(rule.problems()).isEmpty();
        assertThat(rule.current()).contains(Split.ALL_STABLE);
        assertThat(rule.checked()).startsWith("the rule routers" + count + "/");
        assertThat(alb.listenerWeights()).isEqualTo(Map.of(alb.blueTg, 1));
        assertThat(alb.ruleWeights()).isEqualTo(Map.of(alb.blueTg, 1));
    }

    @Test
    void theRestoreInstructionRestoresTheSplitWhenAPersonRunsIt() throws Exception {
        for (TrafficRouter router : List.of(listener(), rule())) {
            router.write(Split.ALL_STABLE, new Split(50, 50));
            String instruction = router.restoreInstruction(Split.ALL_STABLE);
            String command = instruction.substring(instruction.indexOf("aws elbv2"), instruction.indexOf("}]}'") + 4);

            runInBash(command);

            assertThat(router.read().split()).contains(Split.ALL_STABLE);
            assertThat(instruction).contains("then check it with describe-");
        }
    }

    @Test
    void eachRouterNamesTheResourceItMarksAndWhatTheShellsShow() {
        assertThat(listener().marked()).isEqualTo(Map.of(alb.listenerArn, "listenerArn"));
        assertThat(rule().marked()).isEqualTo(Map.of(alb.ruleArn, "ruleArn"));
        assertThat(rule().resources()).extracting(RoutedResource::label).containsExactly("listener rule",
                "stable target group routers" + count + "-blue", "canary target group routers" + count + "-green");
        assertThat(listener().sides(new Split(90, 10))).isEqualTo("routers" + count + "-blue 90%, routers" + count + "-green 10%");
        assertThat(Optional.of(listener().spec().describe())).hasValueSatisfying(d -> assertThat(d).startsWith("listener routers"));
    }

    static TargetGroupTuple tuple(String arn, int weight) {
        return TargetGroupTuple.builder().targetGroupArn(arn).weight(weight).build();
    }

    /** As a person would: the AWS CLI pointed at moto, with throwaway credentials. */
    private static void runInBash(String command) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("bash", "-c", command + " --endpoint-url " + Moto.endpoint() + " --region "
                + Moto.REGION + " --output json"));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().put("AWS_ACCESS_KEY_ID", "test");
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "test");
        pb.environment().remove("AWS_PROFILE");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
