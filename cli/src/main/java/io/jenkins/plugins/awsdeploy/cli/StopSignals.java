package io.jenkins.plugins.awsdeploy.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into a request to stop, so that the deployment rolls back and the command
 * exits 4. A signal handler is used rather than a shutdown hook because, once the JVM starts shutting down,
 * the deployment's threads can be cut off halfway through the rollback. Where the JVM does not allow signal
 * handlers (e.g. {@code -Xrs}), a shutdown hook is the fallback: it stops the deployment and holds the exit
 * until the rollback has ended or {@link #HOOK_PATIENCE_SECONDS} have passed.
 */
final class StopSignals implements AutoCloseable {

    static final long HOOK_PATIENCE_SECONDS = 120;

    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();
    private Thread hook;

    private StopSignals() {
    }

    /**
     * @param stop     called with the reason, once per signal; must not block
     * @param finished completes when the deployment has ended, so that the fallback hook knows when to let go
     */
    static StopSignals install(Consumer<String> stop, CompletableFuture<?> finished) {
        StopSignals s = new StopSignals();
        boolean allHandled = s.handle("INT", "interrupted (Ctrl-C)", stop) & s.handle("TERM", "terminated (SIGTERM)", stop);
        if (!allHandled) {
            s.hook = new Thread(() -> {
                stop.accept("the JVM is shutting down");
                try {
                    finished.get(HOOK_PATIENCE_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                    // Nothing more can be done from a dying JVM; the state file says where the deployment was.
                }
            }, "aws-deploy-stop");
            Runtime.getRuntime().addShutdownHook(s.hook);
        }
        return s;
    }

    private boolean handle(String name, String why, Consumer<String> stop) {
        try {
            Signal signal = new Signal(name);
            SignalHandler before = Signal.handle(signal, caught -> stop.accept(why));
            signals.add(signal);
            previous.add(before);
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Gives the signals back to whoever had them, so that a command run in-process leaves the JVM as it was. */
    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running, which is what it is for
            }
        }
    }
}
