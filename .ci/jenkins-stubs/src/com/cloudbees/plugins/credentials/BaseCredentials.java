// Stand-in for: jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/BaseCredentials.java
// The real getDescriptor() returns CredentialsDescriptor (a Descriptor<Credentials>); the stand-in keeps the
// Describable return type because CredentialsDescriptor is not stubbed.
package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Descriptor;

public abstract class BaseCredentials implements Credentials {
    public BaseCredentials() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public BaseCredentials(@CheckForNull CredentialsScope scope) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public CredentialsScope getScope() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    @Override
    public Descriptor<Credentials> getDescriptor() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
