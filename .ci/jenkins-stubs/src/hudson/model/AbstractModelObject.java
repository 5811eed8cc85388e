// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/model/AbstractModelObject.java
// Real supertype is SearchableModelObject (extends ModelObject); the search API is omitted.
package hudson.model;

public abstract class AbstractModelObject implements ModelObject {
}
