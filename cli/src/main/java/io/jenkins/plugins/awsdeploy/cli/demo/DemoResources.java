package io.jenkins.plugins.awsdeploy.cli.demo;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * What the demo deploys onto, in a local AWS: an application load balancer whose listener forwards all traffic
 * to a stable target group, a canary target group beside it, and an alarm on the canary's 5xx errors.
 * The integration tests build their scenes with it too.
 */
public final class DemoResources implements AutoCloseable {

    public static final String REGION = "us-east-1";
    /** moto accepts any credentials; the SDK insists on some. */
    public static final AwsBasicCredentials CREDENTIALS = AwsBasicCredentials.create("test", "test");

    private final SdkHttpClient http;
    private final ElasticLoadBalancingV2Client elb;
    private final CloudWatchClient cloudWatch;
    private final URI endpoint;
    private String vpcId;
    private List<String> subnets;

    public DemoResources(URI endpoint) {
        this.endpoint = endpoint;
        http = ApacheHttpClient.builder().build();
        // A retried create would leave a second resource behind, and moto answers its own bugs with 500s.
        ClientOverrideConfiguration once = ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.doNotRetry()).build();
        elb = ElasticLoadBalancingV2Client.builder().endpointOverride(endpoint).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS)).httpClient(http)
                .overrideConfiguration(once).build();
        cloudWatch = CloudWatchClient.builder().endpointOverride(endpoint).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS)).httpClient(http)
                .overrideConfiguration(once).build();
    }

    /** An application load balancer in the default VPC, named {@code name}; returns its ARN. */
    public String loadBalancer(String name) {
        if (subnets == null) {
            List<Subnet> found;
            try (Ec2Client ec2 = Ec2Client.builder().endpointOverride(endpoint).region(Region.of(REGION))
                    .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS)).httpClient(http).build()) {
                found = ec2.describeSubnets(r -> r.filters(Filter.builder().name("default-for-az").values("true").build()))
                        .subnets();
            }
            if (found.size() < 2) {
                throw new IllegalStateException("the local AWS has " + found.size() + " default subnets; a load balancer needs 2");
            }
            vpcId = found.get(0).vpcId();
            subnets = found.stream().limit(2).map(Subnet::subnetId).toList();
        }
        return elb.createLoadBalancer(r -> r.name(name).subnets(subnets)).loadBalancers().get(0).loadBalancerArn();
    }

    public String targetGroup(String name) {
        if (vpcId == null) throw new IllegalStateException("create a load balancer first: it finds the VPC");
        return elb.createTargetGroup(r -> r.name(name).protocol(ProtocolEnum.HTTP).port(80).vpcId(vpcId))
                .targetGroups().get(0).targetGroupArn();
    }

    /** An HTTP listener on {@code port} whose default action forwards with these weights (target group ARN → weight). */
    public String listener(String loadBalancerArn, int port, Map<String, Integer> weights) {
        return elb.createListener(r -> r.loadBalancerArn(loadBalancerArn).protocol(ProtocolEnum.HTTP).port(port)
                .defaultActions(forward(weights))).listeners().get(0).listenerArn();
    }

    /** A rule on a path pattern whose forward action has these weights; returns its ARN. */
    public String rule(String listenerArn, int priority, String path, Map<String, Integer> weights) {
        return elb.createRule(r -> r.listenerArn(listenerArn).priority(priority)
                .conditions(RuleCondition.builder().field("path-pattern").values(path).build())
                .actions(forward(weights))).rules().get(0).ruleArn();
    }

    public void setListenerWeights(String listenerArn, Map<String, Integer> weights) {
        elb.modifyListener(r -> r.listenerArn(listenerArn).defaultActions(forward(weights)));
    }

    /** An alarm on the 5xx errors of a target group, as one would guard a canary with. It starts OK. */
    public void alarm(String name, String targetGroupArn) {
        String dimension = targetGroupArn.substring(targetGroupArn.indexOf("targetgroup/"));
        cloudWatch.putMetricAlarm(r -> r.alarmName(name)
                .namespace("AWS/ApplicationELB").metricName("HTTPCode_Target_5XX_Count")
                .dimensions(Dimension.builder().name("TargetGroup").value(dimension).build())
                .statistic(Statistic.SUM).period(60).evaluationPeriods(1).threshold(5.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .alarmDescription("More than 5 server errors a minute from the new version"));
    }

    /** Sets an alarm's state, as CloudWatch would when the metric crosses the threshold (moto never evaluates). */
    public void setAlarm(String name, StateValue state, String reason) {
        cloudWatch.setAlarmState(r -> r.alarmName(name).stateValue(state).stateReason(reason));
    }

    /** Alarm name → state, of every alarm in the region. */
    public Map<String, String> alarmStates() {
        Map<String, String> states = new LinkedHashMap<>();
        cloudWatch.describeAlarmsPaginator(r -> r.maxRecords(100)).metricAlarms()
                .forEach(a -> states.put(a.alarmName(), a.stateValueAsString()));
        return states;
    }

    /** The weights of a listener's forward action, target group ARN → weight. */
    public Map<String, Integer> listenerWeights(String listenerArn) {
        Action action = elb.describeListeners(r -> r.listenerArns(listenerArn)).listeners().get(0).defaultActions().get(0);
        return weightsOf(action);
    }

    public Map<String, Integer> ruleWeights(String ruleArn) {
        Action action = elb.describeRules(r -> r.ruleArns(ruleArn)).rules().get(0).actions().get(0);
        return weightsOf(action);
    }

    public ElasticLoadBalancingV2Client elb() {
        return elb;
    }

    public CloudWatchClient cloudWatch() {
        return cloudWatch;
    }

    @Override
    public void close() {
        elb.close();
        cloudWatch.close();
        http.close();
    }

    private static Action forward(Map<String, Integer> weights) {
        return Action.builder().type(ActionTypeEnum.FORWARD)
                .forwardConfig(f -> f.targetGroups(weights.entrySet().stream()
                        .map(e -> TargetGroupTuple.builder().targetGroupArn(e.getKey()).weight(e.getValue()).build())
                        .toList()))
                .build();
    }

    private static Map<String, Integer> weightsOf(Action action) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        if (action.forwardConfig() != null && action.forwardConfig().hasTargetGroups()) {
            action.forwardConfig().targetGroups().forEach(t -> weights.put(t.targetGroupArn(), t.weight()));
        } else if (action.targetGroupArn() != null) {
            weights.put(action.targetGroupArn(), 1);
        }
        return weights;
    }
}
