package io.jenkins.plugins.awsdeploy.engine;

import io.jenkins.plugins.awsdeploy.engine.analysis.Judgement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The events of one reconciler call, each carrying the split and alarm states as they stand in the checkpoint
 * when it is told; {@link #done} appends them all to the checkpoint's history.
 *
 * <p>A story lives for one call on one thread, which is why its checkpoint is a plain field.
 *
 * @param <C> the strategy's checkpoint
 */
public final class Story<C extends Checkpoint> {

    /** The time of the call: every decision of it is taken as of this instant. */
    public final Instant now;
    /** The checkpoint as the call has moved it so far. */
    public C cp;
    private final Function<C, Split> split;
    private final Function<C, Map<String, AlarmState>> alarms;
    private final BiFunction<C, List<DeploymentEvent>, C> withHistory;
    private final List<DeploymentEvent> events = new ArrayList<>();
    private final Clock clock;
    private final Instant clockAtStart;

    /**
     * @param split       where traffic is, for each event; a strategy that moves no traffic gives null
     * @param alarms      the alarm states, for each event; a strategy that reads no alarms gives none
     * @param withHistory the checkpoint with its history replaced
     */
    public Story(C cp, Instant now, Function<C, Split> split, Function<C, Map<String, AlarmState>> alarms,
                 BiFunction<C, List<DeploymentEvent>, C> withHistory) {
        this(cp, now, null, split, alarms, withHistory);
    }

    /**
     * @param clock the engine's clock, to time each event when it is told (after the write was read back, when
     *              the alarm was seen) rather than when the call began; calls can take seconds each. Null to tell
     *              every event at {@code now}
     */
    public Story(C cp, Instant now, Clock clock, Function<C, Split> split, Function<C, Map<String, AlarmState>> alarms,
                 BiFunction<C, List<DeploymentEvent>, C> withHistory) {
        this.cp = cp;
        this.now = now;
        this.clock = clock;
        this.clockAtStart = clock == null ? null : clock.instant();
        this.split = split;
        this.alarms = alarms;
        this.withHistory = withHistory;
    }

    public void say(EventKind kind, String message, String next) {
        events.add(new DeploymentEvent(at(), kind, message, split.apply(cp), alarms.apply(cp), next));
    }

    /** An interval the canary analysis judged, its numbers carried by the event. */
    public void say(Judgement judgement, String message, String next) {
        events.add(new DeploymentEvent(at(), EventKind.ANALYSED, message, split.apply(cp), alarms.apply(cp), next, judgement));
    }

    /**
     * Now as the call's time plus what the clock says has passed since the call began: a shell may run a call
     * at a time of its choosing (a virtual clock in tests), and the events must stay on that time line.
     */
    private Instant at() {
        if (clock == null) return now;
        Duration passed = Duration.between(clockAtStart, clock.instant());
        return passed.isNegative() ? now : now.plus(passed);
    }

    /** An event another reconciler told (the canary inside blue/green), kept as it was. */
    public void add(DeploymentEvent event) {
        events.add(event);
    }

    public Tick done(Instant wakeAt) {
        return new Tick(events.isEmpty() ? cp : withHistory.apply(cp, history()), events, wakeAt);
    }

    private List<DeploymentEvent> history() {
        List<DeploymentEvent> all = new ArrayList<>(cp.history());
        all.addAll(events);
        return all;
    }
}
