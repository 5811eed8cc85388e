// Stand-in for: jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/domains/DomainRequirement.java
package com.cloudbees.plugins.credentials.domains;

import java.io.Serializable;

public class DomainRequirement implements Serializable {
    public DomainRequirement() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
