package io.jenkins.plugins.awsdeploy.engine.aws;

/**
 * Tags the engine writes on ECS resources. One place for the keys, because one command writes them and
 * another reads them: blue/green records what it deployed, ecs-rollback goes back to it.
 */
public final class EcsTags {

    /** On a service: the ARN of the task definition revision that last deployed to it successfully. */
    public static final String LAST_KNOWN_GOOD = "aws-deploy:last-known-good";

    private EcsTags() {
    }
}
