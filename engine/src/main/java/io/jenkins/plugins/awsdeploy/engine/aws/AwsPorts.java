package io.jenkins.plugins.awsdeploy.engine.aws;

import io.jenkins.plugins.awsdeploy.engine.ownership.LeasePort;

/**
 * Everything the engine reaches in AWS, as small interfaces that the tests can fake.
 *
 * @param lambda Lambda aliases; null where no strategy needs them (a canary on an alias then fails as its router opens)
 */
public record AwsPorts(TrafficPort traffic, AlarmPort alarms, EcsPort ecs, LeasePort leases, RecordsPort records,
                       LambdaPort lambda) {

    public AwsPorts {
        if (records == null) records = RecordsPort.NONE;
    }

    /** Ports without Route 53 or Lambda, for deployments that drive neither. */
    public AwsPorts(TrafficPort traffic, AlarmPort alarms, EcsPort ecs, LeasePort leases) {
        this(traffic, alarms, ecs, leases, RecordsPort.NONE, null);
    }

    /** Ports without Lambda. */
    public AwsPorts(TrafficPort traffic, AlarmPort alarms, EcsPort ecs, LeasePort leases, RecordsPort records) {
        this(traffic, alarms, ecs, leases, records, null);
    }
}
