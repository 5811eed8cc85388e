// Stand-in for: jenkinsci/aws-credentials-plugin src/main/java/com/cloudbees/jenkins/plugins/awscredentials/BaseAmazonWebServicesCredentials.java
package com.cloudbees.jenkins.plugins.awscredentials;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;

public abstract class BaseAmazonWebServicesCredentials extends BaseStandardCredentials implements AmazonWebServicesCredentials {
    public BaseAmazonWebServicesCredentials(@CheckForNull CredentialsScope scope,
                                            @CheckForNull String id, @CheckForNull String description) {
        super(scope, id, description);
    }
}
