// Stand-in for: HtmlUnit/htmlunit src/main/java/org/htmlunit/HttpMethod.java (HtmlUnit 3+ package, which
// jenkins-test-harness-htmlunit repackages and JenkinsRule.WebClient extends).
package org.htmlunit;

public enum HttpMethod {
    OPTIONS,
    GET,
    HEAD,
    POST,
    PUT,
    DELETE,
    TRACE,
    PATCH
}
