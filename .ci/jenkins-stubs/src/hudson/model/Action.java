// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/model/Action.java
// 2.479 line: all three methods abstract (getUrlName() became a default method, and menu defaults were added, only in
// later cores), so implementors must provide all three, which compiles against both lines.
package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;

public interface Action extends ModelObject {
    @CheckForNull
    String getIconFileName();

    @Override
    @CheckForNull
    String getDisplayName();

    @CheckForNull
    String getUrlName();
}
