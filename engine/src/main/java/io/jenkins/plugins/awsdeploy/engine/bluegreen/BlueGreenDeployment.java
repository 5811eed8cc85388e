package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import static io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef.shortName;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWords.allOnOld;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWords.describe;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWords.liveOnNew;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWords.oldSide;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWords.switchNext;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWords.updateNext;

import io.jenkins.plugins.awsdeploy.engine.aws.AwsFailure;
import io.jenkins.plugins.awsdeploy.engine.aws.Capacity;
import io.jenkins.plugins.awsdeploy.engine.Cause;
import io.jenkins.plugins.awsdeploy.engine.Restored;
import io.jenkins.plugins.awsdeploy.engine.DurationText;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Reconciler;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.Story;
import io.jenkins.plugins.awsdeploy.engine.Tick;
import io.jenkins.plugins.awsdeploy.engine.aws.AlarmPort;
import io.jenkins.plugins.awsdeploy.engine.aws.EcsPort;
import io.jenkins.plugins.awsdeploy.engine.aws.ForwardWeights;
import io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionInfo;
import io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef;
import io.jenkins.plugins.awsdeploy.engine.aws.TrafficPort;
import io.jenkins.plugins.awsdeploy.engine.aws.TrafficTarget;
import io.jenkins.plugins.awsdeploy.engine.aws.AutoScalingPort;
import io.jenkins.plugins.awsdeploy.engine.aws.TemplateVersion;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.CreatingVersion;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.Finished;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.PointingTest;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.Preflight;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.Recording;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.Registering;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.ScaleDownWait;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.ScalingDownNew;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.ScalingDownOld;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.Switching;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.UpdatingIdle;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.WaitingForIdle;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryDeployment;
import io.jenkins.plugins.awsdeploy.engine.analysis.MetricPort;
import io.jenkins.plugins.awsdeploy.engine.routing.Routers;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryPhase;
import io.jenkins.plugins.awsdeploy.engine.ecs.KnownGoodTag;
import io.jenkins.plugins.awsdeploy.engine.ownership.Ownership;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import io.jenkins.plugins.awsdeploy.engine.ClockText;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The blue/green reconciler: deploy to the idle service, wait until it is stable and healthy, then move
 * production traffic to it with the canary engine, keep the old side running while alarms are watched,
 * and finally scale the old side to 0. Like the canary, each call reads what it needs, decides one step,
 * makes at most one change that the stored checkpoint announced beforehand, and never waits.
 */
public final class BlueGreenDeployment implements Reconciler<BlueGreenCheckpoint> {

    /** Attempts at one change (register, update, scale, tag, point the test listener) before giving up. */
    static final int ATTEMPTS = 5;

    private static final DateTimeFormatter CLOCK = ClockText.UTC;

    private final EcsPort ecs;
    private final AutoScalingPort autoScaling;
    private final TrafficPort traffic;
    private final AlarmPort alarms;
    private final CanaryDeployment canary;
    private final Ownership ownership;

    private final Clock clock;
    private final BlueGreenPreflight preflight;
    private final BlueGreenEndings endings;
    private final SwitchTakeover takeover;

    /** A blue/green deployment that reads no metrics: an analysis its spec asks for fails as unreadable. */
    public BlueGreenDeployment(EcsPort ecs, TrafficPort traffic, AlarmPort alarms, Ownership ownership, Clock clock) {
        this(ecs, traffic, alarms, null, MetricPort.NONE, ownership, clock);
    }

    /** @param autoScaling for deployments to Auto Scaling groups; null where only ECS services are deployed */
    public BlueGreenDeployment(EcsPort ecs, TrafficPort traffic, AlarmPort alarms, AutoScalingPort autoScaling,
                               Ownership ownership, Clock clock) {
        this(ecs, traffic, alarms, autoScaling, MetricPort.NONE, ownership, clock);
    }

