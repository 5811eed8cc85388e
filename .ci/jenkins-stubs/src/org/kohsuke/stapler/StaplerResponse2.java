// Stand-in for: jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/StaplerResponse2.java
// Only the members listed here.
package org.kohsuke.stapler;

import edu.umd.cs.findbugs.annotations.NonNull;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

public interface StaplerResponse2 extends HttpServletResponse {
    void forwardToPreviousPage(StaplerRequest2 request) throws ServletException, IOException;

    void sendRedirect2(@NonNull String url) throws IOException;

    void sendRedirect(int statusCore, @NonNull String url) throws IOException;
}
