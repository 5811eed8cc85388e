package io.jenkins.plugins.awsdeploy.engine.routing;

import io.jenkins.plugins.awsdeploy.engine.Resource;
import io.jenkins.plugins.awsdeploy.engine.aws.ForwardWeights;
import io.jenkins.plugins.awsdeploy.engine.aws.TrafficTarget;
import java.util.List;

/** A weighted forward action of an Application Load Balancer between two target groups. */
public sealed interface AlbForward extends RouterSpec permits AlbListener, AlbRule {

    /** The router for the forward action at {@code target}: the listener's default action or the rule's. */
    static AlbForward at(TrafficTarget target, String stableTargetGroup, String canaryTargetGroup) {
        return target.kind() == TrafficTarget.Kind.LISTENER
                ? new AlbListener(target.arn(), stableTargetGroup, canaryTargetGroup)
                : new AlbRule(target.arn(), stableTargetGroup, canaryTargetGroup);
    }

    String stableTargetGroup();

    String canaryTargetGroup();

    /** The forward action's place, as the load balancer port addresses it. */
    TrafficTarget target();

    @Override
    default String parameter() {
        return target().parameter();
    }

    @Override
    default String describe() {
        return target().describe();
    }

    @Override
    default String resource() {
        return target().arn();
    }

    @Override
    default String stableSide() {
        return stableTargetGroup();
    }

    @Override
    default String canarySide() {
        return canaryTargetGroup();
    }

    @Override
    default String stableName() {
        return ForwardWeights.shortName(stableTargetGroup());
    }

    @Override
    default String canaryName() {
        return ForwardWeights.shortName(canaryTargetGroup());
    }

    @Override
    default String stableKey() {
        return stableTargetGroup();
    }

    @Override
    default String canaryKey() {
        return canaryTargetGroup();
    }

    @Override
    default List<Resource> resources() {
        return List.of(Resource.traffic("", target()),
                Resource.of(Resource.Kind.TARGET_GROUP, "stable target group", stableTargetGroup()),
                Resource.of(Resource.Kind.TARGET_GROUP, "canary target group", canaryTargetGroup()));
    }
}
