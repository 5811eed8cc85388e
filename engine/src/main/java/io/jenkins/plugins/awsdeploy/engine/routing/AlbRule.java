package io.jenkins.plugins.awsdeploy.engine.routing;

import io.jenkins.plugins.awsdeploy.engine.aws.TrafficTarget;

/** The forward action of one ALB listener rule, split between two target groups. */
public record AlbRule(String ruleArn, String stableTargetGroup, String canaryTargetGroup) implements AlbForward {

    @Override
    public TrafficTarget target() {
        return TrafficTarget.rule(ruleArn);
    }
}
