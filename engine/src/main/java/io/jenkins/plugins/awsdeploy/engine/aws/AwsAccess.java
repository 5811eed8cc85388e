package io.jenkins.plugins.awsdeploy.engine.aws;

import java.io.Serializable;
import java.net.URI;

/**
 * How to reach AWS: the region, an optional endpoint (a local emulator), whose credentials, and an
 * optional role to assume for a cross-account deploy.
 *
 * @param credentials explicit session credentials, or null for the default chain of the JVM making
 *                    the calls (environment, profile, instance profile, IRSA)
 */
public record AwsAccess(String region, URI endpoint, SessionCredentials credentials, String roleArn, String externalId)
        implements Serializable {

    public static AwsAccess defaultChain(String region, URI endpoint) {
        return new AwsAccess(region, endpoint, null, null, null);
    }

    public AwsAccess withCredentials(SessionCredentials c) {
        return new AwsAccess(region, endpoint, c, roleArn, externalId);
    }

    public AwsAccess withRole(String role, String external) {
        return new AwsAccess(region, endpoint, credentials, role, external);
    }
}
