package io.jenkins.plugins.awsdeploy.engine.aws;

import io.jenkins.plugins.awsdeploy.engine.analysis.MetricPort;
import io.jenkins.plugins.awsdeploy.engine.ownership.LeasePort;

/** Everything the engine reaches in AWS, as small interfaces that the tests can fake. */
public record AwsPorts(TrafficPort traffic, AlarmPort alarms, EcsPort ecs, LeasePort leases, RecordsPort records,
                       MetricPort metrics) {

    public AwsPorts {
        if (records == null) records = RecordsPort.NONE;
        if (metrics == null) metrics = MetricPort.NONE;
    }

    /** Ports without CloudWatch metrics: an analysis asked of them fails as unreadable. */
    public AwsPorts(TrafficPort traffic, AlarmPort alarms, EcsPort ecs, LeasePort leases, RecordsPort records) {
        this(traffic, alarms, ecs, leases, records, MetricPort.NONE);
    }

    /** Ports without Route 53 and CloudWatch metrics, for deployments that drive none. */
    public AwsPorts(TrafficPort traffic, AlarmPort alarms, EcsPort ecs, LeasePort leases) {
        this(traffic, alarms, ecs, leases, RecordsPort.NONE, MetricPort.NONE);
    }
}
