package io.jenkins.plugins.awsdeploy;

import io.jenkins.plugins.awsdeploy.engine.aws.AwsAccess;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsSession;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SDK sessions kept warm in the JVM that runs the ticks (an agent, or the controller), one per distinct
 * {@link AwsAccess}. Building clients for every poll would cost a TLS handshake and the SDK's start-up work
 * every few seconds; a session unused for a few minutes, or whose credentials were replaced by fresher
 * ones (a different key), is closed. Nothing here is ever written to disk.
 */
final class AgentSessions {

    private static final Duration IDLE = Duration.ofMinutes(3);

    private static final Map<AwsAccess, Entry> SESSIONS = new ConcurrentHashMap<>();

    private static final class Entry {
        final AwsSession session;
        volatile long lastUsed = System.nanoTime();

        Entry(AwsSession session) {
            this.session = session;
        }
    }

    private AgentSessions() {
    }

    static AwsSession get(AwsAccess access) {
        closeIdle();
        Entry entry = SESSIONS.computeIfAbsent(access, a -> new Entry(new AwsSession(a)));
        entry.lastUsed = System.nanoTime();
        return entry.session;
    }

    /** After a failed call the session may hold a broken connection pool: start the next tick afresh. */
    static void discard(AwsAccess access) {
        Entry entry = SESSIONS.remove(access);
        if (entry != null) entry.session.close();
    }

    private static void closeIdle() {
        long now = System.nanoTime();
        for (Iterator<Map.Entry<AwsAccess, Entry>> it = SESSIONS.entrySet().iterator(); it.hasNext(); ) {
            Entry e = it.next().getValue();
            if (now - e.lastUsed > IDLE.toNanos()) {
                it.remove();
                e.session.close();
            }
        }
    }
}
