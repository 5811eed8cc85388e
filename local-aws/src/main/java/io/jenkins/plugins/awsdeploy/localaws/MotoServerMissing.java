package io.jenkins.plugins.awsdeploy.localaws;

/**
 * moto_server cannot be found on this machine. A type of its own so that test suites can tell "no local AWS
 * here" (skip, or fail where it is required) from a local AWS that started and then misbehaved (always a failure).
 */
public final class MotoServerMissing extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    MotoServerMissing(String message) {
        super(message);
    }
}
