// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/ExtensionPoint.java
// Omitted: nested annotation LegacyInstancesAreScopedToHudson.
package hudson;

public interface ExtensionPoint {
}
