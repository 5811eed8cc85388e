package io.jenkins.plugins.awsdeploy;

/**
 * A tick may not reach AWS with the step's settings: the credential named by credentialsId is not visible to the build
 * or gives no credentials, the endpoint is not allowed, or only the controller's own identity is left. Waiting does
 * not fix any of these, so before the first change in AWS the step fails at once.
 */
final class AccessRefused extends Exception {

    private static final long serialVersionUID = 1L;

    AccessRefused(String message) {
        super(message);
    }
}
