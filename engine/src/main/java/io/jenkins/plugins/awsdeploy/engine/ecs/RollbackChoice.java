package io.jenkins.plugins.awsdeploy.engine.ecs;

import io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef;
import java.io.Serializable;

/**
 * The revision a rollback goes to, decided once at preflight and kept, so that a resumed run goes to the
 * same place even if tags or revisions change meanwhile.
 *
 * @param from      the revision the service pointed at when it was checked
 * @param target    the revision to go back to
 * @param targetArn the target as ECS described it, sent with UpdateService so that the exact revision checked is the one deployed
 * @param why       why this revision, in words
 */
public record RollbackChoice(TaskDefinitionRef from, TaskDefinitionRef target, String targetArn, String why)
        implements Serializable {
}
