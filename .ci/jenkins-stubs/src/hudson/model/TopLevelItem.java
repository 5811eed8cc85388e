// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/model/TopLevelItem.java
// Real supertypes also include ExtensionPoint and Describable<TopLevelItem>.
package hudson.model;

public interface TopLevelItem extends Item {
}
