// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/console/HyperlinkNote.java
// Real superclass is hudson.console.ConsoleNote (omitted: encode/annotate machinery).
package hudson.console;

public class HyperlinkNote {
    public HyperlinkNote(String url, int length) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    protected String extraAttributes() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static String encodeTo(String url, String text) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
