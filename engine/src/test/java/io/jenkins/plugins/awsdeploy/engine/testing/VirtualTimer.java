package io.jenkins.plugins.awsdeploy.engine.testing;

import io.jenkins.plugins.awsdeploy.engine.TickTimer;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * A {@link TickTimer} on a {@link VirtualClock}: armed tasks wait in a queue until {@link #runUntil} runs them in the
 * order they are due, moving the clock to each one's time. Minutes of backoff take no time at all.
 */
public final class VirtualTimer implements TickTimer {

    private record Entry(Instant due, long order, Runnable task, boolean[] cancelled) {
    }

    private final VirtualClock clock;
    private final PriorityQueue<Entry> queue = new PriorityQueue<>((a, b) -> a.due().equals(b.due())
            ? Long.compare(a.order(), b.order()) : a.due().compareTo(b.due()));
    private long order;

    public VirtualTimer(VirtualClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Runnable after(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        queue.add(new Entry(clock.instant().plus(delay.isNegative() ? Duration.ZERO : delay), order++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Runs due tasks until {@code done} holds or nothing is armed; at most {@code max} tasks. */
    public void runUntil(BooleanSupplier done, int max) {
        for (int i = 0; i < max && !done.getAsBoolean(); i++) {
            Entry next;
            synchronized (this) {
                next = queue.poll();
            }
            if (next == null) return;
            if (next.cancelled()[0]) continue;
            clock.set(next.due());
            next.task().run();
        }
    }
}
