// Stand-in for: jenkinsci/structs-plugin src/main/java/org/jenkinsci/plugins/structs/describable/DescribableModel.java
// Test only: of(Class) and instantiate(Map, TaskListener), the path Pipeline takes for a step whose descriptor does not
// override StepDescriptor.newInstance(Map). The deprecated instantiate(Map) is omitted.
package org.jenkinsci.plugins.structs.describable;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.TaskListener;
import java.io.Serializable;
import java.util.Map;

public final class DescribableModel<T> implements Serializable {
    private DescribableModel() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static <T> DescribableModel<T> of(Class<T> clazz) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public T instantiate(Map<String, ?> arguments, @CheckForNull TaskListener listener) throws IllegalArgumentException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
