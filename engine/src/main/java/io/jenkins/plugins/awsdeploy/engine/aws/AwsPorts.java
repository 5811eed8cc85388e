package io.jenkins.plugins.awsdeploy.engine.aws;

import io.jenkins.plugins.awsdeploy.engine.ownership.LeasePort;

/** Everything the engine reaches in AWS, as small interfaces that the tests can fake. */
public record AwsPorts(TrafficPort traffic, AlarmPort alarms, EcsPort ecs, LeasePort leases, RecordsPort records,
                       AutoScalingPort autoScaling) {

    public AwsPorts {
        if (records == null) records = RecordsPort.NONE;
    }

    /** Ports without Route 53 and Auto Scaling, for deployments that drive neither. */
    public AwsPorts(TrafficPort traffic, AlarmPort alarms, EcsPort ecs, LeasePort leases) {
        this(traffic, alarms, ecs, leases, RecordsPort.NONE, null);
    }

    /** Ports without Auto Scaling ({@code autoScaling} null): blue/green on Auto Scaling groups then fails clearly. */
    public AwsPorts(TrafficPort traffic, AlarmPort alarms, EcsPort ecs, LeasePort leases, RecordsPort records) {
        this(traffic, alarms, ecs, leases, records, null);
    }
}
