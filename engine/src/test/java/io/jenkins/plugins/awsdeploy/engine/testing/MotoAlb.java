package io.jenkins.plugins.awsdeploy.engine.testing;

import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.aws.ForwardWeights;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * A load balancer in moto as a canary test needs it: blue and green target groups, a listener (and a
 * rule) forwarding to blue, and alarms. The setup uses its own plain SDK clients, not the engine's. The engine's and
 * the plugin's tests build their load balancers with it; the Apache HTTP client is the one both have (inside
 * Jenkins the SDK plugins bring no other).
 */
public final class MotoAlb implements AutoCloseable {

    public static final String REGION = Moto.REGION;

    public final String listenerArn;
    public final String ruleArn;
    public final String blueTg;
    public final String greenTg;
    public final ElasticLoadBalancingV2Client elb;
    public final CloudWatchClient cloudWatch;
    private final SdkHttpClient http = ApacheHttpClient.builder().build();

    private MotoAlb(URI endpoint, String name) {
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        elb = ElasticLoadBalancingV2Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(creds).httpClient(http).build();
        cloudWatch = CloudWatchClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(creds).httpClient(http).build();
        try (Ec2Client ec2 = Ec2Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(creds).httpClient(http).build()) {
            var subnets = ec2.describeSubnets().subnets();
            String vpc = subnets.get(0).vpcId();
            List<String> two = subnets.stream().filter(s -> s.vpcId().equals(vpc)).limit(2).map(s -> s.subnetId()).toList();
            String lb = elb.createLoadBalancer(r -> r.name(name).subnets(two)).loadBalancers().get(0).loadBalancerArn();
            blueTg = elb.createTargetGroup(r -> r.name(name + "-blue").protocol(ProtocolEnum.HTTP).port(80).vpcId(vpc))
                    .targetGroups().get(0).targetGroupArn();
            greenTg = elb.createTargetGroup(r -> r.name(name + "-green").protocol(ProtocolEnum.HTTP).port(80).vpcId(vpc))
                    .targetGroups().get(0).targetGroupArn();
            Action forwardBlue = Action.builder().type(ActionTypeEnum.FORWARD).targetGroupArn(blueTg).build();
            listenerArn = elb.createListener(r -> r.loadBalancerArn(lb).protocol(ProtocolEnum.HTTP).port(80)
                    .defaultActions(forwardBlue)).listeners().get(0).listenerArn();
            ruleArn = elb.createRule(r -> r.listenerArn(listenerArn).priority(10).actions(forwardBlue)
                    .conditions(RuleCondition.builder().field("path-pattern").values("/api/*").build()))
                    .rules().get(0).ruleArn();
        }
    }

    public static MotoAlb create(String name) {
        return new MotoAlb(Moto.endpoint(), name);
    }

    public static MotoAlb create(URI endpoint, String name) {
        return new MotoAlb(endpoint, name);
    }

    public MotoAlb alarm(String name) {
        cloudWatch.putMetricAlarm(r -> r.alarmName(name).namespace("AWS/ApplicationELB").metricName("HTTPCode_Target_5XX_Count")
                .statistic(Statistic.SUM).period(60).evaluationPeriods(1).threshold(5.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));
        return this;
    }

    public void setAlarm(String name, StateValue state, String reason) {
        cloudWatch.setAlarmState(r -> r.alarmName(name).stateValue(state).stateReason(reason));
    }

    /** The listener's forward weights, by target group ARN. */
    public Map<String, Integer> listenerWeights() {
        return weightsOf(elb.describeListeners(r -> r.listenerArns(listenerArn)).listeners().get(0).defaultActions());
    }

    public Map<String, Integer> ruleWeights() {
        return weightsOf(elb.describeRules(r -> r.ruleArns(ruleArn)).rules().get(0).actions());
    }

    public Split listenerSplit() {
        return new ForwardWeights(listenerWeights()).asSplit(blueTg, greenTg).orElseThrow();
    }

    public void setListenerWeights(int blue, int green) {
        elb.modifyListener(r -> r.listenerArn(listenerArn).defaultActions(Action.builder().type(ActionTypeEnum.FORWARD)
                .forwardConfig(f -> f.targetGroups(TargetGroupTuple.builder().targetGroupArn(blueTg).weight(blue).build(),
                        TargetGroupTuple.builder().targetGroupArn(greenTg).weight(green).build())).build()));
    }

    private static Map<String, Integer> weightsOf(List<Action> actions) {
        Action forward = actions.stream().filter(a -> a.type() == ActionTypeEnum.FORWARD).findFirst().orElseThrow();
        if (forward.forwardConfig() == null || forward.forwardConfig().targetGroups().isEmpty()) {
            return Map.of(forward.targetGroupArn(), 1);
        }
        return forward.forwardConfig().targetGroups().stream()
                .collect(Collectors.toMap(TargetGroupTuple::targetGroupArn, t -> t.weight() == null ? 1 : t.weight()));
    }

    @Override
    public void close() {
        elb.close();
        cloudWatch.close();
        http.close();
    }
}
