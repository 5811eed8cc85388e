package io.jenkins.plugins.awsdeploy.engine.ecs;

import java.io.Serializable;
import java.time.Duration;

/**
 * A validated ECS rollback: which service, to which revision, and how long to watch it. Build one from
 * user input with {@link RollbackRequest}.
 *
 * @param cluster    the cluster's name or ARN, as given
 * @param service    the service's name or ARN, as given
 * @param toRevision {@code family:revision} or a task definition ARN; null lets the engine choose (the
 *                   known-good tag, else the highest ACTIVE revision below the current one)
 * @param timeout    how long to wait for the service to be stable on the target after the update
 * @param noWait     update the service and end without waiting for it to be stable
 * @param dryRun     check everything and say what would happen, changing nothing
 * @param allowOtherFamily let {@code toRevision} be of another family than the one the service runs
 */
public record RollbackSpec(String cluster, String service, String toRevision, Duration timeout, Duration poll,
                           boolean noWait, boolean dryRun, boolean allowOtherFamily) implements Serializable {

    public RollbackSpec(String cluster, String service, String toRevision, Duration timeout, Duration poll,
                        boolean noWait, boolean dryRun) {
        this(cluster, service, toRevision, timeout, poll, noWait, dryRun, false);
    }
}
