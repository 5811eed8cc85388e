// Stand-in for: jenkinsci/remoting src/main/java/org/jenkinsci/remoting/RoleChecker.java
// Type only: the check(...) methods need org.jenkinsci.remoting.Role and are not used by the plugin.
// The real class is abstract with a public no-arg constructor; plugins never subclass it.
package org.jenkinsci.remoting;

public abstract class RoleChecker {
}
