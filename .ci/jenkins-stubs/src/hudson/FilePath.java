// Stand-in for: jenkinsci/jenkins core/src/main/java/hudson/FilePath.java
// Only the members listed here (no file operations besides act/actAsync/child/getParent).
package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Computer;
import hudson.remoting.Callable;
import hudson.remoting.Future;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import org.jenkinsci.remoting.RoleSensitive;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

public final class FilePath implements SerializableOnlyOverRemoting {
    public FilePath(@NonNull File localPath) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public FilePath(@CheckForNull VirtualChannel channel, @NonNull String remote) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public FilePath(@NonNull FilePath base, @NonNull String rel) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public interface FileCallable<T> extends Serializable, RoleSensitive {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }

    public String getRemote() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean isRemote() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public VirtualChannel getChannel() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public @CheckForNull Computer toComputer() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public @NonNull FilePath child(String relOrAbsolute) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @CheckForNull
    public FilePath getParent() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public <T> T act(final FileCallable<T> callable) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public <T> Future<T> actAsync(final FileCallable<T> callable) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public <V, E extends Throwable> V act(Callable<V, E> callable) throws IOException, InterruptedException, E {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
