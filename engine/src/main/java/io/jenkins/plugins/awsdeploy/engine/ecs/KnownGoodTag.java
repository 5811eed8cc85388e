package io.jenkins.plugins.awsdeploy.engine.ecs;

import io.jenkins.plugins.awsdeploy.engine.aws.EcsService;
import io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef;
import java.util.Map;
import java.util.Optional;

/**
 * The service tag through which a deployment that passed (blue/green) records its revision as known good,
 * and through which ecs-rollback finds it. The value is {@code family:revision}; an ARN is read as well.
 * A tag, not a local file, so that whoever runs the rollback, from wherever, sees the same record.
 */
public final class KnownGoodTag {

    public static final String KEY = "aws-deploy:last-known-good";

    private KnownGoodTag() {
    }

    /** The tags to write on the service after {@code revision} has proven good. */
    public static Map<String, String> of(TaskDefinitionRef revision) {
        return Map.of(KEY, revision.toString());
    }

    /** The tag's raw value on the service, if it has one. */
    public static Optional<String> on(EcsService service) {
        return Optional.ofNullable(service.tags().get(KEY));
    }
}
