package io.jenkins.plugins.awsdeploy.engine.aws;

import io.jenkins.plugins.awsdeploy.engine.Resource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Addresses of AWS console pages for one region, for the links a shell shows (the Jenkins build log). Here, not in a
 * shell, so that a new kind of resource (a router's) gets its link with its registration and no shell changes.
 */
public final class AwsConsole {

    private final String region;
    private final String base;

    public AwsConsole(String region) {
        this.region = region;
        String r = region.toLowerCase(Locale.ROOT);
        if (r.startsWith("cn-")) {
            base = "https://" + region + ".console.amazonaws.cn";
        } else if (r.startsWith("us-gov-")) {
            base = "https://" + region + ".console.amazonaws-us-gov.com";
        } else {
            base = "https://" + region + ".console.aws.amazon.com";
        }
    }

    /** The page that shows {@code resource}. */
    public String address(Resource resource) {
        String id = resource.id();
        return switch (resource.kind()) {
            case LISTENER -> listener(id);
            case LISTENER_RULE -> rule(id);
            case TARGET_GROUP -> targetGroup(id);
            case ALARM -> alarm(id);
            case ECS_SERVICE -> ecsService(resource.cluster(), id);
            case HOSTED_ZONE -> hostedZoneRecords(id);
            case LAMBDA_ALIAS -> lambdaAlias(id);
        };
    }

    public String listener(String listenerArn) {
        return ec2("ListenerDetails:listenerArn=" + listenerArn);
    }

    /** A rule is shown on its listener's page; the rule ARN names the listener it belongs to. */
    public String rule(String ruleArn) {
        String listenerArn = ruleArn.replace(":listener-rule/", ":listener/");
        int last = listenerArn.lastIndexOf('/');
        return listener(last > 0 ? listenerArn.substring(0, last) : listenerArn);
    }

    public String targetGroup(String targetGroupArn) {
        return ec2("TargetGroup:targetGroupArn=" + targetGroupArn);
    }

    public String alarm(String name) {
        return base + "/cloudwatch/home?region=" + region + "#alarmsV2:alarm/" + path(name);
    }

    public String ecsService(String cluster, String service) {
        return base + "/ecs/v2/clusters/" + path(AwsArn.shortName(cluster)) + "/services/" + path(AwsArn.shortName(service))
                + "?region=" + region;
    }

    /** The hosted zone's records page; Route 53 is global, the region only keeps the console where it was. */
    public String hostedZoneRecords(String zoneId) {
        return base + "/route53/v2/hostedzones?region=" + region + "#ListRecordSets/" + path(zoneId);
    }

    /** {@code api:live}, or the alias's ARN: the function's page, on the alias's tab. */
    public String lambdaAlias(String qualifiedName) {
        String name = qualifiedName.startsWith("arn:") ? qualifiedName.substring(qualifiedName.indexOf(":function:") + 10)
                : qualifiedName;
        int colon = name.lastIndexOf(':');
        String function = colon > 0 ? name.substring(0, colon) : name;
        String alias = colon > 0 ? name.substring(colon + 1) : "";
        return base + "/lambda/home?region=" + region + "#/functions/" + path(function) + "/aliases/" + path(alias);
    }

    private String ec2(String fragment) {
        return base + "/ec2/home?region=" + region + "#" + fragment;
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