    /** A blue/green deployment of ECS services whose switch may be judged from CloudWatch metrics. */
    public BlueGreenDeployment(EcsPort ecs, TrafficPort traffic, AlarmPort alarms, MetricPort metrics, Ownership ownership,
                               Clock clock) {
        this(ecs, traffic, alarms, null, metrics, ownership, clock);
    }

    /**
     * @param autoScaling for deployments to Auto Scaling groups; null where only ECS services are deployed
     * @param metrics     the CloudWatch metrics the switch's analysis reads
     * @param clock       times each event when it is told; null tells a call's events at the time it began
     */
    public BlueGreenDeployment(EcsPort ecs, TrafficPort traffic, AlarmPort alarms, AutoScalingPort autoScaling,
                               MetricPort metrics, Ownership ownership, Clock clock) {
        this.ecs = ecs;
        this.autoScaling = autoScaling;
        this.traffic = traffic;
        this.alarms = alarms;
        this.ownership = ownership;
        this.clock = clock;
        this.canary = new CanaryDeployment(new Routers(traffic), alarms, metrics, ownership, clock);
        this.preflight = new BlueGreenPreflight(ecs, traffic, alarms, autoScaling, ownership);
        this.endings = new BlueGreenEndings(ecs, traffic, autoScaling);
        this.takeover = new SwitchTakeover(endings);
    }

    public Tick advance(BlueGreenCheckpoint checkpoint, Instant now) {
        Story<BlueGreenCheckpoint> st = story(checkpoint, now);
        BlueGreenPhase phase = checkpoint.phase();
        if (phase instanceof Preflight) return preflight.run(st);
        if (phase instanceof Registering r) return register(st, r);
        if (phase instanceof CreatingVersion c) return createVersion(st, c);
        if (phase instanceof UpdatingIdle u) return updateIdle(st, u);
        if (phase instanceof WaitingForIdle w) return waitForIdle(st, w);
        if (phase instanceof PointingTest p) return pointTest(st, p);
        if (phase instanceof Switching s) return guarded(st, s.canary(), false);
        if (phase instanceof ScaleDownWait w) return guarded(st, w.canary(), true);
        if (phase instanceof ScalingDownOld o) return scaleDownOld(st, o);
        if (phase instanceof Recording r) return record(st, r);
        if (phase instanceof ScalingDownNew n) return scaleDownNew(st, n);
        return st.done(null);
    }

    /**
     * The first call after the process restarted. Before the switch all production traffic must still be
     * on the old side; while the canary runs it checks its own split.
     */
    public Tick resume(BlueGreenCheckpoint checkpoint, Instant now) {
        Story<BlueGreenCheckpoint> st = story(checkpoint, now);
        BlueGreenPhase phase = checkpoint.phase();
        if (phase instanceof Finished) return st.done(null);
        if (phase instanceof Switching s) return takeover.fromCanary(st, canary.resume(s.canary(), now), false);
        if (phase instanceof ScaleDownWait w) return takeover.fromCanary(st, canary.resume(w.canary(), now), true);
        if (beforeSwitch(phase)) {
            Optional<Tick> moved = endings.productionMoved(st, "after the restart");
            if (moved.isPresent()) return moved.get();
        }
        st.say(EventKind.RESUMED, "resumed: " + checkpoint.status(), "continue from the checkpoint");
        return st.done(now);
    }

    public Tick approve(BlueGreenCheckpoint checkpoint, String who, Instant now) {
        Story<BlueGreenCheckpoint> st = story(checkpoint, now);
        if (checkpoint.phase() instanceof Switching s) return takeover.fromCanary(st, canary.approve(s.canary(), who, now), false);
        st.say(EventKind.INFO, "approval by " + who + " ignored: nothing is waiting for approval", "");
        return st.done(checkpoint.finished() ? null : now);
    }

