// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/security/SecurityRealm.java
// Type only (tests pass JenkinsRule.createDummySecurityRealm() to Jenkins.setSecurityRealm).
package hudson.security;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

public abstract class SecurityRealm extends AbstractDescribableImpl<SecurityRealm> implements ExtensionPoint {
}
