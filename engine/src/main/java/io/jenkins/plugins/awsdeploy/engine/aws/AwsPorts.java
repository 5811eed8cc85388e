package io.jenkins.plugins.awsdeploy.engine.aws;

import io.jenkins.plugins.awsdeploy.engine.ownership.LeasePort;

/** Everything the engine reaches in AWS, as small interfaces that the tests can fake. */
public record AwsPorts(TrafficPort traffic, AlarmPort alarms, EcsPort ecs, LeasePort leases, RecordsPort records) {

    public AwsPorts {
        if (records == null) records = RecordsPort.NONE;
    }

    /** Ports without Route 53, for deployments that drive none. */
    public AwsPorts(TrafficPort traffic, AlarmPort alarms, EcsPort ecs, LeasePort leases) {
        this(traffic, alarms, ecs, leases, RecordsPort.NONE);
    }
}