    public Tick decline(BlueGreenCheckpoint checkpoint, String who, Instant now) {
        Story<BlueGreenCheckpoint> st = story(checkpoint, now);
        if (checkpoint.phase() instanceof Switching s) return takeover.fromCanary(st, canary.decline(s.canary(), who, now), false);
        st.say(EventKind.INFO, "decline by " + who + " ignored: nothing is waiting for approval", "");
        return st.done(checkpoint.finished() ? null : now);
    }

    /**
     * Stops the deployment at any moment. Before the switch nothing needs undoing; during the switch and
     * while the old side still runs, traffic goes back to it; once the old side is being scaled down it is
     * too late to go back, and the abort is refused.
     */
    public Tick abort(BlueGreenCheckpoint checkpoint, String why, Instant now) {
        Story<BlueGreenCheckpoint> st = story(checkpoint, now);
        BlueGreenPhase phase = checkpoint.phase();
        if (phase instanceof Finished) return st.done(null);
        boolean switchStarted = phase instanceof Switching s && !(s.canary().phase() instanceof CanaryPhase.Preflight);
        if (switchStarted) return takeover.fromCanary(st, canary.abort(((Switching) phase).canary(), why, now), false);
        if (phase instanceof ScaleDownWait w) return takeover.fromCanary(st, canary.abort(w.canary(), why, now), true);
        if (phase instanceof Preflight) {
            Outcome stopped = new Outcome.Stopped(new Cause.Aborted(why), new Restored.Untouched());
            st.say(EventKind.ABORT_REQUESTED, stopped.message(), "");
            return endings.finish(st, stopped);
        }
        if (phase instanceof ScalingDownOld || phase instanceof Recording) {
            st.say(EventKind.INFO, "abort (" + why + ") refused: all traffic is on " + checkpoint.to() + " and "
                    + checkpoint.spec().service(checkpoint.from()) + " is being scaled down, so there is nothing to go back to",
                    "finish the clean-up");
            return st.done(now);
        }
        if (phase instanceof ScalingDownNew) {
            st.say(EventKind.INFO, "abort (" + why + ") ignored: the deployment is already ending", "");
            return st.done(now);
        }
        st.say(EventKind.ABORT_REQUESTED, why, "end without switching");
        Outcome stopped = new Outcome.Stopped(new Cause.Aborted(why), new Restored.StillOn(oldSide(checkpoint)));
        if (phase instanceof Registering || phase instanceof CreatingVersion) return endings.finish(st, stopped);
        return endings.failBeforeSwitch(st, stopped);
    }

    // ---- phases

    private Tick register(Story<BlueGreenCheckpoint> st, Registering r) {
        TaskDefinitionInfo registered;
        try {
            registered = ecs.registerCopy(r.from(), r.images());
        } catch (RuntimeException e) {
            return endings.failedCall(st, r.attempts(), "register a copy of " + shortName(r.from()), e,
                    n -> new Registering(r.from(), r.images(), n),
                    why -> endings.finish(st, new Outcome.Failed(why + "; nothing was switched, " + allOnOld(st.cp))));
        }
        for (Map.Entry<String, String> e : r.images().entrySet()) {
            String found = registered.imageByContainer().get(e.getKey());
            if (!e.getValue().equals(found)) {
                return endings.finish(st, new Outcome.Failed("registered " + registered.familyRevision() + " but ECS reports image "
                        + found + " for container " + e.getKey() + " instead of " + e.getValue() + "; nothing was switched, "
                        + allOnOld(st.cp)));
            }
        }
        st.cp = st.cp.withTaskDefinition(registered.arn()).with(new UpdatingIdle(registered.arn(), 0));
        st.say(EventKind.INFO, "registered " + registered.familyRevision() + ", a copy of " + shortName(r.from())
                + " with " + describe(r.images()), updateNext(st.cp));
        return st.done(st.now);
    }

