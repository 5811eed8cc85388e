// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/model/Result.java
// Omitted: CustomExportedBean supertype, the BallColor field 'color', XStream converter, init().
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

public final class Result implements Serializable {
    @NonNull public static final Result SUCCESS = standin.StandIn.value();
    @NonNull public static final Result UNSTABLE = standin.StandIn.value();
    @NonNull public static final Result FAILURE = standin.StandIn.value();
    @NonNull public static final Result NOT_BUILT = standin.StandIn.value();
    @NonNull public static final Result ABORTED = standin.StandIn.value();

    public final int ordinal;
    public final boolean completeBuild;

    private Result() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    public Result combine(@NonNull Result that) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static Result combine(Result r1, Result r2) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean isWorseThan(@NonNull Result that) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean isWorseOrEqualTo(@NonNull Result that) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean isBetterThan(@NonNull Result that) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean isBetterOrEqualTo(@NonNull Result that) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean isCompleteBuild() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    @Override
    public String toString() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull
    public static Result fromString(@NonNull String s) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
