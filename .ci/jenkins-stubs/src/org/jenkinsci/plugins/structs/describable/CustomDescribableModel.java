// Stand-in for: jenkinsci/structs-plugin src/main/java/org/jenkinsci/plugins/structs/describable/CustomDescribableModel.java
// Only customInstantiate; customUninstantiate (UninstantiatedDescribable) and the static of(Class) are omitted.
package org.jenkinsci.plugins.structs.describable;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.Map;

public interface CustomDescribableModel {
    default @NonNull Map<String, Object> customInstantiate(@NonNull Map<String, Object> arguments) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
