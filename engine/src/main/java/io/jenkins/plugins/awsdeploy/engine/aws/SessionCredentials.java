package io.jenkins.plugins.awsdeploy.engine.aws;

import java.io.Serializable;
import java.time.Instant;

/**
 * Short-lived credentials handed to the JVM that makes the calls (a Jenkins agent). They travel in
 * memory only: never in a checkpoint, a log line or an exception, which is why {@link #toString()} hides them.
 *
 * @param expiration when they stop working; null if unknown
 */
public record SessionCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration)
        implements Serializable {

    @Override
    public String toString() {
        return "SessionCredentials[" + (accessKeyId == null || accessKeyId.length() < 4 ? "?"
                : accessKeyId.substring(0, 4) + "…") + ", expires " + expiration + "]";
    }
}
