// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/model/Saveable.java
// Omitted: the NOOP constant.
package hudson.model;

import java.io.IOException;

public interface Saveable {
    void save() throws IOException;
}
