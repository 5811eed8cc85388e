// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/model/ItemGroup.java
// Only getFullName/getFullDisplayName/getUrl (real: extends PersistenceRoot, ModelObject; has getItems, getItem ...).
package hudson.model;

public interface ItemGroup<T extends Item> extends ModelObject {
    String getFullName();

    String getFullDisplayName();

    String getUrl();
}
