// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/model/Node.java
// Real supertypes also include ReconfigurableDescribable<Node>, OnMaster, PersistenceRoot. Only the members listed here.
package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.FilePath;
import hudson.remoting.VirtualChannel;
import hudson.security.ACL;
import hudson.security.AccessControlled;

public abstract class Node extends AbstractModelObject implements ExtensionPoint, AccessControlled {
    @NonNull
    public abstract String getNodeName();

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public final @CheckForNull Computer toComputer() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public final @CheckForNull VirtualChannel getChannel() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public abstract @CheckForNull FilePath getRootPath();

    @NonNull
    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
