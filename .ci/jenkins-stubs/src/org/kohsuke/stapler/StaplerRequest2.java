// Stand-in for: jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/StaplerRequest2.java
// Only the members listed here; the real interface has many more (views, binding, file upload ...).
package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletRequest;
import net.sf.json.JSONObject;

public interface StaplerRequest2 extends HttpServletRequest {
    String getRestOfPath();

    String getReferer();

    <T> T findAncestorObject(Class<T> type);

    boolean hasParameter(String name);

    <T> T bindJSON(Class<T> type, JSONObject src);

    void bindJSON(Object bean, JSONObject src);
}
