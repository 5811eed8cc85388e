package io.jenkins.plugins.awsdeploy.engine.canary;

import io.jenkins.plugins.awsdeploy.engine.aws.AwsFailure;
import io.jenkins.plugins.awsdeploy.engine.AlarmState;
import io.jenkins.plugins.awsdeploy.engine.Cause;
import io.jenkins.plugins.awsdeploy.engine.Restored;
import io.jenkins.plugins.awsdeploy.engine.DurationText;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.Reconciler;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.Story;
import io.jenkins.plugins.awsdeploy.engine.Tick;
import io.jenkins.plugins.awsdeploy.engine.analysis.MetricPort;
import io.jenkins.plugins.awsdeploy.engine.aws.AlarmPort;
import io.jenkins.plugins.awsdeploy.engine.aws.TrafficPort;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryPhase.AwaitingApproval;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryPhase.Baking;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryPhase.Finished;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryPhase.Preflight;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryPhase.Propagating;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryPhase.RollingBack;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryPhase.Shifting;
import io.jenkins.plugins.awsdeploy.engine.ownership.Ownership;
import io.jenkins.plugins.awsdeploy.engine.routing.Reading;
import io.jenkins.plugins.awsdeploy.engine.routing.Routers;
import io.jenkins.plugins.awsdeploy.engine.routing.TrafficRouter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import io.jenkins.plugins.awsdeploy.engine.ClockText;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * The canary reconciler: each call reads what it needs from AWS, decides one step, makes at most one
 * change, and returns the checkpoint to store and when to be called again. It never waits: the shell
 * owns time.
 *
 * <p>It moves traffic through the {@link TrafficRouter} its spec names. Per step the router makes three calls
 * on an ALB (the guard's read, the write, the read back); per poll two calls: one read of the split, so that
 * someone else's change is noticed at once, and one DescribeAlarms call for all alarms.
 */
public final class CanaryDeployment implements Reconciler<CanaryCheckpoint> {

    /** Attempts at restoring 100/0 before giving up and saying where traffic is. */
    static final int ROLLBACK_ATTEMPTS = 5;

    /**
     * How long a change may take to reach every name server before the step counts as failed. Route 53 says
     * "usually within 60 seconds"; a change still PENDING after this long means Route 53 itself is in trouble,
     * and a bake that cannot start must not be waited for forever.
     */
    static final Duration MAX_PROPAGATION = Duration.ofMinutes(15);

    private static final DateTimeFormatter CLOCK = ClockText.UTC;

    /** Where a canary's rollback puts all traffic. */
    private static final Restored STABLE = new Restored.BackOn("the stable side");

    private final Routers routers;
    private final AlarmWatch watch;
    private final AnalysisWatch analysis;
    private final CanaryPreflight preflight;
    private final Clock clock;

    /**
     * @param metrics the CloudWatch metrics a spec's analysis reads
     * @param clock   times each event when it is told; null tells a call's events at the time it began
     */
    public CanaryDeployment(Routers routers, AlarmPort alarms, MetricPort metrics, Ownership ownership, Clock clock) {
        this.routers = routers;
        this.watch = new AlarmWatch(alarms);
        this.analysis = new AnalysisWatch(metrics);
        this.preflight = new CanaryPreflight(watch, ownership);
        this.clock = clock;
    }

    /** A canary that reads no metrics: an analysis its spec asks for fails as unreadable. */
    public CanaryDeployment(Routers routers, AlarmPort alarms, Ownership ownership, Clock clock) {
        this(routers, alarms, MetricPort.NONE, ownership, clock);
    }

    /** A canary whose routers are the load balancer's. */
    public CanaryDeployment(TrafficPort elb, AlarmPort alarms, Ownership ownership, Clock clock) {
        this(new Routers(elb), alarms, ownership, clock);
    }

    public Tick advance(CanaryCheckpoint checkpoint, Instant now) {
        Story<CanaryCheckpoint> st = story(checkpoint, now);
        CanaryPhase phase = checkpoint.phase();
        if (phase instanceof Preflight) return preflight.run(st, router(checkpoint));
        if (phase instanceof Shifting s) return shift(st, s);
        if (phase instanceof Propagating w) return propagate(st, w);
        if (phase instanceof Baking b) return bake(st, b);
        if (phase instanceof AwaitingApproval a) return awaitApproval(st, a);
        if (phase instanceof RollingBack r) return rollBack(st, r);
        return st.done(null);
    }

    /**
     * The first call after the process restarted. Where the checkpoint says traffic is settled, AWS
     * must still show it; anything else means someone else moved it and the engine stops without
     * touching it.
     */
    public Tick resume(CanaryCheckpoint checkpoint, Instant now) {
        Story<CanaryCheckpoint> st = story(checkpoint, now);
        CanaryPhase phase = checkpoint.phase();
        if (phase instanceof Finished) return st.done(null);
        if (phase instanceof Baking || phase instanceof AwaitingApproval || phase instanceof Propagating) {
            TrafficRouter router = router(checkpoint);
            Reading found = router.read();
            if (found.is(Split.ALL_STABLE) && !checkpoint.live().equals(Split.ALL_STABLE)) {
                // What a rollback leaves: one whose checkpoints could not be stored (the loop stops and puts traffic
                // back when a store fails), or a person who restored it meanwhile. Either way nothing is left to do.
                Outcome stopped = new Outcome.Stopped(new Cause.Drift("after the restart the " + router.spec().describe()
                        + " forwards 100/0, the split this deployment would have restored, not the " + checkpoint.live()
                        + " its last stored checkpoint shows (a later checkpoint may not have been stored)"), STABLE);
                st.cp = checkpoint.with(new Finished(stopped), Split.ALL_STABLE);
                st.say(EventKind.ROLLED_BACK, stopped.message(), "");
                return st.done(null);
            }
            if (!found.is(checkpoint.live())) {
                return unsafe(st, "after the restart the " + router.spec().describe() + " forwards "
                        + found + ", not the " + checkpoint.live() + " this deployment left; someone else changed it");
            }
        }
        st.say(EventKind.RESUMED, "resumed: " + checkpoint.status(), "continue from the checkpoint");
        return st.done(now);
    }

    public Tick approve(CanaryCheckpoint checkpoint, String who, Instant now) {
        Story<CanaryCheckpoint> st = story(checkpoint, now);
        if (!(checkpoint.phase() instanceof AwaitingApproval a)) {
            st.say(EventKind.INFO, "approval by " + who + " ignored: nothing is waiting for approval", "");
            return st.done(now);
        }
        st.cp = checkpoint.with(new Shifting(a.step(), checkpoint.live()));
        st.say(EventKind.APPROVED, "approved by " + who, "shift to " + checkpoint.spec().plan().step(a.step()).percent() + "%");
        return st.done(now);
    }

    public Tick decline(CanaryCheckpoint checkpoint, String who, Instant now) {
        Story<CanaryCheckpoint> st = story(checkpoint, now);
        if (!(checkpoint.phase() instanceof AwaitingApproval)) {
            st.say(EventKind.INFO, "decline by " + who + " ignored: nothing is waiting for approval", "");
            return st.done(now);
        }
        st.cp = checkpoint.with(new RollingBack(new Cause.Declined(who), true, null, 0));
        st.say(EventKind.DECLINED, "declined by " + who, "put all traffic back on the stable side");
        return st.done(now);
    }

    /** Stops the deployment at any moment: before any change it just ends, otherwise it rolls back. */
    public Tick abort(CanaryCheckpoint checkpoint, String why, Instant now) {
        Story<CanaryCheckpoint> st = story(checkpoint, now);
        CanaryPhase phase = checkpoint.phase();
        if (phase instanceof Finished || phase instanceof RollingBack) {
            return st.done(phase instanceof Finished ? null : now);
        }
        if (phase instanceof Preflight) {
            Outcome stopped = new Outcome.Stopped(new Cause.Aborted(why), new Restored.Untouched());
            st.cp = checkpoint.with(new Finished(stopped));
            st.say(EventKind.ABORT_REQUESTED, stopped.message(), "");
            return st.done(null);
        }
        Split inFlight = phase instanceof Shifting s ? checkpoint.spec().plan().step(s.step()).split() : null;
        st.cp = checkpoint.with(new RollingBack(new Cause.Aborted(why), true, inFlight, 0));
        st.say(EventKind.ABORT_REQUESTED, why, "put all traffic back on the stable side");
        return st.done(now);
    }

    // ---- phases

    private Tick shift(Story<CanaryCheckpoint> st, Shifting s) {
        CanarySpec spec = st.cp.spec();
        TrafficRouter router = router(st.cp);
        Split target = spec.plan().step(s.step()).split();
        // An approval comes whenever a person answers, up to a whole poll after the last read of the alarms: read
        // them once more, so that it never moves traffic onto a side whose alarm went off meanwhile. (A step without
        // approval follows the bake's poll in the same tick.)
        if (spec.plan().step(s.step()).approvalFirst() && !pollAlarms(st)) return st.done(st.now);
        Reading before;
        try {
            before = router.write(s.from(), target);
        } catch (RuntimeException e) {
            // The write may have landed before the failure: the rollback accepts either split as its own.
            return startRollback(st, new Cause.CallFailed("could not shift to " + target + ": " + AwsFailure.describe(e)), target);
        }
        if (!before.is(s.from()) && !before.is(target)) {
            return unsafe(st, "the weights were changed by someone else: expected " + s.from() + " (stable/new), found "
                    + before + "; left them untouched");
        }
        if (before.change() != null) {
            // Accepted, and read back only once in sync: the bake must not start while some name servers still
            // answer with the old split. The change id is stored, so a restart goes on waiting for the same change.
            st.cp = st.cp.with(new Propagating(s.step(), before.change(), st.now), target);
            String how = before.is(target) ? "found " + target + " already written (before a restart whose checkpoint was"
                    + " lost) and wrote it again" : "shifted to " + target.canary() + "% on the new side (" + target + ")";
            st.say(EventKind.SHIFTED, how + " as change " + before.change(), "wait until the change is in sync (INSYNC), then read back and "
                    + CanaryMessages.bakeNext(spec, s.step()));
            return st.done(Tick.wake(st.now, spec.poll(), st.now.plus(MAX_PROPAGATION)));
        }
        if (!before.is(target)) {
            Reading after;
            try {
                after = router.read();
            } catch (RuntimeException e) {
                return startRollback(st, new Cause.CallFailed("could not read back the shift to " + target + ": "
                        + AwsFailure.describe(e)), target);
            }
            if (!after.is(target)) {
                return unsafe(st, "wrote " + target + " but AWS reports " + after + "; someone else is changing this "
                        + router.spec().describe());
            }
        }
        CanaryStep step = spec.plan().step(s.step());
        st.cp = st.cp.with(new Baking(s.step(), st.now.plus(step.bake())), target);
        AnalysisWatch.shifted(st, target);
        st.say(EventKind.SHIFTED, "shifted to " + target.canary() + "% on the new side (" + target + "), read back",
                CanaryMessages.bakeNext(spec, s.step()));
        return st.done(Tick.wake(st.now, spec.poll(), st.now.plus(step.bake())));
    }

    /** Waits for a shift's change to be in sync, watching alarms and the split meanwhile; then the bake starts. */
    private Tick propagate(Story<CanaryCheckpoint> st, Propagating w) {
        CanarySpec spec = st.cp.spec();
        TrafficRouter router = router(st.cp);
        Optional<Tick> drifted = drifted(st);
        if (drifted.isPresent()) return drifted.get();
        if (!pollAlarms(st)) return st.done(st.now);
        Split target = spec.plan().step(w.step()).split();
        boolean inSync;
        try {
            inSync = router.inSync(w.change());
        } catch (RuntimeException e) {
            return startRollback(st, new Cause.CallFailed("could not learn whether change " + w.change() + " is in sync: "
                    + AwsFailure.describe(e)), null);
        }
        Instant deadline = w.since().plus(MAX_PROPAGATION);
        if (!inSync) {
            if (st.now.isBefore(deadline)) return st.done(Tick.wake(st.now, spec.poll(), deadline));
            return startRollback(st, new Cause.Other("change " + w.change() + " was still not in sync (PENDING) after "
                    + DurationText.format(MAX_PROPAGATION)), null);
        }
        Reading after;
        try {
            after = router.read();
        } catch (RuntimeException e) {
            return startRollback(st, new Cause.CallFailed("could not read back the shift to " + target + ": "
                    + AwsFailure.describe(e)), null);
        }
        if (!after.is(target)) {
            return unsafe(st, "wrote " + target + " but AWS reports " + after + "; someone else is changing the "
                    + router.spec().describe());
        }
        CanaryStep step = spec.plan().step(w.step());
        st.cp = st.cp.with(new Baking(w.step(), st.now.plus(step.bake())));
        st.say(EventKind.INSYNC, "change " + w.change() + " is in sync after " + DurationText.format(Duration.between(w.since(),
                st.now)) + ", read back " + target, CanaryMessages.bakeNext(spec, w.step()));
        return st.done(Tick.wake(st.now, spec.poll(), st.now.plus(step.bake())));
    }

    private Tick bake(Story<CanaryCheckpoint> st, Baking b) {
        CanarySpec spec = st.cp.spec();
        Optional<Tick> drifted = drifted(st);
        if (drifted.isPresent()) return drifted.get();
        if (!pollAlarms(st) || !analysis.poll(st)) {
            return st.done(st.now);
        }
        if (st.now.isBefore(b.until())) {
            return st.done(Tick.wake(st.now, spec.poll(), b.until()));
        }
        AnalysisWatch.Gate gate = AnalysisWatch.gate(st.cp, b, st.now);
        if (gate instanceof AnalysisWatch.Gate.Wait w) {
            CanaryMessages.waitingForAnalysis(st, w);
            return st.done(Tick.wake(st.now, spec.poll(), w.deadline()));
        }
        if (gate instanceof AnalysisWatch.Gate.Fail f) {
            return startRollback(st, f.cause(), null);
        }
        if (((AnalysisWatch.Gate.Open) gate).warning() != null) {
            st.say(EventKind.INFO, ((AnalysisWatch.Gate.Open) gate).warning(), "");
        }
        if (spec.plan().isLast(b.step())) {
            String message = "all traffic is on the new side (" + st.cp.live() + ")" + CanaryMessages.stepsMade(st.cp)
                    + (spec.alarms().isEmpty() ? "" : "; alarms stayed OK") + CanaryMessages.analysisPassed(st.cp);
            st.cp = st.cp.with(new Finished(new Outcome.Succeeded(message)));
            st.say(EventKind.SUCCEEDED, message, "");
            return st.done(null);
        }
        return enter(st, b.step() + 1);
    }

    private Tick awaitApproval(Story<CanaryCheckpoint> st, AwaitingApproval a) {
        CanarySpec spec = st.cp.spec();
        Optional<Tick> drifted = drifted(st);
        if (drifted.isPresent()) return drifted.get();
        if (!pollAlarms(st) || !analysis.poll(st)) {
            return st.done(st.now);
        }
        if (spec.approvalTimeout() != null) {
            Instant deadline = a.since().plus(spec.approvalTimeout());
            if (!st.now.isBefore(deadline)) {
                Cause cause = new Cause.NoApproval(spec.approvalTimeout());
                st.cp = st.cp.with(new RollingBack(cause, true, null, 0));
                st.say(EventKind.ROLLBACK_STARTED, cause.text() + "; the approval is closed", "put all traffic back on the stable side");
                return st.done(st.now);
            }
            return st.done(Tick.wake(st.now, spec.poll(), deadline));
        }
        return st.done(st.now.plus(spec.poll()));
    }

    private Tick rollBack(Story<CanaryCheckpoint> st, RollingBack r) {
        CanarySpec spec = st.cp.spec();
        String change = null;
        try {
            TrafficRouter router = router(st.cp);
            Reading before = router.write(st.cp.live(), Split.ALL_STABLE);
            change = before.change();
            if (!before.is(Split.ALL_STABLE)) {
                if (!before.is(st.cp.live())) {
                    if (r.inFlight() == null || !before.is(r.inFlight())) {
                        return unsafe(st, "while rolling back (" + r.cause().text() + ") the weights were found changed by someone "
                                + "else: " + before + " instead of " + st.cp.live() + "; left them untouched");
                    }
                    // A shift that landed although its call failed: this deployment's own split, guarded as such.
                    before = router.write(r.inFlight(), Split.ALL_STABLE);
                    change = before.change();
                    if (!before.is(r.inFlight()) && !before.is(Split.ALL_STABLE)) {
                        return unsafe(st, "while rolling back (" + r.cause().text() + ") the weights were found changed by "
                                + "someone else: " + before + " instead of " + r.inFlight() + "; left them untouched");
                    }
                }
                Reading after = router.read();
                if (!after.is(Split.ALL_STABLE)) {
                    return unsafe(st, "wrote 100/0 to roll back (" + r.cause().text() + ") but AWS reports " + after);
                }
            }
        } catch (RuntimeException e) {
            int attempts = r.attempts() + 1;
            if (attempts >= ROLLBACK_ATTEMPTS) {
                return unsafe(st, "could not roll back (" + r.cause().text() + ") after " + attempts + " attempts: " + AwsFailure.describe(e));
            }
            Duration backoff = Duration.ofSeconds(Math.min(30, 1L << attempts));
            st.cp = st.cp.with(new RollingBack(r.cause(), r.byPerson(), r.inFlight(), attempts));
            st.say(EventKind.INFO, "rollback attempt " + attempts + " failed: " + AwsFailure.describe(e),
                    "try again in " + DurationText.format(backoff));
            return st.done(st.now.plus(backoff));
        }
        // Rolling back does not wait for a propagating change (waiting would only delay telling people), so with one
        // it says what is true: 100/0 is written and read back, the name servers follow within about a minute.
        String propagating = change == null ? null : "written 100/0 (all traffic to the stable side) as change " + change
                + ", read back from Route 53; propagating to the name servers, usually within a minute (until then some"
                + " still answer with the previous split)";
        Restored restored = propagating == null ? STABLE : new Restored.AsFound(propagating);
        Outcome outcome = r.byPerson() ? new Outcome.Stopped(r.cause(), restored) : new Outcome.RolledBack(r.cause(), restored);
        st.cp = st.cp.with(new Finished(outcome), Split.ALL_STABLE);
        st.say(EventKind.ROLLED_BACK, propagating == null ? "all traffic is back on the stable side (100/0), read back"
                : propagating, "");
        return st.done(null);
    }

    // ---- pieces

    /** Enters step {@code index}: straight to shifting, or first to an approval. */
    static Tick enter(Story<CanaryCheckpoint> st, int index) {
        CanarySpec spec = st.cp.spec();
        CanaryStep step = spec.plan().step(index);
        if (step.approvalFirst()) {
            st.cp = st.cp.with(new AwaitingApproval(index, st.now));
            String deadline = spec.approvalTimeout() == null ? ""
                    : " (rolls back at " + CLOCK.format(st.now.plus(spec.approvalTimeout())) + " without an answer)";
            st.say(EventKind.APPROVAL_REQUESTED, "waiting for approval to shift to " + step.percent() + "%" + deadline,
                    "on approval shift to " + step.percent() + "%; alarms are watched meanwhile");
            return st.done(st.now.plus(spec.poll()));
        }
        st.cp = st.cp.with(new Shifting(index, st.cp.live()));
        return st.done(st.now);
    }

    /**
     * Reads the weights at a poll: present, having stopped the deployment, when they are not the split
     * this deployment left. Someone else's change is noticed within one poll, not at the next step.
     */
    private Optional<Tick> drifted(Story<CanaryCheckpoint> st) {
        TrafficRouter router = router(st.cp);
        Reading now;
        try {
            now = router.read();
        } catch (RuntimeException e) {
            return Optional.of(startRollback(st, new Cause.CallFailed("could not read the " + router.spec().describe()
                    + " while watching it: " + AwsFailure.describe(e)), null));
        }
        if (now.is(st.cp.live())) return Optional.empty();
        return Optional.of(unsafe(st, "the weights were changed by someone else: expected " + st.cp.live()
                + " (stable/new), found " + now + "; left them untouched"));
    }

    /** Reads every alarm once. Returns false, having started the rollback, if one is failing. */
    private boolean pollAlarms(Story<CanaryCheckpoint> st) {
        CanarySpec spec = st.cp.spec();
        if (spec.alarms().isEmpty()) return true;
        AlarmWatch.Poll poll = watch.poll(spec.alarms(), st.cp.transitions());
        Map<String, AlarmState> was = st.cp.alarms();
        st.cp = st.cp.withAlarms(poll.states(), poll.transitions());
        if (!poll.states().equals(was)) {
            st.say(EventKind.ALARM_CHANGED, poll.changesSince(was), poll.failing().isPresent() ? "roll back" : "keep baking");
        }
        if (poll.failing().isEmpty()) return true;
        Cause cause = poll.failing().get();
        boolean closesApproval = st.cp.approval().isPresent();
        st.cp = st.cp.with(new RollingBack(cause, false, null, 0));
        st.say(EventKind.ROLLBACK_STARTED, cause.text() + (closesApproval ? "; the approval is closed" : ""),
                "put all traffic back on the stable side at once, skipping the remaining steps");
        return false;
    }

    private Tick unsafe(Story<CanaryCheckpoint> st, String what) {
        TrafficRouter router = router(st.cp);
        Outcome unsafe = CanaryMessages.unsafe(router, what);
        st.cp = st.cp.with(new Finished(unsafe));
        st.say(EventKind.FAILED, unsafe.message(), "a person must check the " + router.spec().describe());
        return st.done(null);
    }

    private Tick startRollback(Story<CanaryCheckpoint> st, Cause cause, Split inFlight) {
        st.cp = st.cp.with(new RollingBack(cause, false, inFlight, 0));
        st.say(EventKind.ROLLBACK_STARTED, cause.text(), "put all traffic back on the stable side");
        return st.done(st.now);
    }

    private TrafficRouter router(CanaryCheckpoint cp) {
        return routers.open(cp.spec().router());
    }

    /** Each event of a canary carries where traffic is and what the alarms say. */
    private Story<CanaryCheckpoint> story(CanaryCheckpoint cp, Instant now) {
        return new Story<>(cp, now, clock, CanaryCheckpoint::live, CanaryCheckpoint::alarms, CanaryCheckpoint::withHistory);
    }
}
