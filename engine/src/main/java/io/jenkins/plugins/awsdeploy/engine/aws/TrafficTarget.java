package io.jenkins.plugins.awsdeploy.engine.aws;

import java.io.Serializable;

/**
 * Where the weighted forward action lives: a listener's default action, or one listener rule.
 *
 * @param parameter the parameter that named it ({@code listenerArn} or {@code ruleArn}), for messages
 */
public record TrafficTarget(Kind kind, String arn, String parameter) implements Serializable {

    public enum Kind { LISTENER, RULE }

    public static TrafficTarget listener(String arn) {
        return new TrafficTarget(Kind.LISTENER, arn, "listenerArn");
    }

    public static TrafficTarget rule(String arn) {
        return new TrafficTarget(Kind.RULE, arn, "ruleArn");
    }

    /**
     * {@code listener demo-alb/c5d9298accdad661}: the load balancer's name and the resource's own id, which
     * is what people recognise in the console. Messages that must be copied into a command use the ARN.
     */
    public String describe() {
        return (kind == Kind.LISTENER ? "listener " : "rule ") + AwsArn.shortName(arn);
    }
}
