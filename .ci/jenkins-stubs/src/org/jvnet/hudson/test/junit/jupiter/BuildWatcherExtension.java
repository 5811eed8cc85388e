// Stand-in for: jenkinsci/jenkins-test-harness src/main/java/org/jvnet/hudson/test/junit/jupiter/BuildWatcherExtension.java
// Omitted: the nested @Extension RunListener.
package org.jvnet.hudson.test.junit.jupiter;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

public final class BuildWatcherExtension implements BeforeAllCallback, AfterAllCallback {
    public BuildWatcherExtension() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public void beforeAll(ExtensionContext extensionContext) throws Exception {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public void afterAll(ExtensionContext extensionContext) throws Exception {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
