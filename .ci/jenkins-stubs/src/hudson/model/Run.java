// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/model/Run.java
// Real supertypes also include PersistenceRoot, DescriptorByNameOwner, OnMaster, StaplerProxy.
// Only the members listed here (no log/artifact/env APIs).
package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;

public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>>
        extends Actionable implements ExtensionPoint, Comparable<RunT>, AccessControlled {

    public int number;

    protected Run(@NonNull JobT job) throws IOException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public void addAction(@NonNull Action a) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public int compareTo(@NonNull RunT that) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public long getQueueId() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public @CheckForNull Result getResult() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void setResult(@NonNull Result r) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    public List<BuildBadgeAction> getBadgeActions() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean isBuilding() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean isInProgress() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean isLogUpdated() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    public final Charset getCharset() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    public JobT getParent() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public final long getTimeInMillis() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public final long getStartTimeInMillis() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @CheckForNull
    public String getDescription() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getFullDisplayName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public int getNumber() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @CheckForNull
    public RunT getPreviousBuild() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @CheckForNull
    public RunT getNextBuild() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    public String getUrl() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    public String getId() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    public File getRootDir() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void save() throws IOException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    public String getExternalizableId() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @CheckForNull
    public static Run<?, ?> fromExternalizableId(String id) throws IllegalArgumentException, AccessDeniedException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static final Permission DELETE = standin.StandIn.value();
    public static final Permission UPDATE = standin.StandIn.value();
    public static final Permission ARTIFACTS = standin.StandIn.value();
}