    /**
     * Makes the launch template version to deploy: the live group's, with only the image replaced. The client token is
     * the deployment's, so a process killed right after the call gets the same version back when it calls again.
     */
    private Tick createVersion(Story<BlueGreenCheckpoint> st, CreatingVersion c) {
        TemplateVersion made;
        String source = TemplateVersion.revision(c.templateId(), c.sourceVersion());
        try {
            String deployment = st.cp.claim() == null ? "" : st.cp.claim().deploymentId();
            made = autoScaling.createVersion(c.templateId(), c.sourceVersion(), c.imageId(), c.clientToken(deployment));
        } catch (RuntimeException e) {
            return endings.failedCall(st, c.attempts(), "create a version of " + source + " with image " + c.imageId(), e,
                    n -> new CreatingVersion(c.templateId(), c.sourceVersion(), c.imageId(), n),
                    why -> endings.finish(st, new Outcome.Failed(why + "; nothing was switched, " + allOnOld(st.cp))));
        }
        if (!c.imageId().equals(made.imageId())) {
            return endings.finish(st, new Outcome.Failed("created " + made.revision() + " but EC2 reports image " + made.imageId()
                    + " instead of " + c.imageId() + "; nothing was switched, " + allOnOld(st.cp)));
        }
        st.cp = st.cp.withTaskDefinition(made.revision()).with(new UpdatingIdle(made.revision(), 0));
        st.say(EventKind.INFO, "created launch template version " + made.revision() + ", a copy of " + source + " with image "
                + c.imageId(), updateNext(st.cp));
        return st.done(st.now);
    }

    private Tick updateIdle(Story<BlueGreenCheckpoint> st, UpdatingIdle u) {
        BlueGreenSpec spec = st.cp.spec();
        String idle = spec.service(st.cp.to());
        try {
            Optional<Tick> moved = endings.productionMoved(st, "before updating " + idle);
            if (moved.isPresent()) return moved.get();
            endings.fleet(spec).update(st.cp, st.cp.to(), u.taskDefinition());
        } catch (RuntimeException e) {
            return endings.failedCall(st, u.attempts(), "update " + idle, e, n -> new UpdatingIdle(u.taskDefinition(), n),
                    why -> endings.finish(st, new Outcome.Failed(why + "; nothing was switched, " + allOnOld(st.cp) + "; " + idle
                            + " may or may not run " + shortName(u.taskDefinition()) + " now")));
        }
        Instant deadline = st.now.plus(spec.healthTimeout());
        st.cp = st.cp.with(new WaitingForIdle(u.taskDefinition(), deadline, ""));
        st.say(EventKind.SERVICE_UPDATED, "updated " + idle + " to " + shortName(u.taskDefinition()) + " at "
                + BlueGreenWords.size(st.cp), "wait until it is stable and every target of "
                + ForwardWeights.shortName(spec.targetGroup(st.cp.to())) + " is healthy, at most until " + CLOCK.format(deadline));
        return st.done(Tick.wake(st.now, spec.poll(), deadline));
    }

