package io.jenkins.plugins.awsdeploy.engine.aws;

import io.jenkins.plugins.awsdeploy.engine.ownership.LeasePort;

/** Everything the engine reaches in AWS, as small interfaces that the tests can fake. */
public record AwsPorts(TrafficPort traffic, AlarmPort alarms, EcsPort ecs, LeasePort leases) {
}
