// Stand-in for: jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/HttpResponse.java (Jakarta EE 9 line)
// Omitted: the deprecated javax.servlet overload generateResponse(StaplerRequest, StaplerResponse, Object).
package org.kohsuke.stapler;

import jakarta.servlet.ServletException;
import java.io.IOException;

public interface HttpResponse {
    default void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node)
            throws IOException, ServletException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