    private Tick waitForIdle(Story<BlueGreenCheckpoint> st, WaitingForIdle w) {
        BlueGreenSpec spec = st.cp.spec();
        String idle = spec.service(st.cp.to());
        Readiness seen;
        try {
            seen = endings.fleet(spec).readiness(st.cp.to(), w.taskDefinition(), w.deadline().minus(spec.healthTimeout()));
        } catch (RuntimeException e) {
            seen = new Readiness(Readiness.State.WAITING, "could not be read: " + AwsFailure.describe(e));
        }
        if (seen.state() == Readiness.State.READY) {
            Optional<Tick> resized = matchLiveSize(st, w);
            if (resized.isPresent()) return resized.get();
            st.say(EventKind.SERVICE_STABLE, idle + " is stable on " + shortName(w.taskDefinition()) + ": "
                    + seen.detail(), spec.testTarget() != null ? "point the test " + spec.testTarget().describe() + " at "
                    + st.cp.to() : switchNext(st.cp));
            if (spec.testTarget() != null) {
                st.cp = st.cp.with(new PointingTest(0));
                return st.done(st.now);
            }
            return startSwitch(st);
        }
        if (seen.state() == Readiness.State.CHANGED) {
            // Someone else's service now: neither kept for inspection nor scaled down by this run.
            String message = "stopped without changing anything more: " + seen.detail() + "; someone else changed "
                    + idle + ". Nothing was switched, " + allOnOld(st.cp);
            st.say(EventKind.FAILED, message, "a person must check " + idle);
            return endings.finish(st, new Outcome.Unsafe(message, ""));
        }
        if (seen.state() == Readiness.State.ROLLED_BACK) {
            Outcome back = new Outcome.RolledBack(new Cause.HealthFailed("ECS did not keep the new revision: " + seen.detail()),
                    new Restored.StillOn(oldSide(st.cp)));
            st.say(EventKind.FAILED, back.message(), "");
            return endings.failBeforeSwitch(st, back);
        }
        if (!st.now.isBefore(w.deadline())) {
            Outcome back = new Outcome.RolledBack(new Cause.HealthFailed(idle + " was not stable and healthy within "
                    + DurationText.format(spec.healthTimeout()) + " (" + seen.detail() + ")"), new Restored.StillOn(oldSide(st.cp)));
            st.say(EventKind.FAILED, back.message(), "");
            return endings.failBeforeSwitch(st, back);
        }
        if (!seen.detail().equals(w.progress())) {
            st.cp = st.cp.with(new WaitingForIdle(w.taskDefinition(), w.deadline(), seen.detail()));
            st.say(EventKind.INFO, idle + ": " + seen.detail(), "wait until it is stable and healthy, at most until "
                    + CLOCK.format(w.deadline()));
        }
        return st.done(Tick.wake(st.now, spec.poll(), w.deadline()));
    }

    /**
     * An Auto Scaling live group that scaled out since preflight (under load) would move all its traffic onto fewer
     * instances: the new group is given the live group's size now and waited for again, with a fresh health timeout.
     */
    private Optional<Tick> matchLiveSize(Story<BlueGreenCheckpoint> st, WaitingForIdle w) {
        Capacity was = st.cp.capacity();
        if (was == null) return Optional.empty();
        BlueGreenSpec spec = st.cp.spec();
        Fleet fleet = endings.fleet(spec);
        String idle = spec.service(st.cp.to());
        int liveNow;
        try {
            liveNow = fleet.read(st.cp.from()).desired();
            if (liveNow <= was.desired()) return Optional.empty();
            st.cp = st.cp.withCapacity(new Capacity(was.min(), liveNow, Math.max(was.max(), liveNow)));
            fleet.update(st.cp, st.cp.to(), w.taskDefinition());
        } catch (RuntimeException e) {
            st.say(EventKind.INFO, idle + " is ready but the live side's size could not be checked: " + AwsFailure.describe(e),
                    "read it again before any traffic moves");
            return Optional.of(st.done(Tick.wake(st.now, spec.poll(), w.deadline())));
        }
        Instant deadline = st.now.plus(spec.healthTimeout());
        st.cp = st.cp.with(new WaitingForIdle(w.taskDefinition(), deadline, ""));
        st.say(EventKind.SERVICE_UPDATED, spec.service(st.cp.from()) + " (live) scaled out to " + liveNow + " since preflight ("
                + was.desired() + " then); resized " + idle + " to " + st.cp.capacity() + " so that it can carry all of its traffic",
                "wait until it is stable and healthy again, at most until " + CLOCK.format(deadline));
        return Optional.of(st.done(Tick.wake(st.now, spec.poll(), deadline)));
    }

