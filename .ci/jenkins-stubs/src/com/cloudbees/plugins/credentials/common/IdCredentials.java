// Stand-in for: jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/common/IdCredentials.java
// Omitted: nested Helpers.
package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import edu.umd.cs.findbugs.annotations.NonNull;

public interface IdCredentials extends Credentials {
    @NonNull
    String getId();
}
