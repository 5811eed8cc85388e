package io.jenkins.plugins.awsdeploy.engine.aws;

import java.util.function.Supplier;

/**
 * Whether the calls of the tick running on this thread may be cut short after an earlier call got no answer
 * ({@link UnansweredCalls}). Only a tick that starts before anything was changed in AWS may: a preflight against a
 * silent endpoint should end in one call timeout, but a rollback, a shift or a watch must give every call its full
 * time, whatever the session saw before (a session is fresh after a restart, an idle poll or new credentials, and
 * may be shared by several deployments). Held per thread because one session serves deployments in any phase.
 */
public final class FailFast {

    private static final ThreadLocal<Boolean> ALLOWED = ThreadLocal.withInitial(() -> false);

    private FailFast() {
    }

    /** Runs {@code tick} with fail-fast allowed only if {@code beforeAnyChange}; off by default, and after. */
    public static <T> T whileUntouched(boolean beforeAnyChange, Supplier<T> tick) {
        boolean outer = ALLOWED.get();
        ALLOWED.set(beforeAnyChange);
        try {
            return tick.get();
        } finally {
            ALLOWED.set(outer);
        }
    }

    static boolean allowed() {
        return ALLOWED.get();
    }

    /** A call that may change something was made: from here on in this tick, nothing may be cut short. */
    static void changing() {
        ALLOWED.set(false);
    }
}
