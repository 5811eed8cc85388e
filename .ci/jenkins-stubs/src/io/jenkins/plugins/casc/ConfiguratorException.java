// Stand-in for: jenkinsci/configuration-as-code-plugin plugin/src/main/java/io/jenkins/plugins/casc/ConfiguratorException.java
// Omitted: the constructors taking an ElementConfigurator, getConfigurator().
package io.jenkins.plugins.casc;

import edu.umd.cs.findbugs.annotations.CheckForNull;
public class ConfiguratorException extends RuntimeException {
    public ConfiguratorException(@CheckForNull String message, @CheckForNull Throwable cause) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public ConfiguratorException(@CheckForNull String message) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public ConfiguratorException(@CheckForNull Throwable cause) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