    private Tick pointTest(Story<BlueGreenCheckpoint> st, PointingTest p) {
        BlueGreenSpec spec = st.cp.spec();
        TrafficTarget test = spec.testTarget();
        String from = spec.targetGroup(st.cp.from());
        String to = spec.targetGroup(st.cp.to());
        ForwardWeights after;
        try {
            ForwardWeights before = traffic.read(test)
                    .orElseThrow(() -> new IllegalStateException("the test " + test.describe() + " no longer exists"));
            if (before.asSplit(from, to).isEmpty()) {
                return endings.failBeforeSwitch(st, new Outcome.Failed("the test " + test.describe() + " now forwards to " + before
                        + ", not only to blue and green; left it untouched. Nothing was switched, " + allOnOld(st.cp)));
            }
            traffic.write(test, from, to, before.asSplit(from, to).get(), Split.canaryAt(100));
            after = traffic.read(test).orElseThrow(() -> new IllegalStateException("the test " + test.describe() + " vanished"));
        } catch (RuntimeException e) {
            return endings.failedCall(st, p.attempts(), "point the test " + test.describe() + " at " + st.cp.to(), e, PointingTest::new,
                    why -> endings.failBeforeSwitch(st, new Outcome.Failed(why + "; nothing was switched, " + allOnOld(st.cp))));
        }
        if (!Optional.of(Split.canaryAt(100)).equals(after.asSplit(from, to))) {
            return endings.failBeforeSwitch(st, new Outcome.Failed("pointed the test " + test.describe() + " at " + st.cp.to()
                    + " but it reads back " + after + "; nothing was switched, " + allOnOld(st.cp)));
        }
        st.say(EventKind.INFO, "the test " + test.describe() + " forwards to " + st.cp.to() + " (" + after + "), read back",
                switchNext(st.cp));
        return startSwitch(st);
    }

    private Tick startSwitch(Story<BlueGreenCheckpoint> st) {
        st.cp = st.cp.with(new Switching(CanaryCheckpoint.inside(st.cp.spec().switchSpec(st.cp.from()))));
        return st.done(st.now);
    }

    /**
     * The canary engine's next step of the switch, once the side that step depends on has been read and
     * verified ({@link SwitchGuard}): a failing new side is switched away from like an alarm, and a side that
     * is no longer what was verified stops the deployment without another change.
     */
    private Tick guarded(Story<BlueGreenCheckpoint> st, CanaryCheckpoint sub, boolean afterSwitch) {
        SwitchGuard.Verdict verdict = new SwitchGuard(endings.fleet(st.cp.spec())).before(st.cp, sub);
        if (verdict instanceof SwitchGuard.Halt h) {
            String cause = sub.phase() instanceof CanaryPhase.RollingBack r ? " (it was to switch back because " + r.cause().text() + ")" : "";
            return endings.unsafe(st, h.what() + cause);
        }
        if (verdict instanceof SwitchGuard.SwitchBack b) return switchBack(st, sub, new Cause.HealthFailed(b.cause()), afterSwitch);
        if (verdict instanceof SwitchGuard.ReadAgain a) return readOldSideAgain(st, sub, a.what(), afterSwitch);
        return takeover.fromCanary(st, canary.advance(sub, st.now), afterSwitch);
    }

    /** The old side could not be read before the switch back: counted as a rollback attempt, read again after a pause. */
    private Tick readOldSideAgain(Story<BlueGreenCheckpoint> st, CanaryCheckpoint sub, String what, boolean afterSwitch) {
        CanaryPhase.RollingBack r = (CanaryPhase.RollingBack) sub.phase();
        int attempts = r.attempts() + 1;
        Duration backoff = Duration.ofSeconds(Math.min(30, 1L << attempts));
        CanaryCheckpoint again = sub.inside(new CanaryPhase.RollingBack(r.cause(), r.byPerson(), r.inFlight(), attempts));
        st.cp = st.cp.with(afterSwitch ? new ScaleDownWait(again) : new Switching(again));
        st.say(EventKind.INFO, "switch back attempt " + attempts + " did not move traffic: " + what,
                "read " + st.cp.spec().service(st.cp.from()) + " again in " + DurationText.format(backoff));
        return st.done(st.now.plus(backoff));
    }

