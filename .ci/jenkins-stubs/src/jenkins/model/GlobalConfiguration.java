// Stand-in for: jenkinsci/jenkins core/src/main/java/jenkins/model/GlobalConfiguration.java (StaplerRequest2 line)
// Omitted: deprecated configure(StaplerRequest, JSONObject).
package jenkins.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.StaplerRequest2;

public abstract class GlobalConfiguration extends Descriptor<GlobalConfiguration>
        implements ExtensionPoint, Describable<GlobalConfiguration> {
    protected GlobalConfiguration() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public final Descriptor<GlobalConfiguration> getDescriptor() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public String getGlobalConfigPage() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static @NonNull ExtensionList<GlobalConfiguration> all() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
