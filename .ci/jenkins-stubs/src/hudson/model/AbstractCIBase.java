// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/model/AbstractCIBase.java
// Real supertypes also include StaplerProxy, StaplerFallback, ViewGroup, DescriptorByNameOwner.
package hudson.model;

import hudson.security.AccessControlled;

public abstract class AbstractCIBase extends Node implements ItemGroup<TopLevelItem>, AccessControlled {
}
