package io.jenkins.plugins.awsdeploy;

import io.jenkins.plugins.awsdeploy.engine.aws.AwsArn;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Addresses of AWS console pages for one region, for the links in the build log. */
final class AwsConsole {

    private final String region;
    private final String base;

    AwsConsole(String region) {
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

    String listener(String listenerArn) {
        return ec2("ListenerDetails:listenerArn=" + listenerArn);
    }

    /** A rule is shown on its listener's page; the rule ARN names the listener it belongs to. */
    String rule(String ruleArn) {
        String listenerArn = ruleArn.replace(":listener-rule/", ":listener/");
        int last = listenerArn.lastIndexOf('/');
        return listener(last > 0 ? listenerArn.substring(0, last) : listenerArn);
    }

    String targetGroup(String targetGroupArn) {
        return ec2("TargetGroup:targetGroupArn=" + targetGroupArn);
    }

    String alarm(String name) {
        return base + "/cloudwatch/home?region=" + region + "#alarmsV2:alarm/" + path(name);
    }

    String ecsService(String cluster, String service) {
        return base + "/ecs/v2/clusters/" + path(lastSegment(cluster)) + "/services/" + path(lastSegment(service))
                + "?region=" + region;
    }

    String autoScalingGroup(String name) {
        return ec2("AutoScalingGroupDetails:id=" + path(name));
    }

    private String ec2(String fragment) {
        return base + "/ec2/home?region=" + region + "#" + fragment;
    }

    /** Clusters and services may be given as ARNs; the console addresses them by name. */
    static String lastSegment(String nameOrArn) {
        return AwsArn.shortName(nameOrArn);
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
