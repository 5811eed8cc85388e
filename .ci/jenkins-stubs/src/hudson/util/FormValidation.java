// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/util/FormValidation.java
// Omitted: file/URL validators, markup variants other than those listed, CheckMethod.
package hudson.util;

import org.kohsuke.stapler.HttpResponse;
import java.io.IOException;

public abstract class FormValidation extends IOException implements HttpResponse {
    public enum Kind {
        OK,
        WARNING,
        ERROR
    }

    public final Kind kind;

    private FormValidation() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static FormValidation error(String message) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static FormValidation warning(String message) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static FormValidation ok(String message) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static FormValidation ok() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static FormValidation error(String format, Object... args) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static FormValidation warning(String format, Object... args) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static FormValidation ok(String format, Object... args) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static FormValidation error(Throwable e, String message) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static FormValidation warning(Throwable e, String message) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static FormValidation errorWithMarkup(String message) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static FormValidation validateNonNegativeInteger(String value) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static FormValidation validatePositiveInteger(String value) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static FormValidation validateRequired(String value) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public abstract String renderHtml();
}
