package io.jenkins.plugins.awsdeploy.engine.aws;

import io.jenkins.plugins.awsdeploy.engine.DurationText;
import io.jenkins.plugins.awsdeploy.engine.params.CommonParameters;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;

/**
 * How to reach AWS: the region, an optional endpoint (a local emulator), whose credentials, an optional role
 * to assume for a cross-account deploy, and how long one call may take.
 *
 * @param credentials        explicit session credentials, or null for the default chain of the JVM making
 *                           the calls (environment, profile, instance profile, IRSA)
 * @param callTimeout        the longest one AWS call may take, retries included; null for {@link #DEFAULT_CALL_TIMEOUT}
 * @param cloudWatchEndpoint where CloudWatch calls go instead of {@code endpoint}, e.g. a protocol bridge in
 *                           front of an emulator; null for {@code endpoint}
 */
public record AwsAccess(String region, URI endpoint, SessionCredentials credentials, String roleArn, String externalId,
                        Duration callTimeout, URI cloudWatchEndpoint) implements Serializable {

    /**
     * The bound of one call, its retries included. Long enough for the SDK's retries of quick failures (throttling,
     * 5xx, a dropped connection) with backoff; short enough that an endpoint that never answers is found out. An
     * attempt that gets no answer uses the whole bound and is not retried within the call: the engine tries again at
     * its next tick (a rollback after a backoff, a watch at the next poll), which a person can follow in the log.
     */
    public static final Duration DEFAULT_CALL_TIMEOUT =
            DurationText.parse("callTimeout", CommonParameters.CALL_TIMEOUT.defaultValue());

    public AwsAccess {
        if (callTimeout == null) callTimeout = DEFAULT_CALL_TIMEOUT;
    }

    public AwsAccess(String region, URI endpoint, SessionCredentials credentials, String roleArn, String externalId) {
        this(region, endpoint, credentials, roleArn, externalId, null, null);
    }

    public static AwsAccess defaultChain(String region, URI endpoint) {
        return new AwsAccess(region, endpoint, null, null, null);
    }

    public AwsAccess withCredentials(SessionCredentials c) {
        return new AwsAccess(region, endpoint, c, roleArn, externalId, callTimeout, cloudWatchEndpoint);
    }

    public AwsAccess withRole(String role, String external) {
        return new AwsAccess(region, endpoint, credentials, role, external, callTimeout, cloudWatchEndpoint);
    }

    public AwsAccess withCallTimeout(Duration timeout) {
        return new AwsAccess(region, endpoint, credentials, roleArn, externalId, timeout, cloudWatchEndpoint);
    }

    public AwsAccess withCloudWatchEndpoint(URI cloudWatch) {
        return new AwsAccess(region, endpoint, credentials, roleArn, externalId, callTimeout, cloudWatch);
    }
}
