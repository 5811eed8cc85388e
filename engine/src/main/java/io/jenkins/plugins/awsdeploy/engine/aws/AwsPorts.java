package io.jenkins.plugins.awsdeploy.engine.aws;

import io.jenkins.plugins.awsdeploy.engine.ownership.LeasePort;

/** Everything the engine reaches in AWS, as small interfaces that the tests can fake. */
public record AwsPorts(TrafficPort traffic, AlarmPort alarms, EcsPort ecs, LeasePort leases, AutoScalingPort autoScaling) {

    /** Without Auto Scaling ({@code autoScaling} null): for the shells and fakes that deploy only ECS services. */
    public AwsPorts(TrafficPort traffic, AlarmPort alarms, EcsPort ecs, LeasePort leases) {
        this(traffic, alarms, ecs, leases, null);
    }
}
