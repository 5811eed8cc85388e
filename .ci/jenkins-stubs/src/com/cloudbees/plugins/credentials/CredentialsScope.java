// Stand-in for: jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/CredentialsScope.java
// Omitted: display-name and visibility helper methods.
package com.cloudbees.plugins.credentials;

public enum CredentialsScope {
    SYSTEM,
    GLOBAL,
    USER
}