    /** Records that all traffic goes back to the old side; the canary engine makes the change in the next call. */
    private Tick switchBack(Story<BlueGreenCheckpoint> st, CanaryCheckpoint sub, Cause cause, boolean afterSwitch) {
        Split inFlight = sub.phase() instanceof CanaryPhase.Shifting s ? sub.spec().plan().step(s.step()).split() : null;
        CanaryCheckpoint back = sub.inside(new CanaryPhase.RollingBack(cause, false, inFlight, 0));
        st.cp = st.cp.with(afterSwitch ? new ScaleDownWait(back) : new Switching(back));
        st.say(EventKind.ROLLBACK_STARTED, cause.text(), "check that " + st.cp.spec().service(st.cp.from()) + " still serves "
                + shortName(st.cp.fromTaskDefinition()) + ", then put all traffic back on " + st.cp.from() + " in one change");
        return st.done(st.now);
    }

    private Tick scaleDownOld(Story<BlueGreenCheckpoint> st, ScalingDownOld o) {
        BlueGreenSpec spec = st.cp.spec();
        String old = spec.service(st.cp.from());
        int after;
        try {
            ForwardWeights found = endings.readWeights(spec);
            if (!Optional.of(Split.canaryAt(100)).equals(endings.asSplit(st.cp, found))) {
                return endings.unsafe(st, "all production traffic should be on " + st.cp.to() + " but the " + spec.target().describe()
                        + " forwards " + found + "; " + old + " was left as it is so that nothing loses its backends");
            }
            List<String> notServing = endings.fleet(spec).read(st.cp.to()).whyNotServing(st.cp.taskDefinition());
            if (!notServing.isEmpty()) {
                // The old side is the only one left that was verified; scaling it down would leave no backends.
                String cause = "just before scaling " + old + " down, " + st.cp.to() + " does not serve "
                        + shortName(st.cp.taskDefinition()) + " (" + String.join("; ", notServing) + ")";
                CanaryCheckpoint all = CanaryCheckpoint.inside(spec.switchSpec(st.cp.from()), new CanaryPhase.Baking(
                        spec.plan().size() - 1, st.now), Split.canaryAt(100), st.cp.alarms());
                return switchBack(st, all, new Cause.HealthFailed(cause), true);
            }
            after = endings.fleet(spec).scaleToZero(st.cp, st.cp.from());
        } catch (RuntimeException e) {
            return endings.failedCall(st, o.attempts(), "scale " + old + " to 0", e, ScalingDownOld::new,
                    why -> endings.finish(st, new Outcome.Failed(liveOnNew(st.cp) + ", but " + why + "; scale it by hand: "
                            + endings.fleet(spec).scaleToZeroByHand(st.cp.from()))));
        }
        if (after != 0) {
            return endings.finish(st, new Outcome.Failed(liveOnNew(st.cp) + ", but " + old + " wants " + after + " "
                    + spec.fleet().unit() + "(s) right after it was scaled to 0; something else (auto scaling?) sizes it"));
        }
        st.cp = st.cp.with(new Recording(0));
        st.say(EventKind.SCALED_DOWN, "scaled " + old + " to 0 (it ran " + shortName(st.cp.fromTaskDefinition())
                + ")" + (spec.alarms().isEmpty() ? "" : "; alarms stayed OK for " + DurationText.format(spec.scaleDownAfter())
                + " after the switch"), "record " + shortName(st.cp.taskDefinition()) + " as the last known good of "
                + spec.service(st.cp.to()));
        return st.done(st.now);
    }

