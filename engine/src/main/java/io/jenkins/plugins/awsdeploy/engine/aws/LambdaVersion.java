package io.jenkins.plugins.awsdeploy.engine.aws;

/**
 * What the preflight needs to know of one version of a function (GetFunctionConfiguration).
 *
 * @param version          {@code 42}, or {@code $LATEST}
 * @param role             the execution role: Lambda routes an alias between two versions only when both have the same
 * @param deadLetterTarget the dead-letter queue or topic, null for none: it must be the same on both versions, too
 * @param state            {@code Active}, {@code Pending}, {@code Inactive} or {@code Failed}; null when not reported
 */
public record LambdaVersion(String version, String functionArn, String role, String deadLetterTarget, String state) {
}
