package io.jenkins.plugins.awsdeploy.engine.aws;

import io.jenkins.plugins.awsdeploy.engine.analysis.MetricPort;
import io.jenkins.plugins.awsdeploy.engine.ownership.LeasePort;

/**
 * Everything the engine reaches in AWS, as small interfaces that the tests can fake.
 *
 * @param lambda      Lambda aliases; null where no strategy needs them (a canary on an alias then fails as its router opens)
 * @param autoScaling Auto Scaling groups and their launch templates; null where no strategy needs them (blue/green on
 *                    groups then fails with a clear message)
 * @param metrics     CloudWatch metrics for the canary analysis; without them an analysis fails as unreadable
 */
public record AwsPorts(TrafficPort traffic, AlarmPort alarms, EcsPort ecs, LeasePort leases, RecordsPort records,
                       LambdaPort lambda, AutoScalingPort autoScaling, MetricPort metrics) {

    public AwsPorts {
        if (records == null) records = RecordsPort.NONE;
        if (metrics == null) metrics = MetricPort.NONE;
    }

    /** Ports without Route 53, Lambda, Auto Scaling or CloudWatch metrics, for deployments that drive none. */
    public AwsPorts(TrafficPort traffic, AlarmPort alarms, EcsPort ecs, LeasePort leases) {
        this(traffic, alarms, ecs, leases, RecordsPort.NONE, null, null, MetricPort.NONE);
    }

    /** Ports without Lambda, Auto Scaling or CloudWatch metrics. */
    public AwsPorts(TrafficPort traffic, AlarmPort alarms, EcsPort ecs, LeasePort leases, RecordsPort records) {
        this(traffic, alarms, ecs, leases, records, null, null, MetricPort.NONE);
    }

    /** Ports without Auto Scaling or CloudWatch metrics. */
    public AwsPorts(TrafficPort traffic, AlarmPort alarms, EcsPort ecs, LeasePort leases, RecordsPort records,
                    LambdaPort lambda) {
        this(traffic, alarms, ecs, leases, records, lambda, null, MetricPort.NONE);
    }
}
