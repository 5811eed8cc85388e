package io.jenkins.plugins.awsdeploy.engine.aws;

import io.jenkins.plugins.awsdeploy.engine.analysis.MetricPort;
import io.jenkins.plugins.awsdeploy.engine.ownership.LeasePort;

/** Everything the engine reaches in AWS, as small interfaces that the tests can fake. */
public record AwsPorts(TrafficPort traffic, AlarmPort alarms, EcsPort ecs, LeasePort leases, MetricPort metrics) {

    /** Ports without CloudWatch metrics: an analysis asked of them fails as unreadable. */
    public AwsPorts(TrafficPort traffic, AlarmPort alarms, EcsPort ecs, LeasePort leases) {
        this(traffic, alarms, ecs, leases, MetricPort.NONE);
    }
}
