package io.jenkins.plugins.awsdeploy.engine.routing;

import io.jenkins.plugins.awsdeploy.engine.aws.TrafficTarget;

/** The default action of an ALB listener, split between two target groups. */
public record AlbListener(String listenerArn, String stableTargetGroup, String canaryTargetGroup) implements AlbForward {

    @Override
    public TrafficTarget target() {
        return TrafficTarget.listener(listenerArn);
    }
}
