// Stand-in for: jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/CredentialsProvider.java
// Static lookup API only (Spring Security "...InItem" family); the provider SPI and deprecated acegi overloads are omitted.
// findCredentialById(id, type, run) with no requirements resolves to the varargs overload here and to the exact 3-arg
// overload that newer credentials releases added; both compile.
package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.Run;
import hudson.security.Permission;
import hudson.util.ListBoxModel;
import java.util.List;
import org.springframework.security.core.Authentication;

public abstract class CredentialsProvider extends Descriptor<CredentialsProvider>
        implements ExtensionPoint, Describable<CredentialsProvider> {
    public static final Permission CREATE = standin.StandIn.value();
    public static final Permission UPDATE = standin.StandIn.value();
    public static final Permission VIEW = standin.StandIn.value();
    public static final Permission DELETE = standin.StandIn.value();
    public static final Permission MANAGE_DOMAINS = standin.StandIn.value();
    public static final Permission USE_OWN = standin.StandIn.value();
    public static final Permission USE_ITEM = standin.StandIn.value();

    private CredentialsProvider() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    public static <C extends Credentials> List<C> lookupCredentialsInItem(@NonNull Class<C> type,
                                                                          @Nullable Item item,
                                                                          @Nullable Authentication authentication,
                                                                          @Nullable List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    public static <C extends IdCredentials> ListBoxModel listCredentialsInItem(@NonNull Class<C> type,
                                                                               @Nullable Item item,
                                                                               @Nullable Authentication authentication,
                                                                               @Nullable List<DomainRequirement> domainRequirements,
                                                                               @Nullable CredentialsMatcher matcher) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @CheckForNull
    public static <C extends IdCredentials> C findCredentialById(@NonNull String id, @NonNull Class<C> type,
                                                                 @NonNull Run<?, ?> run,
                                                                 DomainRequirement... domainRequirements) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @CheckForNull
    public static <C extends IdCredentials> C findCredentialById(@NonNull String id, @NonNull Class<C> type,
                                                                 @NonNull Run<?, ?> run,
                                                                 @Nullable List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @CheckForNull
    public static <C extends Credentials> C track(@NonNull Run build, @CheckForNull C credentials) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
