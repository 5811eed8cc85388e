// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/model/Descriptor.java (Jakarta EE 9 / StaplerRequest2 line)
// Omitted: Loadable/OnMaster supertypes, deprecated StaplerRequest (javax) overloads, views, property types,
// help redirects, getConfigFile (XmlFile) and static helpers.
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.security.Permission;
import jakarta.servlet.ServletException;
import java.io.IOException;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

public abstract class Descriptor<T extends Describable<T>> implements Saveable {
    public final transient Class<? extends T> clazz;

    protected Descriptor(Class<? extends T> clazz) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    protected Descriptor() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getId() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public Class<T> getT() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getDescriptorUrl() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public T newInstance(@Nullable StaplerRequest2 req, @NonNull JSONObject formData) throws FormException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getHelpFile() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getHelpFile(final String fieldName) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public final boolean isInstance(T instance) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public final boolean isSubTypeOf(Class type) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getConfigPage() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getGlobalConfigPage() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public @NonNull Permission getRequiredGlobalConfigPagePermission() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public synchronized void save() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public synchronized void load() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static final class FormException extends Exception implements HttpResponse {
        public FormException(String message, String formField) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public FormException(String message, Throwable cause, String formField) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public FormException(Throwable cause, String formField) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public String getFormField() {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        @Override
        public void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node)
                throws IOException, ServletException {
            throw new UnsupportedOperationException("compile-only stand-in");
        }
    }
}
