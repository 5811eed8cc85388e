package io.jenkins.plugins.awsdeploy.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs {@code aws-deploy} in this JVM with captured output, as a person would type it. */
final class CommandLineRun {

    record Result(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private CommandLineRun() {
    }

    /** With no terminal and no AWS variables in the environment. */
    static Result run(String... args) {
        return run(null, Map.of(), args);
    }

    static Result run(Terminal terminal, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AwsDeploy.execute(new Host(new PrintWriter(out, true), new PrintWriter(err, true), terminal, env), args);
        return new Result(exit, out.toString(), err.toString());
    }

    /**
     * Starts the command on a thread of its own, so that the test can wait for a line and then act on moto where
     * moto does not act by itself (ECS rolling a deployment out), as the real service would meanwhile.
     */
    static Background start(String... args) {
        return new Background(args);
    }

    /** A command running in the background; its output can be waited for while it runs. */
    static final class Background {
        private final Transcript out = new Transcript();
        private final Transcript err = new Transcript();
        private final CompletableFuture<Integer> exit;

        private Background(String[] args) {
            Host host = new Host(new PrintWriter(out, true), new PrintWriter(err, true), null, Map.of());
            exit = CompletableFuture.supplyAsync(() -> AwsDeploy.execute(host, args), runnable -> {
                Thread t = new Thread(runnable, "aws-deploy-under-test");
                t.setDaemon(true);
                t.start();
            });
        }

        /** Blocks until stdout holds {@code fragment}; fails with what was printed if it never does. */
        void awaitOut(String fragment) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            synchronized (out) {
                while (!out.text().contains(fragment)) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0 || exit.isDone()) {
                        throw new AssertionError("never printed '" + fragment + "':\n" + out.text() + "--- stderr\n" + err.text());
                    }
                    try {
                        out.wait(Math.min(left, 200));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new AssertionError(e);
                    }
                }
            }
        }

        Result result() {
            try {
                int code = exit.get(90, TimeUnit.SECONDS);
                return new Result(code, out.text(), err.text());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            } catch (ExecutionException | TimeoutException e) {
                throw new AssertionError("the command did not end: " + e + "\n" + out.text() + "--- stderr\n" + err.text(), e);
            }
        }
    }

    /** A writer whose text so far can be read, and waited on, while the command still writes to it. */
    private static final class Transcript extends Writer {
        private final StringBuilder text = new StringBuilder();

        @Override
        public void write(char[] chars, int offset, int length) {
            synchronized (this) {
                text.append(chars, offset, length);
                notifyAll();
            }
        }

        synchronized String text() {
            return text.toString();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
