// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/security/AuthorizationStrategy.java
// Only the two abstract members; the per-object getACL(...) hooks are omitted.
package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;
import java.util.Collection;

public abstract class AuthorizationStrategy extends AbstractDescribableImpl<AuthorizationStrategy> implements ExtensionPoint {
    @NonNull
    public abstract ACL getRootACL();

    @NonNull
    public abstract Collection<String> getGroups();
}
