package io.jenkins.plugins.awsdeploy;

import io.jenkins.plugins.awsdeploy.engine.aws.AwsAccess;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsSession;
import io.jenkins.plugins.awsdeploy.engine.aws.SessionCredentials;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Turns a Jenkins AWS credential into session credentials that expire within the hour, on the controller, so that
 * the long-term secret never leaves it: the agent only ever receives what this returns.
 *
 * <p>The credential's own role (set in the credential) is assumed by the credential itself when it is resolved. The
 * step's {@code roleArn} is then assumed here with the result, so the agent receives credentials for the target
 * account directly. Long-term keys without any role are exchanged with GetSessionToken.
 */
final class ShortLivedCredentials {

    /** One hour: the longest a chained role session may last, and plenty for the ticks in between refreshes. */
    static final int SESSION_SECONDS = 3600;

    /** Session credentials closer than this to their expiry are replaced before a tick uses them. */
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(10);

    /** How long to trust session credentials whose expiry the credential provider does not say. */
    static final Duration UNKNOWN_LIFETIME = Duration.ofMinutes(15);

    private ShortLivedCredentials() {
    }

    /**
     * @param credential  the Jenkins credential (an SDK credentials provider); resolving it may call STS
     * @param endpoint    the endpoint override of the deployment (a local emulator), or null for AWS
     * @param sessionName names the session in CloudTrail, e.g. {@code jenkins-deploy-42}
     */
    static SessionCredentials issue(AwsCredentialsProvider credential, String region, URI endpoint, String roleArn,
                                    String externalId, String sessionName, Instant now) {
        AwsCredentials base = credential.resolveCredentials();
        if (base == null) {
            // aws-credentials' AWSCredentialsImpl returns null when it has neither keys nor a role of its own.
            throw new UnusableCredential("has no access key and no IAM role, so it resolves to no credentials; give it "
                    + "keys or a role, or leave credentialsId empty to use the default credential chain");
        }
        boolean stepRole = roleArn != null && !roleArn.isBlank();
        if (!stepRole && base instanceof AwsSessionCredentials s) {
            return new SessionCredentials(s.accessKeyId(), s.secretAccessKey(), s.sessionToken(),
                    s.expirationTime().orElse(now.plus(UNKNOWN_LIFETIME)));
        }
        // Set up like every other client of a deployment: same timeouts, retries and endpoint rules.
        try (StsClient sts = AwsSession.sts(new AwsAccess(region, endpoint, null, null, null),
                StaticCredentialsProvider.create(base))) {
            Credentials c;
            if (stepRole) {
                c = sts.assumeRole(r -> {
                    r.roleArn(roleArn.trim()).roleSessionName(sessionName).durationSeconds(SESSION_SECONDS);
                    if (externalId != null && !externalId.isBlank()) r.externalId(externalId.trim());
                }).credentials();
            } else {
                c = sts.getSessionToken(r -> r.durationSeconds(SESSION_SECONDS)).credentials();
            }
            return new SessionCredentials(c.accessKeyId(), c.secretAccessKey(), c.sessionToken(),
                    c.expiration() == null ? now.plus(UNKNOWN_LIFETIME) : c.expiration());
        }
    }

    /** The Jenkins credential cannot give credentials at all: waiting will not help. The message names no secret. */
    static final class UnusableCredential extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnusableCredential(String message) {
            super(message);
        }
    }

    /** Whether {@code c} must be replaced before it is handed to a tick starting at {@code now}. */
    static boolean stale(SessionCredentials c, Instant now) {
        return c == null || c.expiration() == null || !now.plus(REFRESH_MARGIN).isBefore(c.expiration());
    }

    /** A role session name STS accepts ({@code [\w+=,.@-]{2,64}}) that says which build made the calls. */
    static String sessionName(String buildId) {
        String name = ("jenkins-" + buildId).replaceAll("[^\\w+=,.@-]", "-");
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}
