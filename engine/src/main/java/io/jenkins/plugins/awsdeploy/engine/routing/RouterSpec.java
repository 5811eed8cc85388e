package io.jenkins.plugins.awsdeploy.engine.routing;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.jenkins.plugins.awsdeploy.engine.Resource;
import java.io.Serializable;
import java.util.List;

/**
 * What carries a canary's traffic, as the user named it: a validated value stored in every checkpoint.
 * {@link Routers} opens the {@link TrafficRouter} that drives it. A new router is a new record here (its
 * JSON name below, which state files keep, so never rename one) plus its registration in {@link Routers}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AlbListener.class, name = "alb-listener"),
        @JsonSubTypes.Type(value = AlbRule.class, name = "alb-rule"),
        @JsonSubTypes.Type(value = Route53Records.class, name = "route53-records"),
        @JsonSubTypes.Type(value = LambdaAlias.class, name = "lambda-alias")})
public sealed interface RouterSpec extends Serializable permits AlbForward, Route53Records, LambdaAlias {

    /** The parameter that named the routed resource, which problems with it are reported against. */
    String parameter();

    /** How messages name the routed resource: {@code listener demo-alb/c5d9298accdad661}. */
    String describe();

    /** The identifier a person would search for: an ARN, a function's alias, a record name. */
    String resource();

    /** The side that serves until the canary has passed: a target group's ARN, a version, a record's set id. */
    String stableSide();

    /** The side the canary moves traffic to. */
    String canarySide();

    /** The side that serves until the canary has passed, in the few words pages and summaries use; null while unknown. */
    default String stableName() {
        return stableSide();
    }

    /** The side the canary moves traffic to, in the words pages and summaries use. */
    default String canaryName() {
        return canarySide();
    }

    /** How a summary keys the stable side's weight (a target group's ARN; else its name). */
    default String stableKey() {
        return stableName();
    }

    default String canaryKey() {
        return canaryName();
    }

    /** What the shells show and link to for this router: the routed resource and its sides, each with its kind. */
    List<Resource> resources();

    /**
     * The spec as the user asked for it, without what a preflight found and stored in it (a Lambda alias's stable
     * version): what makes two runs the same deployment.
     */
    default RouterSpec asRequested() {
        return this;
    }
}
