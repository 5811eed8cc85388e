// Stand-in for: jenkinsci/remoting src/main/java/hudson/remoting/VirtualChannel.java
package hudson.remoting;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import java.io.IOException;

public interface VirtualChannel {
    <V, T extends Throwable> V call(Callable<V, T> callable) throws IOException, T, InterruptedException;

    <V, T extends Throwable> Future<V> callAsync(Callable<V, T> callable) throws IOException;

    void close() throws IOException;

    void join() throws InterruptedException;

    void join(long timeout) throws InterruptedException;

    @Nullable
    <T> T export(Class<T> type, @CheckForNull T instance);

    void syncLocalIO() throws InterruptedException;
}
