package io.jenkins.plugins.awsdeploy.engine.aws;

import io.jenkins.plugins.awsdeploy.engine.analysis.MetricPort;
import io.jenkins.plugins.awsdeploy.engine.ownership.LeasePort;

/**
 * Everything the engine reaches in AWS, as small interfaces that the tests can fake.
 *
 * @param lambda  Lambda aliases; null where no strategy needs them (a canary on an alias then fails as its router opens)
 * @param metrics CloudWatch metrics for the canary analysis; without them an analysis fails as unreadable
 */
public record AwsPorts(TrafficPort traffic, AlarmPort alarms, EcsPort ecs, LeasePort leases, RecordsPort records,
                       LambdaPort lambda, MetricPort metrics) {

    public AwsPorts {
        if (records == null) records = RecordsPort.NONE;
        if (metrics == null) metrics = MetricPort.NONE;
    }

    /** Ports without Route 53, Lambda or CloudWatch metrics, for deployments that drive none. */
    public AwsPorts(TrafficPort traffic, AlarmPort alarms, EcsPort ecs, LeasePort leases) {
        this(traffic, alarms, ecs, leases, RecordsPort.NONE, null, MetricPort.NONE);
    }

    /** Ports without Lambda or CloudWatch metrics. */
    public AwsPorts(TrafficPort traffic, AlarmPort alarms, EcsPort ecs, LeasePort leases, RecordsPort records) {
        this(traffic, alarms, ecs, leases, records, null, MetricPort.NONE);
    }

    /** Ports without CloudWatch metrics. */
    public AwsPorts(TrafficPort traffic, AlarmPort alarms, EcsPort ecs, LeasePort leases, RecordsPort records,
                    LambdaPort lambda) {
        this(traffic, alarms, ecs, leases, records, lambda, MetricPort.NONE);
    }
}
