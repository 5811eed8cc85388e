// Stand-in for: HtmlUnit/htmlunit src/main/java/org/htmlunit/WebClient.java
// Only loadWebResponse (JenkinsRule.WebClient overrides it) and close(); the browser-version constructors, options,
// page loading and windows are omitted.
package org.htmlunit;

import java.io.IOException;
import java.io.Serializable;

public class WebClient implements Serializable, AutoCloseable {
    public WebClient() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public WebResponse loadWebResponse(final WebRequest webRequest) throws IOException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
