// Stand-in for: jenkinsci/jenkins-test-harness src/main/java/org/jvnet/hudson/test/junit/jupiter/JenkinsSessionExtension.java
// Step's real supertype is org.jvnet.hudson.test.fixtures.JenkinsSessionFixture.Step, whose single method is
// run(JenkinsRule) throws Throwable; it is declared directly here.
package org.jvnet.hudson.test.junit.jupiter;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.File;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.jvnet.hudson.test.JenkinsRule;

public class JenkinsSessionExtension implements BeforeEachCallback, AfterEachCallback {
    public JenkinsSessionExtension() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public File getHome() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public void beforeEach(@NonNull ExtensionContext context) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public void afterEach(@NonNull ExtensionContext context) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @FunctionalInterface
    public interface Step {
        void run(JenkinsRule r) throws Throwable;
    }

    public void then(Step s) throws Throwable {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
