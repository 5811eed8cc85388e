// Stand-in for: jenkinsci/aws-credentials-plugin src/main/java/com/cloudbees/jenkins/plugins/awscredentials/AWSCredentialsImpl.java
// Omitted: nested DescriptorImpl. getSecretKey() returns hudson.util.Secret in the real class (not stubbed: omitted).
package com.cloudbees.jenkins.plugins.awscredentials;

import com.cloudbees.plugins.credentials.CredentialsScope;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

public class AWSCredentialsImpl extends BaseAmazonWebServicesCredentials {
    private static final long serialVersionUID = -3167989896315282034L;

    public static final int STS_CREDENTIALS_DURATION_SECONDS = 3600;

    public AWSCredentialsImpl(@CheckForNull CredentialsScope scope, @CheckForNull String id,
                              @CheckForNull String accessKey, @CheckForNull String secretKey,
                              @CheckForNull String description) {
        super(scope, id, description);
    }

    public AWSCredentialsImpl(@CheckForNull CredentialsScope scope, @CheckForNull String id,
                              @CheckForNull String accessKey, @CheckForNull String secretKey,
                              @CheckForNull String description,
                              @CheckForNull String iamRoleArn, @CheckForNull String iamMfaSerialNumber) {
        super(scope, id, description);
    }

    @DataBoundConstructor
    public AWSCredentialsImpl(@CheckForNull CredentialsScope scope, @CheckForNull String id,
                              @CheckForNull String accessKey, @CheckForNull String secretKey,
                              @CheckForNull String description,
                              @CheckForNull String iamRoleArn, @CheckForNull String iamMfaSerialNumber,
                              String iamExternalId) {
        super(scope, id, description);
    }

    public String getAccessKey() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getIamRoleArn() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getIamExternalId() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getIamMfaSerialNumber() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    public Integer getStsTokenDuration() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @DataBoundSetter
    public void setStsTokenDuration(Integer stsTokenDuration) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean requiresToken() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public AwsCredentials resolveCredentials() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public AwsCredentials resolveCredentials(String mfaToken) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
