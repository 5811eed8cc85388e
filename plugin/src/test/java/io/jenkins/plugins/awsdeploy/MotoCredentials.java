package io.jenkins.plugins.awsdeploy;

import com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import io.jenkins.plugins.awsdeploy.localaws.LocalAws;
import java.io.IOException;

/**
 * The Jenkins side of deploying to moto: the credential the pipeline tests deploy with (static keys that moto accepts),
 * and the administrator's permission to send signed requests to moto's endpoint (allowedEndpointUrls).
 */
final class MotoCredentials {

    static final String ID = "moto";
    /** Must never appear in a build log. */
    static final String SECRET = "moto-secret-that-must-never-be-logged";

    private MotoCredentials() {
    }

    static void add(LocalAws aws) throws IOException {
        AwsDeploymentsConfiguration.get().setAllowedEndpointUrls(aws.endpoint().toString());
        SystemCredentialsProvider store = SystemCredentialsProvider.getInstance();
        store.getCredentials().add(new AWSCredentialsImpl(CredentialsScope.GLOBAL, ID, "AKIAMOTOEXAMPLE0001", SECRET,
                "keys for moto_server"));
        store.save();
    }
}