    private Tick record(Story<BlueGreenCheckpoint> st, Recording r) {
        BlueGreenSpec spec = st.cp.spec();
        String service = spec.service(st.cp.to());
        String revision = st.cp.taskDefinition();
        String recorded;
        int tasks;
        try {
            Fleet fleet = endings.fleet(spec);
            SideState s = fleet.read(st.cp.to());
            if (!s.exists()) throw new IllegalStateException(service + " no longer exists");
            tasks = s.running();
            if (!BlueGreenCheckpoint.sameRevision(revision, s.revision())) {
                return endings.finish(st, new Outcome.Failed(spec.service(st.cp.from()) + " was scaled to 0 and all traffic is on "
                        + st.cp.to() + ", but " + service + " now runs " + shortName(s.revision()) + ", not "
                        + shortName(revision) + "; someone else changed it, so no last known good was recorded"));
            }
            recorded = fleet.recordKnownGood(st.cp.to(), revision);
        } catch (RuntimeException e) {
            return endings.failedCall(st, r.attempts(), "tag " + service, e, Recording::new,
                    why -> endings.finish(st, new Outcome.Failed(liveOnNew(st.cp) + " and " + spec.service(st.cp.from())
                            + " was scaled to 0, but the last known good could not be recorded: " + why)));
        }
        if (!BlueGreenCheckpoint.sameRevision(revision, recorded)) {
            return endings.finish(st, new Outcome.Failed(liveOnNew(st.cp) + " and " + spec.service(st.cp.from()) + " was scaled to 0, "
                    + "but the tag " + KnownGoodTag.KEY + " of " + service + " reads back as " + recorded));
        }
        // The count as ECS reports it now, not as it was planned: a count nobody checked is no news.
        String message = liveOnNew(st.cp) + " with " + tasks + " " + spec.fleet().unit() + "(s) running; " + spec.service(st.cp.from())
                + " was scaled to 0; " + shortName(revision) + " is recorded as the last known good of " + service;
        st.say(EventKind.SUCCEEDED, message, "");
        return endings.finish(st, new Outcome.Succeeded(message));
    }

    private Tick scaleDownNew(Story<BlueGreenCheckpoint> st, ScalingDownNew n) {
        BlueGreenSpec spec = st.cp.spec();
        String idle = spec.service(st.cp.to());
        int after;
        try {
            ForwardWeights found = endings.readWeights(spec);
            if (!Optional.of(Split.ALL_STABLE).equals(endings.asSplit(st.cp, found))) {
                return endings.finish(st, new Outcome.Unsafe(n.outcome().message() + "; but the " + spec.target().describe()
                        + " now forwards " + found + ", so " + idle + " was not scaled down; someone else changed it", ""));
            }
            after = endings.fleet(spec).scaleToZero(st.cp, st.cp.to());
        } catch (RuntimeException e) {
            return endings.failedCall(st, n.attempts(), "scale " + idle + " to 0", e, k -> new ScalingDownNew(n.outcome(), k),
                    why -> endings.finish(st, n.outcome().withNote(why)));
        }
        if (after != 0) {
            return endings.finish(st, n.outcome().withNote(idle + " wants " + after + " " + spec.fleet().unit()
                    + "(s) right after it was scaled to 0"));
        }
        st.say(EventKind.SCALED_DOWN, "scaled " + idle + " to 0, as asked for a failed deployment", "");
        return endings.finish(st, n.outcome().withNote(idle + " was scaled to 0"));
    }

    // ---- pieces

    private static boolean beforeSwitch(BlueGreenPhase phase) {
        return phase instanceof Registering || phase instanceof CreatingVersion || phase instanceof UpdatingIdle || phase instanceof WaitingForIdle
                || phase instanceof PointingTest;
    }

    /** Each event of a blue/green deployment carries where production traffic is and what the alarms say. */
    private Story<BlueGreenCheckpoint> story(BlueGreenCheckpoint cp, Instant now) {
        return new Story<>(cp, now, clock, BlueGreenCheckpoint::live, BlueGreenCheckpoint::alarms, BlueGreenCheckpoint::withHistory);
    }
}
