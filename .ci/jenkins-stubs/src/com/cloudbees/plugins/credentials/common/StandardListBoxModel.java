// Stand-in for: jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/common/StandardListBoxModel.java
package com.cloudbees.plugins.credentials.common;

import edu.umd.cs.findbugs.annotations.NonNull;

public class StandardListBoxModel extends AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> {
    @NonNull
    @Override
    protected String describe(@NonNull StandardCredentials c) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
