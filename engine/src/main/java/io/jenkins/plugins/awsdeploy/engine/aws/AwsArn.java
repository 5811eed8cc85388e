package io.jenkins.plugins.awsdeploy.engine.aws;

import io.jenkins.plugins.awsdeploy.engine.Problem;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ARN taken apart, so that a wrong kind of resource or a wrong region is caught before any call. */
public record AwsArn(String partition, String service, String region, String account, String resource) {

    private static final Pattern FORM = Pattern.compile("arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):(\\d{12}|):(.+)");

    public static Optional<AwsArn> parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        return m.matches() ? Optional.of(new AwsArn(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5))) : Optional.empty();
    }

    /**
     * Checks that {@code text} is an ARN of {@code service} whose resource starts with {@code resourcePrefix}
     * and, if {@code region} is known, lives in that region.
     */
    public static Optional<Problem> check(String parameter, String text, String service, String resourcePrefix,
                                          String what, String region) {
        if (text == null || text.isBlank()) {
            return Optional.of(new Problem(parameter, "is required: the ARN of the " + what));
        }
        Optional<AwsArn> arn = parse(text);
        if (arn.isEmpty() || !arn.get().service().equals(service) || !arn.get().resource().startsWith(resourcePrefix)) {
            return Optional.of(new Problem(parameter, "'" + text + "' is not the ARN of " + article(what) + " "
                    + what + " (arn:aws:" + service + ":REGION:ACCOUNT:" + resourcePrefix + "...)"));
        }
        if (region != null && !region.isBlank() && !arn.get().region().equals(region)) {
            return Optional.of(new Problem(parameter, "is in region " + arn.get().region() + " but the deployment runs in "
                    + region));
        }
        if (region != null && !region.isBlank() && !arn.get().partition().equals(partitionOf(region))) {
            return Optional.of(new Problem(parameter, "is in partition " + arn.get().partition() + " but region " + region
                    + " is in partition " + partitionOf(region)));
        }
        return Optional.empty();
    }

    /**
     * The partition a region belongs to, from its name: a region lives in exactly one, and credentials of one
     * partition never reach another, so a mismatched ARN can only fail later, at a worse moment.
     */
    public static String partitionOf(String region) {
        if (region.startsWith("cn-")) return "aws-cn";
        if (region.startsWith("us-gov-")) return "aws-us-gov";
        if (region.startsWith("us-isob-")) return "aws-iso-b";
        if (region.startsWith("us-iso-")) return "aws-iso";
        if (region.startsWith("eu-isoe-")) return "aws-iso-e";
        if (region.startsWith("us-isof-")) return "aws-iso-f";
        return "aws";
    }

    /**
     * How a resource reads in titles, summaries and messages: a listener or rule as its load balancer's name and its
     * own id ({@code web/f2f7dc8efc522ab2}), a target group by its name ({@code web-green}), anything else with a path
     * (ECS cluster, service, task definition) by its last part ({@code web:5}); a name that is not an ARN as given.
     */
    public static String shortName(String nameOrArn) {
        AwsArn arn = parse(nameOrArn).orElse(null);
        if (arn == null) return nameOrArn;
        String[] parts = arn.resource().split("/");
        boolean elb = arn.service().equals("elasticloadbalancing");
        // listener/app/NAME/LB_ID/LISTENER_ID and listener-rule/app/NAME/LB_ID/LISTENER_ID/RULE_ID
        if (elb && parts[0].startsWith("listener") && parts.length >= 5) return parts[2] + "/" + parts[parts.length - 1];
        if (elb && parts[0].equals("targetgroup") && parts.length >= 2) return parts[1];
        return parts[parts.length - 1];
    }

    private static String article(String noun) {
        return "aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) >= 0 ? "an" : "a";
    }
}
