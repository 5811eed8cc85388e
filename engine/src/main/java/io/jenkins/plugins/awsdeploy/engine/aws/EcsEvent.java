package io.jenkins.plugins.awsdeploy.engine.aws;

import java.time.Instant;

/** A service event, as shown in the ECS console's Events tab. */
public record EcsEvent(Instant at, String message) {
}
