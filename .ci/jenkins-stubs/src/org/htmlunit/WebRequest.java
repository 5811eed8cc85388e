// Stand-in for: HtmlUnit/htmlunit src/main/java/org/htmlunit/WebRequest.java
// Only the (URL, HttpMethod) constructor and getUrl(); other constructors, headers, parameters and proxy settings
// omitted.
package org.htmlunit;

import java.io.Serializable;
import java.net.URL;

public class WebRequest implements Serializable {
    public WebRequest(final URL url, final HttpMethod submitMethod) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public URL getUrl() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
