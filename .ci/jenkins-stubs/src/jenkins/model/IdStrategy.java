// Stand-in for: jenkinsci/jenkins core/src/main/java/jenkins/model/IdStrategy.java
// Only equals(String, String) and the abstract compare; the nested CaseInsensitive/CaseSensitive strategies, keyFor,
// the filename helpers and all() are omitted.
package jenkins.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;
import java.util.Comparator;

public abstract class IdStrategy extends AbstractDescribableImpl<IdStrategy> implements ExtensionPoint, Comparator<String> {
    public static IdStrategy CASE_INSENSITIVE = standin.StandIn.value();

    public boolean equals(@NonNull String id1, @NonNull String id2) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public abstract int compare(@NonNull String id1, @NonNull String id2);
}
