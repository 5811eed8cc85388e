package io.jenkins.plugins.awsdeploy;

import com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import java.io.IOException;

/** The Jenkins credential the pipeline tests deploy with: static keys that moto accepts. */
final class MotoCredentials {

    static final String ID = "moto";
    /** Must never appear in a build log. */
    static final String SECRET = "moto-secret-that-must-never-be-logged";

    private MotoCredentials() {
    }

    static void add() throws IOException {
        SystemCredentialsProvider store = SystemCredentialsProvider.getInstance();
        store.getCredentials().add(new AWSCredentialsImpl(CredentialsScope.GLOBAL, ID, "AKIAMOTOEXAMPLE0001", SECRET,
                "keys for moto_server"));
        store.save();
    }
}
