// Stand-in for: jenkinsci/aws-credentials-plugin src/main/java/com/cloudbees/jenkins/plugins/awscredentials/AmazonWebServicesCredentials.java
// AWS SDK v2 line: extends the SDK's AwsCredentialsProvider (real SDK jar on the typecheck classpath), so
// resolveCredentials() is inherited. Omitted: nested NameProvider and the deprecated SDK v1 shim supertype
// com.amazonaws.auth.AWSCredentialsProvider that some releases keep (getCredentials(), refresh(), getCredentials(String)).
package com.cloudbees.jenkins.plugins.awscredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

public interface AmazonWebServicesCredentials extends StandardCredentials, AwsCredentialsProvider {
    long serialVersionUID = -8931505925778535681L;

    String getDisplayName();

    AwsCredentials resolveCredentials(String mfaToken);
}
