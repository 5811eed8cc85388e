// Stand-in for: HtmlUnit/htmlunit src/main/java/org/htmlunit/Page.java
// Only getWebResponse(); the plugin never implements Page (initialize, cleanUp, getEnclosingWindow, getUrl, isHtmlPage
// omitted).
package org.htmlunit;

import java.io.Serializable;

public interface Page extends Serializable {
    WebResponse getWebResponse();
}
