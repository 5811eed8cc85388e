// Stand-in for: jenkinsci/configuration-as-code-plugin plugin/src/main/java/io/jenkins/plugins/casc/ConfigurationAsCode.java
// Test use only (the round-trip test re-applies an exported YAML file). Real supertype ManagementLink omitted; only get()
// and configure(String...) are listed (export, check and the web methods are omitted).
package io.jenkins.plugins.casc;

public class ConfigurationAsCode {
    private ConfigurationAsCode() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static ConfigurationAsCode get() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void configure(String... configParameters) throws ConfiguratorException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
