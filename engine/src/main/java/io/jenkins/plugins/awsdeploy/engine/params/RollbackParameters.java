package io.jenkins.plugins.awsdeploy.engine.params;

import static io.jenkins.plugins.awsdeploy.engine.params.Parameter.Type.DURATION;
import static io.jenkins.plugins.awsdeploy.engine.params.Parameter.Type.FLAG;
import static io.jenkins.plugins.awsdeploy.engine.params.Parameter.Type.TEXT;

import io.jenkins.plugins.awsdeploy.engine.params.Parameter.Limits;
import java.time.Duration;
import java.util.List;

/** The parameters of an ECS rollback: {@code aws-deploy ecs-rollback} and the {@code ecsRollback} step. */
public final class RollbackParameters {

    public static final Parameter CLUSTER = Parameter.of("cluster", TEXT, "--cluster", null, Limits.NONE,
            "the service's ECS cluster, name or ARN");
    public static final Parameter SERVICE = Parameter.of("service", TEXT, "--service", null, Limits.NONE,
            "the service to roll back, name or ARN");
    public static final Parameter TO_REVISION = Parameter.of("toRevision", TEXT, "--to-revision", null, Limits.NONE,
            "the revision to go back to, family:revision or its ARN; by default the last known good");
    public static final Parameter TIMEOUT = Parameter.of("timeout", DURATION, "--timeout", "10m",
            Limits.longerThan(Duration.ZERO, null), "how long ECS may take to run the target stably");
    public static final Parameter NO_WAIT = Parameter.of("noWait", FLAG, "--no-wait", "false", Limits.NONE,
            "end once ECS has accepted the update, without waiting for the new tasks");
    public static final Parameter DRY_RUN = Parameter.of("dryRun", FLAG, "--dry-run", "false", Limits.NONE,
            "check everything and say what would be done; change nothing");
    public static final Parameter POLL = CommonParameters.poll("how often the service is read while waiting");
    public static final Parameter ALLOW_OTHER_FAMILY = Parameter.of("allowOtherFamily", FLAG, "--allow-other-family",
            "false", Limits.NONE, "let toRevision name another task definition family than the service runs");

    private RollbackParameters() {
    }

    public static List<Parameter> all() {
        return List.of(CLUSTER, SERVICE, TO_REVISION, TIMEOUT, NO_WAIT, DRY_RUN, POLL, ALLOW_OTHER_FAMILY);
    }
}
