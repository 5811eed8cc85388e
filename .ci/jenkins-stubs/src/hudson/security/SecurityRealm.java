// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/security/SecurityRealm.java
// Only the id strategies (approver checks compare user and group names with them, as pipeline-input-step does);
// tests pass JenkinsRule.createDummySecurityRealm() to Jenkins.setSecurityRealm. The abstract createSecurityComponents()
// is omitted: the plugin never subclasses SecurityRealm.
package hudson.security;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;
import jenkins.model.IdStrategy;

public abstract class SecurityRealm extends AbstractDescribableImpl<SecurityRealm> implements ExtensionPoint {
    public IdStrategy getUserIdStrategy() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public IdStrategy getGroupIdStrategy() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
