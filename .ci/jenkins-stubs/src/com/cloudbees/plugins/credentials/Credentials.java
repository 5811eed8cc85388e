// Stand-in for: jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/Credentials.java
// Omitted: the covariant getDescriptor() returning CredentialsDescriptor, forRun/forSecret helpers.
package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Describable;
import java.io.Serializable;

public interface Credentials extends Describable<Credentials>, Serializable {
    @CheckForNull
    CredentialsScope getScope();
}
