// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/model/AbstractCIBase.java
// Real supertypes also include StaplerProxy, StaplerFallback, ViewGroup, DescriptorByNameOwner.
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.security.AccessControlled;

public abstract class AbstractCIBase extends Node implements ItemGroup<TopLevelItem>, AccessControlled {
    @NonNull
    @Deprecated
    @Override
    public String getNodeName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    @Deprecated
    public String getUrl() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
