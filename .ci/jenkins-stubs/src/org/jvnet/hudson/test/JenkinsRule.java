// Stand-in for: jenkinsci/jenkins-test-harness src/main/java/org/jvnet/hudson/test/JenkinsRule.java
// JUnit 4 supertypes (TestRule, MethodRule, RootAction) omitted; with JUnit 5 the rule is injected by @WithJenkins.
// WebClient: only the members listed (login, goTo, assertFails, crumbs, failing-status switch, loadWebResponse).
// Omitted: buildAndAssertSuccess (ParameterizedJobMixIn generics), label/env agent overloads.
package org.jvnet.hudson.test;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.TopLevelItem;
import hudson.security.SecurityRealm;
import hudson.slaves.DumbSlave;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.IOException;
import java.net.URL;
import java.util.concurrent.Future;
import jenkins.model.Jenkins;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.xml.sax.SAXException;

public class JenkinsRule {
    public Jenkins jenkins;

    public JenkinsRule() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public <T extends TopLevelItem> T createProject(Class<T> type, String name) throws IOException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    public DumbSlave createSlave() throws Exception {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    public DumbSlave createOnlineSlave() throws Exception {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public DummySecurityRealm createDummySecurityRealm() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static class DummySecurityRealm extends SecurityRealm {
        DummySecurityRealm() {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public void addGroups(String username, String... groups) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }
    }

    public <R extends Run> R assertBuildStatus(Result status, R r) throws Exception {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public <R extends Run> R assertBuildStatus(Result status, Future<? extends R> r) throws Exception {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public <R extends Run> R assertBuildStatusSuccess(R r) throws Exception {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public <R extends Run> R assertBuildStatusSuccess(Future<? extends R> r) throws Exception {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void assertLogContains(String substring, Run run) throws IOException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void assertLogNotContains(String substring, Run run) throws IOException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static String getLog(Run run) throws IOException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public <R extends Run<?, ?>> R waitForCompletion(R r) throws InterruptedException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public <R extends Run<?, ?>> R waitForMessage(String message, R r) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public TaskListener createTaskListener() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public WebClient createWebClient() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public class WebClient extends org.htmlunit.WebClient {
        public WebClient() {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        @Override
        public WebResponse loadWebResponse(final WebRequest webRequest) throws IOException {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public WebClient login(String username, String password) throws Exception {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public WebClient login(String username) throws Exception {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public void setThrowExceptionOnFailingStatusCode(boolean enabled) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public WebClient withThrowExceptionOnFailingStatusCode(boolean enabled) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public Page goTo(String relative, @CheckForNull String expectedContentType) throws IOException, SAXException {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public void assertFails(String url, int statusCode) throws Exception {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public String getContextPath() throws IOException {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public WebRequest addCrumb(WebRequest req) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public URL createCrumbedUrl(String relativePath) throws IOException {
            throw new UnsupportedOperationException("compile-only stand-in");
        }
    }
}
