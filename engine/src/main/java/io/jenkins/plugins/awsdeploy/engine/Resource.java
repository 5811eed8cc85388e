package io.jenkins.plugins.awsdeploy.engine;

import io.jenkins.plugins.awsdeploy.engine.aws.AwsArn;
import io.jenkins.plugins.awsdeploy.engine.aws.TrafficTarget;
import java.io.Serializable;
import java.util.List;

/**
 * An AWS resource a deployment works on, for the shells to list and link: its label, the names event lines use for
 * it, and its console page ({@link io.jenkins.plugins.awsdeploy.engine.aws.AwsConsole#address}).
 *
 * @param role    what it is to this deployment, in words: {@code stable target group}, {@code test listener}
 * @param id      its ARN, or its name where AWS names it by name (an alarm, an ECS service), or its id (a hosted zone)
 * @param cluster the ECS cluster of a service; null for everything else
 */
public record Resource(Kind kind, String role, String id, String cluster) implements Serializable {

    public enum Kind { LISTENER, LISTENER_RULE, TARGET_GROUP, ALARM, ECS_SERVICE, HOSTED_ZONE,
        /** A Lambda alias, its id the qualified name {@code api:live} (or the alias's ARN). */
        LAMBDA_ALIAS }

    /**
     * How a list of resources labels it: {@code listener}, {@code stable target group web-blue}, {@code alarm 5xx},
     * {@code ECS service web-blue}.
     */
    public String label() {
        return kind == Kind.LISTENER || kind == Kind.LISTENER_RULE ? role : role + " " + AwsArn.shortName(id);
    }

    /** The words an event line names it by, each of which a shell may link: its id, and the short name lines use. */
    public List<String> names() {
        String shortName = AwsArn.shortName(id);
        return kind == Kind.TARGET_GROUP && !shortName.equals(id) ? List.of(id, shortName) : List.of(id);
    }

    public static Resource of(Kind kind, String role, String id) {
        return new Resource(kind, role, id, null);
    }

    /** The listener or listener rule whose forward action carries the split; {@code prefix} as in {@code "test "}. */
    public static Resource traffic(String prefix, TrafficTarget target) {
        boolean listener = target.kind() == TrafficTarget.Kind.LISTENER;
        return of(listener ? Kind.LISTENER : Kind.LISTENER_RULE, prefix + (listener ? "listener" : "listener rule"),
                target.arn());
    }

    public static List<Resource> alarms(List<String> names) {
        return names.stream().map(a -> of(Kind.ALARM, "alarm", a)).toList();
    }
}
