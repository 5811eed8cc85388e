package io.jenkins.plugins.awsdeploy;

import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.aws.ForwardWeights;
import io.jenkins.plugins.awsdeploy.localaws.LocalAws;
import java.io.IOException;
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
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * A load balancer in moto as the pipeline tests need it: a listener forwarding to a blue (stable) target group, a
 * green (canary) one, and alarms. Set up and inspected with its own SDK clients, never the plugin's.
 */
final class MotoLoadBalancer implements AutoCloseable {

    static final String REGION = "us-east-1";

    final String listenerArn;
    final String blueTg;
    final String greenTg;
    @SuppressWarnings("deprecation") // the Apache client: the SDK line of the API plugins has no other
    private final SdkHttpClient http = ApacheHttpClient.builder().build();
    private final ElasticLoadBalancingV2Client elb;
    private final CloudWatchClient cloudWatch;

    private MotoLoadBalancer(URI endpoint, String name) {
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        elb = ElasticLoadBalancingV2Client.builder().endpointOverride(endpoint).region(Region.of(REGION))
                .credentialsProvider(creds).httpClient(http).build();
        cloudWatch = CloudWatchClient.builder().endpointOverride(endpoint).region(Region.of(REGION))
                .credentialsProvider(creds).httpClient(http).build();
        try (Ec2Client ec2 = Ec2Client.builder().endpointOverride(endpoint).region(Region.of(REGION))
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
        }
    }

    static MotoLoadBalancer create(LocalAws aws, String name) {
        return new MotoLoadBalancer(aws.endpoint(), name);
    }

    static LocalAws startMoto() throws IOException {
        return LocalAws.start();
    }

    MotoLoadBalancer alarm(String name) {
        cloudWatch.putMetricAlarm(r -> r.alarmName(name).namespace("AWS/ApplicationELB").metricName("HTTPCode_Target_5XX_Count")
                .statistic(Statistic.SUM).period(60).evaluationPeriods(1).threshold(5.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));
        return this;
    }

    void setAlarm(String name, StateValue state, String reason) {
        cloudWatch.setAlarmState(r -> r.alarmName(name).stateValue(state).stateReason(reason));
    }

    /** The listener's split between blue (stable) and green (canary). */
    Split split() {
        List<Action> actions = elb.describeListeners(r -> r.listenerArns(listenerArn)).listeners().get(0).defaultActions();
        Action forward = actions.stream().filter(a -> a.type() == ActionTypeEnum.FORWARD).findFirst().orElseThrow();
        Map<String, Integer> weights = forward.forwardConfig() == null || forward.forwardConfig().targetGroups().isEmpty()
                ? Map.of(forward.targetGroupArn(), 1)
                : forward.forwardConfig().targetGroups().stream()
                        .collect(Collectors.toMap(TargetGroupTuple::targetGroupArn, t -> t.weight() == null ? 1 : t.weight()));
        return new ForwardWeights(weights).asSplit(blueTg, greenTg).orElseThrow();
    }

    /** The canaryShift call for this load balancer; {@code more} adds parameters, e.g. {@code "bake: '1s'"}. */
    String canaryShift(String endpoint, String more) {
        return "canaryShift(listenerArn: '" + listenerArn + "', stableTargetGroup: '" + blueTg + "', canaryTargetGroup: '"
                + greenTg + "', region: '" + REGION + "', endpointUrl: '" + endpoint + "', credentialsId: 'moto', poll: '1s'"
                + (more.isEmpty() ? "" : ", " + more) + ")";
    }

    @Override
    public void close() {
        elb.close();
        cloudWatch.close();
        http.close();
    }
}
