package io.jenkins.plugins.awsdeploy.cli;

import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.DeploymentLoop;
import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Progress;
import io.jenkins.plugins.awsdeploy.engine.TickTimer;
import io.jenkins.plugins.awsdeploy.engine.timeline.TimelineChart;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One deployment driven to its end in this process: the engine's loop on a timer thread, every checkpoint
 * saved, every event printed, questions answered, Ctrl-C and SIGTERM turned into a rollback.
 */
final class Run {

    private final Engine engine;
    private final Console console;
    private final StateFile stateFile;
    private final Approvals approvals;
    private final StopWords stopWords;
    private Consumer<DeploymentEvent> watcher = e -> { };
    private volatile DeploymentLoop loop;
    private volatile Checkpoint last;
    private volatile Checkpoint initial;
    /** The loop's timer and clock when not the run's own scheduler and the system clock (tests on virtual time). */
    private TickTimer loopTimer;
    private Clock clock = Clock.systemUTC();

    /**
     * @param stateFile   null to keep no state file
     * @param terminal    who to ask when the deployment waits for a person; null if nobody can be asked
     * @param autoApprove approve every question at once
     * @param stopWords   what a stop does to this kind of deployment
     */
    Run(Engine engine, Console console, Path stateFile, Terminal terminal, boolean autoApprove, StopWords stopWords) {
        this.engine = engine;
        this.stopWords = stopWords;
        this.console = console;
        this.stateFile = stateFile == null ? null : new StateFile(stateFile);
        this.approvals = new Approvals(terminal, autoApprove, console);
    }

    /** Also shows each event to {@code watcher}, on the deployment's thread (the demo raises its alarm this way). */
    Run watching(Consumer<DeploymentEvent> eventWatcher) {
        this.watcher = eventWatcher;
        return this;
    }

    /** Drives the deployment's calls on {@code timer} and {@code clock}: minutes of backoff in no time, in tests. */
    Run on(TickTimer timer, Clock time) {
        this.loopTimer = timer;
        this.clock = time;
        return this;
    }

    /**
     * Runs the deployment to its end and returns how it ended.
     *
     * @param resumed the checkpoint comes from a state file: the engine first checks that AWS still looks the
     *                way the checkpoint left it
     */
    Outcome execute(Checkpoint initial, boolean resumed) {
        this.initial = initial;
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "aws-deploy-loop");
            // The main thread owns the exit; a timer thread must never hold the JVM open.
            t.setDaemon(true);
            return t;
        });
        AtomicInteger stops = new AtomicInteger();
        // Blue/green passes two preflights (its own, then the switch's): the hint is said once per run.
        AtomicBoolean hinted = new AtomicBoolean();
        loop = new DeploymentLoop(engine, loopTimer != null ? loopTimer : TickTimer.of(timer), clock, new DeploymentLoop.Listener() {
            @Override
            public void event(DeploymentEvent event) {
                console.event(event);
                if ((event.kind() == EventKind.PREFLIGHT_PASSED || event.kind() == EventKind.RESUMED)
                        && hinted.compareAndSet(false, true)) {
                    // Said once something can change: before that, Ctrl-C just ends the command.
                    console.note(stopWords.hint());
                }
                try {
                    watcher.accept(event);
                } catch (RuntimeException e) {
                    console.warn("could not react to the event: " + e.getMessage());
                }
            }

            @Override
            public void save(Checkpoint checkpoint) {
                last = checkpoint;
                if (stateFile != null) stateFile.save(checkpoint);
                // The loop prints a tick's events after saving its checkpoint: taking the question up on the
                // timer's next turn keeps the prompt (or "question closed") after the events that explain it.
                timer.execute(() -> approvals.offer(checkpoint, loop));
                timer.execute(Run.this::showProgress);
            }
        });
        StopSignals signals = StopSignals.install(why -> stop(why, stops.incrementAndGet()), loop.outcome());
        // Where the deployment stands, each second between the ticks: a live line's countdown, or a heartbeat when due.
        timer.scheduleAtFixedRate(this::showProgress, 1, 1, TimeUnit.SECONDS);
        try {
            return loop.start(initial, resumed).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Failed("interrupted while the deployment was " + loop.checkpoint().status());
        } catch (ExecutionException e) {
            return new Outcome.Failed("the deployment loop failed: " + e.getCause());
        } finally {
            signals.close();
            timer.shutdownNow();
            console.endProgress();
        }
    }

    /** On the timer's thread, like the ticks, so that it reads a checkpoint no tick is changing. */
    private void showProgress() {
        Checkpoint c = loop.checkpoint();
        if (c == null || c.finished()) return;
        try {
            console.progress(Progress.of(c, Instant.now()));
        } catch (RuntimeException e) {
            // Showing progress must never stop a deployment; the next second tries again.
        }
    }

    /** The last checkpoint stored, e.g. to draw the timeline; null if the deployment never got to one. */
    Checkpoint lastCheckpoint() {
        return last;
    }

    /** Draws the timeline; a failure is reported but does not change how the deployment ended. */
    void writeTimeline(Path file, String title) {
        if (file == null || last == null) return;
        try {
            TimelineChart.write(file, title, last.history(), null);
            console.note("Timeline: " + file.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            console.warn("could not write the timeline " + file + ": " + e.getMessage());
        }
    }

    private void stop(String why, int count) {
        if (count == 1) {
            Checkpoint seen = last == null ? initial : last;
            // Before the first stored checkpoint, or while only checking, there is nothing to put back.
            boolean untouched = seen.beforeAnyChange();
            console.note(why + ": " + (untouched ? "stopping; nothing was changed in AWS, so there is nothing to roll back."
                    : stopWords.first()));
            loop.abort(why);
        } else {
            console.note(why + " again: " + stopWords.again());
        }
    }
}
