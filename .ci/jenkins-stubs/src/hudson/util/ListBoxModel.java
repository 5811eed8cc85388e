// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/util/ListBoxModel.java
// Omitted: writeTo(...) and deprecated values().
package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.ModelObject;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

public class ListBoxModel extends ArrayList<ListBoxModel.Option> implements HttpResponse {
    public static final class Option {
        @NonNull
        public String name;
        @NonNull
        public String value;
        public boolean selected;

        public Option(@NonNull String name, @NonNull String value) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public Option(@NonNull String name) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public Option(@NonNull String name, @NonNull String value, boolean selected) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }
    }

    public ListBoxModel(int initialCapacity) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public ListBoxModel() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public ListBoxModel(Collection<Option> c) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public ListBoxModel(Option... data) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void add(@NonNull String displayName, @NonNull String value) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void add(ModelObject usedForDisplayName, @NonNull String value) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public ListBoxModel add(@NonNull String nameAndValue) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node) throws IOException, ServletException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
