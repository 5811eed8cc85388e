// Stand-in for: jenkinsci/remoting src/main/java/org/jenkinsci/remoting/SerializableOnlyOverRemoting.java
// Marker interface; its helper default methods (need Channel) are omitted.
package org.jenkinsci.remoting;

import java.io.Serializable;

public interface SerializableOnlyOverRemoting extends Serializable {
}
