package io.jenkins.plugins.awsdeploy.engine.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when a test moves it. */
public final class VirtualClock extends Clock {

    private Instant now;

    public VirtualClock(Instant start) {
        this.now = start;
    }

    public VirtualClock() {
        this(Instant.parse("2026-11-21T12:00:00Z"));
    }

    public synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    public synchronized void set(Instant t) {
        if (t.isAfter(now)) now = t;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
