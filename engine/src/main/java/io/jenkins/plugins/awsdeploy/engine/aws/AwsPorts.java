package io.jenkins.plugins.awsdeploy.engine.aws;

import io.jenkins.plugins.awsdeploy.engine.ownership.LeasePort;

/**
 * Everything the engine reaches in AWS, as small interfaces that the tests can fake.
 *
 * @param lambda Lambda aliases; null where no strategy needs them (the blue/green tests' world)
 */
public record AwsPorts(TrafficPort traffic, AlarmPort alarms, EcsPort ecs, LeasePort leases, LambdaPort lambda) {

    /** Without Lambda: a canary on an alias then fails when its router is opened. */
    public AwsPorts(TrafficPort traffic, AlarmPort alarms, EcsPort ecs, LeasePort leases) {
        this(traffic, alarms, ecs, leases, null);
    }
}
