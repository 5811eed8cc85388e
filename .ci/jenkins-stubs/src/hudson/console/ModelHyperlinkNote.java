// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/console/ModelHyperlinkNote.java
// Omitted: encodeTo(Label).
package hudson.console;

import hudson.model.Item;
import hudson.model.Node;
import hudson.model.Run;
import hudson.model.User;

public class ModelHyperlinkNote extends HyperlinkNote {
    public ModelHyperlinkNote(String url, int length) {
        super(url, length);
    }

    @Override
    protected String extraAttributes() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static String encodeTo(User u) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static String encodeTo(User u, String text) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static String encodeTo(Item item) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static String encodeTo(Item item, String text) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static String encodeTo(Run r) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static String encodeTo(Node node) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static String encodeTo(String url, String text) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
