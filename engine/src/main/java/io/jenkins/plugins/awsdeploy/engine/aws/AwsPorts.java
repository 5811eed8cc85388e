package io.jenkins.plugins.awsdeploy.engine.aws;

import io.jenkins.plugins.awsdeploy.engine.ownership.LeasePort;

/**
 * Everything the engine reaches in AWS, as small interfaces that the tests can fake.
 *
 * @param lambda      Lambda aliases; null where no strategy needs them (a canary on an alias then fails as its router opens)
 * @param autoScaling Auto Scaling groups and their launch templates; null where no strategy needs them (blue/green on
 *                    groups then fails with a clear message)
 */
public record AwsPorts(TrafficPort traffic, AlarmPort alarms, EcsPort ecs, LeasePort leases, RecordsPort records,
                       LambdaPort lambda, AutoScalingPort autoScaling) {

    public AwsPorts {
        if (records == null) records = RecordsPort.NONE;
    }

    /** Ports without Route 53, Lambda or Auto Scaling, for deployments that drive none of them. */
    public AwsPorts(TrafficPort traffic, AlarmPort alarms, EcsPort ecs, LeasePort leases) {
        this(traffic, alarms, ecs, leases, RecordsPort.NONE, null, null);
    }

    /** Ports without Lambda or Auto Scaling. */
    public AwsPorts(TrafficPort traffic, AlarmPort alarms, EcsPort ecs, LeasePort leases, RecordsPort records) {
        this(traffic, alarms, ecs, leases, records, null, null);
    }

    /** Ports without Auto Scaling. */
    public AwsPorts(TrafficPort traffic, AlarmPort alarms, EcsPort ecs, LeasePort leases, RecordsPort records,
                    LambdaPort lambda) {
        this(traffic, alarms, ecs, leases, records, lambda, null);
    }
}
