// Stand-in for: jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/SystemCredentialsProvider.java
package com.cloudbees.plugins.credentials;

import hudson.model.AbstractDescribableImpl;
import hudson.model.Saveable;
import java.io.IOException;
import java.util.List;

public class SystemCredentialsProvider extends AbstractDescribableImpl<SystemCredentialsProvider> implements Saveable {
    public SystemCredentialsProvider() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static SystemCredentialsProvider getInstance() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public List<Credentials> getCredentials() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public void save() throws IOException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
