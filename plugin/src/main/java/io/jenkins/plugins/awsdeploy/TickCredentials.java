package io.jenkins.plugins.awsdeploy;

import com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl;
import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsAccess;
import io.jenkins.plugins.awsdeploy.engine.aws.SessionCredentials;
import java.time.Instant;
import java.util.Optional;

/**
 * The AWS access of one tick, decided on the controller before anything is sent: first whether the settings may be
 * used at all (an endpoint an administrator allowed, not the controller's own identity unless allowed), only then the
 * credentials. With a Jenkins credential: session credentials issued on this controller (for the step's role, if any);
 * without one: the default chain of whichever JVM runs the tick, which also assumes the role.
 */
final class TickCredentials {

    /** The session of earlier ticks, reused while fresh; null for none. */
    private SessionCredentials session;

    /** The session the last tick was given, if any: tests look for its secret where a build leaves files. */
    synchronized SessionCredentials session() {
        return session;
    }

    /** {@link #resolve(AccessSettings, SessionCredentials, Run, boolean, AwsDeploymentsConfiguration, Instant)}, keeping
     * the session for the next ticks (memory only: gone with a restart). */
    synchronized AwsAccess resolve(AccessSettings access, Run<?, ?> run, boolean inController) throws AccessRefused {
        AwsAccess aws = resolve(access, session, run, inController, AwsDeploymentsConfiguration.get(), Instant.now());
        if (aws.credentials() != null) session = aws.credentials();
        return aws;
    }

    /**
     * @param cached       session credentials of an earlier tick, reused while fresh; null for none
     * @param inController whether the tick runs in the controller's JVM (outside a node block, or on the built-in node)
     * @return the access to send with the tick; its {@link AwsAccess#credentials()} are the session to cache
     */
    static AwsAccess resolve(AccessSettings access, @CheckForNull SessionCredentials cached, Run<?, ?> run,
                             boolean inController, AwsDeploymentsConfiguration config, Instant now) throws AccessRefused {
        // Checked on every tick, not only at the start: an administrator's change applies to running deployments too.
        Optional<Problem> endpoint = config.endpointPolicy().check("endpointUrl", access.endpoint());
        if (endpoint.isPresent()) throw new AccessRefused(endpoint.get().toString());
        if (inController) {
            Optional<String> refusal = access.controllerIdentityRefusal(config.isAllowControllerCredentials());
            if (refusal.isPresent()) throw new AccessRefused(refusal.get());
        }
        String credentialsId = access.credentialsId();
        if (credentialsId == null) {
            return new AwsAccess(access.region(), access.endpoint(), null, access.roleArn(), access.externalId());
        }
        SessionCredentials current = cached;
        if (ShortLivedCredentials.stale(current, now)) {
            AmazonWebServicesCredentials credential =
                    CredentialsProvider.findCredentialById(credentialsId, AmazonWebServicesCredentials.class, run);
            if (credential == null) {
                throw new AccessRefused("credentialsId: no AWS credentials with id '" + credentialsId
                        + "' are available to this build");
            }
            if (credential instanceof AWSCredentialsImpl keys && keys.requiresToken()
                    && keys.getIamRoleArn() != null && !keys.getIamRoleArn().isBlank()) {
                // Its resolveCredentials() would call AssumeRole without the MFA code and be refused by STS.
                throw new AccessRefused("credentialsId: '" + credentialsId + "' assumes its role with an MFA device; "
                        + "a deployment cannot type the code, use a credential without MFA");
            }
            CredentialsProvider.track(run, credential);
            try {
                current = ShortLivedCredentials.issue(credential, access.region(), access.endpoint(), access.roleArn(),
                        access.externalId(), ShortLivedCredentials.sessionName(run.getExternalizableId()), now);
            } catch (ShortLivedCredentials.UnusableCredential e) {
                throw new AccessRefused("credentialsId: '" + credentialsId + "' " + e.getMessage());
            }
        }
        // The role, if any, is already in the session: the agent must not assume it a second time.
        return new AwsAccess(access.region(), access.endpoint(), current, null, null);
    }
}
