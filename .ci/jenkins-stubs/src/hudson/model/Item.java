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

    Permission CREATE = null;
    Permission DELETE = null;
    Permission CONFIGURE = null;
    Permission READ = null;
    Permission DISCOVER = null;
    Permission EXTENDED_READ = null;
    Permission BUILD = null;
    Permission WORKSPACE = null;
    Permission WIPEOUT = null;
    Permission CANCEL = null;
}
