/**
 * Jenkins side of AWS Deployment Strategies: the {@code canaryShift}, {@code blueGreenDeploy} and {@code ecsRollback}
 * Pipeline steps, which drive the deployment engine ({@code io.jenkins.plugins.awsdeploy.engine}) on an agent and
 * stop at approval gates that a user answers from the build log or the build page.
 */
package io.jenkins.plugins.awsdeploy;
