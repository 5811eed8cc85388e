package io.jenkins.plugins.awsdeploy.engine.analysis;

import io.jenkins.plugins.awsdeploy.engine.aws.AwsArn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two target groups behind an ALB forward action, as {@code AWS/ApplicationELB} publishes them: per target group
 * and load balancer, {@code RequestCount} and {@code HTTPCode_Target_5XX_Count} (sums; the latter is absent in a minute
 * without 5xx) and {@code TargetResponseTime} (seconds). Its Average over one period that spans the whole interval is
 * the mean over all requests, so each side's latency is weighted by its request count.
 *
 * @param loadBalancer the {@code LoadBalancer} dimension: {@code app/web/50dc6c495c0c9188}
 * @param stable       the stable side's {@code TargetGroup} dimension: {@code targetgroup/web-blue/73e2d6bc24d8a067}
 * @param canary       the canary side's
 */
public record AlbTargetGroups(String loadBalancer, String stable, String canary) implements MetricSource {

    /**
     * The source for a forward action at {@code listenerOrRuleArn} between two target group ARNs. The dimensions are
     * the ARNs' resource parts, so no call is needed to find them.
     */
    public static AlbTargetGroups of(String listenerOrRuleArn, String stableTargetGroupArn, String canaryTargetGroupArn) {
        return new AlbTargetGroups(loadBalancerOf(listenerOrRuleArn), suffix(stableTargetGroupArn), suffix(canaryTargetGroupArn));
    }

    /** {@code ...:listener/app/web/50dc.../f2f7...} or {@code ...:listener-rule/app/web/50dc.../...}: {@code app/web/50dc...} */
    static String loadBalancerOf(String arn) {
        String[] parts = suffix(arn).split("/");
        if (parts.length < 4) throw new IllegalArgumentException("not a listener or rule ARN: " + arn);
        return parts[1] + "/" + parts[2] + "/" + parts[3];
    }

    /** The ARN's resource part, which is what CloudWatch names a load balancer or target group by. */
    static String suffix(String arn) {
        return AwsArn.parse(arn).map(AwsArn::resource).orElseThrow(() -> new IllegalArgumentException("not an ARN: " + arn));
    }

    @Override
    public String namespace() {
        return "AWS/ApplicationELB";
    }

    @Override
    public List<String> metrics() {
        return List.of("RequestCount", "HTTPCode_Target_5XX_Count", "TargetResponseTime");
    }

    /** In the order AWS lists them: moto matches a dimension set only in the order it was put. */
    @Override
    public Map<String, String> dimensions(boolean canarySide) {
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put("LoadBalancer", loadBalancer);
        dims.put("TargetGroup", canarySide ? canary : stable);
        return dims;
    }

    @Override
    public double millisPerUnit() {
        return 1000;
    }

    @Override
    public String errorName() {
        return "5xx rate";
    }
}
