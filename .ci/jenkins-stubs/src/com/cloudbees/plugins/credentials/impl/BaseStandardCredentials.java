// Stand-in for: jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/impl/BaseStandardCredentials.java
package com.cloudbees.plugins.credentials.impl;

import com.cloudbees.plugins.credentials.BaseCredentials;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

public abstract class BaseStandardCredentials extends BaseCredentials implements StandardCredentials {
    public BaseStandardCredentials(@CheckForNull String id, @CheckForNull String description) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public BaseStandardCredentials(@CheckForNull CredentialsScope scope, @CheckForNull String id,
                                   @CheckForNull String description) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    @Override
    public String getDescription() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    @Override
    public String getId() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
