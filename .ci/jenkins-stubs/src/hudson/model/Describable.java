// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/model/Describable.java
// 2.479 line: getDescriptor() is abstract (it became a default method only in 2.505), so implementors must provide it
// (or extend AbstractDescribableImpl).
package hudson.model;

public interface Describable<T extends Describable<T>> {
    Descriptor<T> getDescriptor();
}
