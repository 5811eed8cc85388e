// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/model/Item.java
// Real supertypes: PersistenceRoot, SearchableModelObject, AccessControlled, OnMaster (only the last one that matters
// for callers, AccessControlled, plus ModelObject, are kept). Only the accessors and permission constants listed here.
package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

public interface Item extends ModelObject, AccessControlled {
    ItemGroup<? extends Item> getParent();

    String getName();

    String getFullName();

    @Override
    String getDisplayName();

    String getFullDisplayName();

    String getUrl();

    Permission CREATE = standin.StandIn.value();
    Permission DELETE = standin.StandIn.value();
    Permission CONFIGURE = standin.StandIn.value();
    Permission READ = standin.StandIn.value();
    Permission DISCOVER = standin.StandIn.value();
    Permission EXTENDED_READ = standin.StandIn.value();
    Permission BUILD = standin.StandIn.value();
    Permission WORKSPACE = standin.StandIn.value();
    Permission WIPEOUT = standin.StandIn.value();
    Permission CANCEL = standin.StandIn.value();
}
