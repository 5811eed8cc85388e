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

    public String describe() {
        return (kind == Kind.LISTENER ? "listener " : "rule ") + arn;
    }
}
