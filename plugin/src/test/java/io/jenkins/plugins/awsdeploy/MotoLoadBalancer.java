package io.jenkins.plugins.awsdeploy;

import io.jenkins.plugins.awsdeploy.localaws.LocalAws;
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
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * What a canary needs in moto: a load balancer whose listener forwards to a blue target group, a green one to shift to,
 * and CloudWatch alarms the test can set. Set up with plain SDK clients (not the engine's), on the one endpoint of
 * {@link LocalAws}.
 */
final class MotoLoadBalancer implements AutoCloseable {

    static final String REGION = "us-east-1";

    final URI endpoint;
    final String listenerArn;
    final String blueTg;
    final String greenTg;
    private final SdkHttpClient http;
    private final ElasticLoadBalancingV2Client elb;
    private final CloudWatchClient cloudWatch;

    private MotoLoadBalancer(URI endpoint, String name) {
        this.endpoint = endpoint;
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        http = ApacheHttpClient.builder().build();
        elb = ElasticLoadBalancingV2Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(creds).httpClient(http).build();
        cloudWatch = CloudWatchClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(creds).httpClient(http).build();
        try (Ec2Client ec2 = Ec2Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(creds).httpClient(http).build()) {
            List<Subnet> subnets = ec2.describeSubnets().subnets();
            String vpc = subnets.get(0).vpcId();
            List<String> two = subnets.stream().filter(s -> s.vpcId().equals(vpc)).limit(2).map(Subnet::subnetId).toList();
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

    /** Adds an alarm in state OK (moto starts alarms in INSUFFICIENT_DATA). */
    MotoLoadBalancer alarm(String name) {
        cloudWatch.putMetricAlarm(r -> r.alarmName(name).namespace("AWS/ApplicationELB")
                .metricName("HTTPCode_Target_5XX_Count").statistic(Statistic.SUM).period(60).evaluationPeriods(1)
                .threshold(5.0).comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));
        setAlarm(name, StateValue.OK, "test starts healthy");
        return this;
    }

    void setAlarm(String name, StateValue state, String reason) {
        cloudWatch.setAlarmState(r -> r.alarmName(name).stateValue(state).stateReason(reason));
    }

    /** The listener's forward weights by target group ARN; a plain forward counts as weight 1. */
    Map<String, Integer> listenerWeights() {
        Action forward = elb.describeListeners(r -> r.listenerArns(listenerArn)).listeners().get(0).defaultActions()
                .stream().filter(a -> a.type() == ActionTypeEnum.FORWARD).findFirst().orElseThrow();
        if (forward.forwardConfig() == null || forward.forwardConfig().targetGroups().isEmpty()) {
            return Map.of(forward.targetGroupArn(), 1);
        }
        return forward.forwardConfig().targetGroups().stream()
                .collect(Collectors.toMap(TargetGroupTuple::targetGroupArn, t -> t.weight() == null ? 1 : t.weight()));
    }

    /** Percent of traffic on green (0 when the listener forwards to blue only). */
    int greenPercent() {
        Map<String, Integer> w = listenerWeights();
        int total = w.values().stream().mapToInt(Integer::intValue).sum();
        return total == 0 ? 0 : 100 * w.getOrDefault(greenTg, 0) / total;
    }

    /** The Pipeline call of a canary 50% → 100% with an approval before 100%; {@code extra} adds parameters. */
    String canaryShift(String alarm, String extra) {
        return "canaryShift(listenerArn: '" + listenerArn + "', stableTargetGroup: '" + blueTg + "', canaryTargetGroup: '"
                + greenTg + "', steps: [50, 100], bake: '1s', poll: '1s', approveBefore: [100], alarms: ['" + alarm
                + "'], region: '" + REGION + "', endpointUrl: '" + endpoint + "', credentialsId: '"
                + GateFixtures.CREDENTIALS_ID + "'" + (extra.isEmpty() ? "" : ", " + extra) + ")";
    }

    @Override
    public void close() {
        elb.close();
        cloudWatch.close();
        http.close();
    }
}
