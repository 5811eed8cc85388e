package io.jenkins.plugins.awsdeploy;

/**
 * An engine tick that threw. Carries only a message (SDK exceptions hold response objects that need not be
 * serializable, and no credentials may ride along), so it crosses the agent channel intact.
 */
final class TickFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TickFailure(String message) {
        super(message);
    }

    static TickFailure of(RuntimeException e) {
        String text = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        return new TickFailure(text);
    }
}
