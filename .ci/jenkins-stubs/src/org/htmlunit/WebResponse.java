// Stand-in for: HtmlUnit/htmlunit src/main/java/org/htmlunit/WebResponse.java
// Only the status, content type and content accessors; constructors (WebResponseData) and the rest omitted.
package org.htmlunit;

import java.io.Serializable;

public class WebResponse implements Serializable {
    private WebResponse() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public WebRequest getWebRequest() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getResponseHeaderValue(final String headerName) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public int getStatusCode() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getContentType() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getContentAsString() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
