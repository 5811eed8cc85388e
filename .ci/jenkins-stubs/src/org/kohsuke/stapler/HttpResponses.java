// Stand-in for: jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/HttpResponses.java
// Omitted: staticResource, forwardToView, redirectViaContextPath and other factories the plugin does not need.
package org.kohsuke.stapler;

public class HttpResponses {
    public abstract static class HttpResponseException extends RuntimeException implements HttpResponse {
        public HttpResponseException() {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public HttpResponseException(String message) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public HttpResponseException(String message, Throwable cause) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public HttpResponseException(Throwable cause) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }
    }

    public static HttpResponseException ok() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static HttpResponseException notFound() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static HttpResponseException forbidden() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static HttpResponseException status(int code) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static HttpResponseException error(int code, String errorMessage) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static HttpResponseException error(Throwable cause) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static HttpResponseException error(int code, Throwable cause) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static HttpResponseException errorWithoutStack(int code, String errorMessage) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static HttpRedirect redirectTo(String url) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static HttpRedirect redirectTo(int statusCode, String url) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static HttpResponse redirectToDot() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static HttpResponseException forwardToPreviousPage() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Deprecated
    public static HttpResponse html(String literalHtml) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Deprecated
    public static HttpResponse plainText(String plainText) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
