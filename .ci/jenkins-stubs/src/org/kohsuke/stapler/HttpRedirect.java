// Stand-in for: jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/HttpRedirect.java
package org.kohsuke.stapler;

import edu.umd.cs.findbugs.annotations.NonNull;

public final class HttpRedirect extends RuntimeException implements HttpResponse {
    public HttpRedirect(@NonNull String url) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public HttpRedirect(int statusCode, @NonNull String url) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
