// Stand-in for: jenkinsci/jenkins core/src/main/java/jenkins/model/Jenkins.java
// Only the members listed here.
package jenkins.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.FilePath;
import hudson.model.AbstractCIBase;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.TopLevelItem;
import hudson.security.ACL;
import hudson.security.AuthorizationStrategy;
import hudson.security.Permission;
import hudson.security.SecurityRealm;
import java.io.File;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

public class Jenkins extends AbstractCIBase {
    public static final Authentication ANONYMOUS2 = standin.StandIn.value();
    public static final Permission ADMINISTER = standin.StandIn.value();
    public static final Permission MANAGE = standin.StandIn.value();
    public static final Permission READ = standin.StandIn.value();

    private Jenkins() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @CheckForNull
    public static Jenkins getInstanceOrNull() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    public static Authentication getAuthentication2() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @CheckForNull
    public <T extends Item> T getItemByFullName(@NonNull String fullName, Class<T> type) throws AccessDeniedException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public <T extends TopLevelItem> T createProject(@NonNull Class<T> type, @NonNull String name) throws IOException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public @Nullable String getRootUrl() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public <T extends Descriptor> T getDescriptorByType(Class<T> type) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public @NonNull Descriptor getDescriptorOrDie(Class<? extends Describable> type) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    // Really an override of PersistenceRoot.getRootDir() (supertype omitted here): JENKINS_HOME.
    public File getRootDir() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean isUseSecurity() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public SecurityRealm getSecurityRealm() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void setSecurityRealm(@CheckForNull SecurityRealm securityRealm) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void setAuthorizationStrategy(@CheckForNull AuthorizationStrategy a) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public FilePath getRootPath() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public String getFullName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public String getFullDisplayName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
