package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import static io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef.shortName;

import io.jenkins.plugins.awsdeploy.engine.aws.AwsFailure;
import io.jenkins.plugins.awsdeploy.engine.AlarmState;
import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.DurationText;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.Reconciler;
import io.jenkins.plugins.awsdeploy.engine.Strategies;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.Story;
import io.jenkins.plugins.awsdeploy.engine.Tick;
import io.jenkins.plugins.awsdeploy.engine.aws.AlarmPort;
import io.jenkins.plugins.awsdeploy.engine.aws.AlarmReading;
import io.jenkins.plugins.awsdeploy.engine.aws.EcsPort;
import io.jenkins.plugins.awsdeploy.engine.aws.EcsService;
import io.jenkins.plugins.awsdeploy.engine.aws.ForwardWeights;
import io.jenkins.plugins.awsdeploy.engine.aws.TargetHealthSummary;
import io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionInfo;
import io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef;
import io.jenkins.plugins.awsdeploy.engine.aws.TrafficPort;
import io.jenkins.plugins.awsdeploy.engine.aws.TrafficTarget;
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
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryPhase;
import io.jenkins.plugins.awsdeploy.engine.ecs.KnownGoodTag;
import io.jenkins.plugins.awsdeploy.engine.ownership.Ownership;
import io.jenkins.plugins.awsdeploy.engine.ownership.Survey;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The blue/green reconciler: deploy to the idle service, wait until it is stable and healthy, then move
 * production traffic to it with the canary engine, keep the old side running while alarms are watched,
 * and finally scale the old side to 0. Like the canary, each call reads what it needs, decides one step,
 * makes at most one change that the stored checkpoint announced beforehand, and never waits.
 */
public final class BlueGreenDeployment implements Reconciler<BlueGreenCheckpoint> {

    /** Attempts at one change (register, update, scale, tag, point the test listener) before giving up. */
    static final int ATTEMPTS = 5;

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final EcsPort ecs;
    private final TrafficPort traffic;
    private final AlarmPort alarms;
    private final CanaryDeployment canary;
    private final Ownership ownership;

    private final Clock clock;

    /** @param clock times each event when it is told; null tells a call's events at the time it began */
    public BlueGreenDeployment(EcsPort ecs, TrafficPort traffic, AlarmPort alarms, Ownership ownership, Clock clock) {
        this.ecs = ecs;
        this.traffic = traffic;
        this.alarms = alarms;
        this.ownership = ownership;
        this.clock = clock;
        this.canary = new CanaryDeployment(traffic, alarms, ownership, clock);
    }

    public Tick advance(BlueGreenCheckpoint checkpoint, Instant now) {
        Story<BlueGreenCheckpoint> st = story(checkpoint, now);
        BlueGreenPhase phase = checkpoint.phase();
        if (phase instanceof Preflight) return preflight(st);
        if (phase instanceof Registering r) return register(st, r);
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
        if (phase instanceof Switching s) return fromCanary(st, canary.resume(s.canary(), now), false);
        if (phase instanceof ScaleDownWait w) return fromCanary(st, canary.resume(w.canary(), now), true);
        if (beforeSwitch(phase)) {
            Optional<Tick> moved = productionMoved(st, "after the restart");
            if (moved.isPresent()) return moved.get();
        }
        st.say(EventKind.RESUMED, "resumed: " + checkpoint.status(), "continue from the checkpoint");
        return st.done(now);
    }

    public Tick approve(BlueGreenCheckpoint checkpoint, String who, Instant now) {
        Story<BlueGreenCheckpoint> st = story(checkpoint, now);
        if (checkpoint.phase() instanceof Switching s) return fromCanary(st, canary.approve(s.canary(), who, now), false);
        st.say(EventKind.INFO, "approval by " + who + " ignored: nothing is waiting for approval", "");
        return st.done(checkpoint.finished() ? null : now);
    }

    public Tick decline(BlueGreenCheckpoint checkpoint, String who, Instant now) {
        Story<BlueGreenCheckpoint> st = story(checkpoint, now);
        if (checkpoint.phase() instanceof Switching s) return fromCanary(st, canary.decline(s.canary(), who, now), false);
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
        if (switchStarted) return fromCanary(st, canary.abort(((Switching) phase).canary(), why, now), false);
        if (phase instanceof ScaleDownWait w) return fromCanary(st, canary.abort(w.canary(), why, now), true);
        if (phase instanceof Preflight) {
            String message = why + " before any change; nothing was changed in AWS";
            st.say(EventKind.ABORT_REQUESTED, message, "");
            return finish(st, new Outcome.Stopped(message));
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
        String message = why + "; nothing was switched, " + allOnOld(checkpoint);
        if (phase instanceof Registering) return finish(st, new Outcome.Stopped(message));
        return failBeforeSwitch(st, new Outcome.Stopped(message));
    }

    // ---- phases

    private Tick preflight(Story<BlueGreenCheckpoint> st) {
        BlueGreenSpec spec = st.cp.spec();
        List<Problem> problems = new ArrayList<>();
        Map<Colour, EcsService> services = services(spec, problems);
        checkTargetGroups(spec, problems);
        Colour live = liveSide(spec, problems);
        Map<String, AlarmState> states = checkAlarms(spec, problems);
        checkTestTarget(spec, problems);
        Map<String, String> images = Map.of();
        String liveRevision = null;
        TaskDefinitionInfo revision = null;
        EcsService liveService = live == null ? null : services.get(live);
        EcsService idleService = live == null ? null : services.get(live.other());
        if (liveService != null && liveService.desiredCount() == 0) {
            problems.add(new Problem(BlueGreenSpec.serviceParameter(live), liveService.name() + " carries all traffic but "
                    + "wants 0 tasks; the new side is sized like the live one, so there is nothing to size it by"));
        }
        String liveBusy = liveService == null ? null : midDeployment(liveService);
        if (liveBusy != null) {
            problems.add(new Problem(BlueGreenSpec.serviceParameter(live), liveService.name() + " (the live side) is "
                    + "mid-deployment (" + liveBusy + "); what it runs is not settled, so there is nothing certain to copy "
                    + "or to switch back to; wait until it settles"));
        }
        if (idleService != null) {
            String busy = midDeployment(idleService);
            if (busy != null) {
                problems.add(new Problem(BlueGreenSpec.serviceParameter(live.other()), idleService.name()
                        + " (the idle side) is mid-deployment (" + busy + "); wait until it settles"));
            }
        }
        if (spec.taskDefinition() != null) {
            Optional<TaskDefinitionInfo> td = ask(problems, "taskDefinition", () -> ecs.taskDefinition(spec.taskDefinition()));
            if (td != null && td.isEmpty()) {
                problems.add(new Problem("taskDefinition", "no task definition " + spec.taskDefinition() + " exists"));
            } else if (td != null && !"ACTIVE".equals(td.get().status())) {
                problems.add(new Problem("taskDefinition", td.get().familyRevision() + " is " + td.get().status()
                        + "; only an ACTIVE revision can be deployed"));
            } else if (td != null) {
                revision = td.get();
            }
        }
        if (liveService != null) {
            liveRevision = liveService.taskDefinition();
            if (!spec.images().isEmpty()) {
                Optional<TaskDefinitionInfo> td = ask(problems, "images", () -> ecs.taskDefinition(liveService.taskDefinition()));
                if (td != null && td.isEmpty()) {
                    problems.add(new Problem(BlueGreenSpec.serviceParameter(live), liveService.name() + " runs "
                            + liveService.taskDefinition() + ", which cannot be found, so there is nothing to copy"));
                } else if (td != null) {
                    liveRevision = td.get().arn();
                    images = resolveContainers(spec.images(), td.get(), problems);
                    if (!images.isEmpty() && td.get().imageByContainer().entrySet().containsAll(images.entrySet())) {
                        identical(spec, problems, liveService.name() + " runs " + td.get().familyRevision() + ", which already has "
                                + describe(images));
                    }
                }
            }
            if (revision != null && revision.ref().sameAs(liveService.taskDefinition())) {
                identical(spec, problems, liveService.name() + " already runs " + revision.familyRevision());
            }
        }
        Survey marks = claimAll(st, services, problems);
        if (!problems.isEmpty()) {
            Outcome.Invalid invalid = new Outcome.Invalid(problems);
            st.say(EventKind.FAILED, "preflight failed, " + invalid.message(), "");
            return finish(st, invalid);
        }
        st.cp = st.cp.withStart(live, liveService.desiredCount(), liveRevision).withAlarms(states);
        String checked = "checked cluster " + spec.cluster() + ", both services, both target groups, the "
                + spec.target().describe() + (spec.testTarget() == null ? "" : ", the test " + spec.testTarget().describe())
                + " and " + (states.isEmpty() ? "no alarms" : states.size() + " alarm(s), none in ALARM") + "; " + live + " ("
                + liveService.name() + ", " + shortName(liveRevision) + ", " + liveService.desiredCount()
                + " task(s)) is live, deploying to " + live.other() + " (" + idleService.name() + ")"
                + (marks == null ? "" : "; marked the load balancer and both services as driven by deployment "
                + st.cp.claim().deploymentId() + marks.takeover());
        if (revision == null) {
            st.cp = st.cp.with(new Registering(liveRevision, images, 0));
            st.say(EventKind.PREFLIGHT_PASSED, checked, "register a copy of " + shortName(liveRevision)
                    + " with " + describe(images));
        } else {
            st.cp = st.cp.withTaskDefinition(revision.arn()).with(new UpdatingIdle(revision.arn(), 0));
            st.say(EventKind.PREFLIGHT_PASSED, checked, updateNext(st.cp));
        }
        return st.done(st.now);
    }

    private Tick register(Story<BlueGreenCheckpoint> st, Registering r) {
        TaskDefinitionInfo registered;
        try {
            registered = ecs.registerCopy(r.from(), r.images());
        } catch (RuntimeException e) {
            return failedCall(st, r.attempts(), "register a copy of " + shortName(r.from()), e,
                    n -> new Registering(r.from(), r.images(), n),
                    why -> finish(st, new Outcome.Failed(why + "; nothing was switched, " + allOnOld(st.cp))));
        }
        for (Map.Entry<String, String> e : r.images().entrySet()) {
            String found = registered.imageByContainer().get(e.getKey());
            if (!e.getValue().equals(found)) {
                return finish(st, new Outcome.Failed("registered " + registered.familyRevision() + " but ECS reports image "
                        + found + " for container " + e.getKey() + " instead of " + e.getValue() + "; nothing was switched, "
                        + allOnOld(st.cp)));
            }
        }
        st.cp = st.cp.withTaskDefinition(registered.arn()).with(new UpdatingIdle(registered.arn(), 0));
        st.say(EventKind.INFO, "registered " + registered.familyRevision() + ", a copy of " + shortName(r.from())
                + " with " + describe(r.images()), updateNext(st.cp));
        return st.done(st.now);
    }

    private Tick updateIdle(Story<BlueGreenCheckpoint> st, UpdatingIdle u) {
        BlueGreenSpec spec = st.cp.spec();
        String idle = spec.service(st.cp.to());
        try {
            Optional<Tick> moved = productionMoved(st, "before updating " + idle);
            if (moved.isPresent()) return moved.get();
            ecs.updateService(spec.cluster(), idle, u.taskDefinition(), st.cp.desiredCount());
        } catch (RuntimeException e) {
            return failedCall(st, u.attempts(), "update " + idle, e, n -> new UpdatingIdle(u.taskDefinition(), n),
                    why -> finish(st, new Outcome.Failed(why + "; nothing was switched, " + allOnOld(st.cp) + "; " + idle
                            + " may or may not run " + shortName(u.taskDefinition()) + " now")));
        }
        Instant deadline = st.now.plus(spec.healthTimeout());
        st.cp = st.cp.with(new WaitingForIdle(u.taskDefinition(), deadline, ""));
        st.say(EventKind.SERVICE_UPDATED, "updated " + idle + " to " + shortName(u.taskDefinition()) + " at "
                + st.cp.desiredCount() + " task(s)", "wait until it is stable and every target of "
                + ForwardWeights.shortName(spec.targetGroup(st.cp.to())) + " is healthy, at most until " + CLOCK.format(deadline));
        return st.done(Tick.wake(st.now, spec.poll(), deadline));
    }

    private Tick waitForIdle(Story<BlueGreenCheckpoint> st, WaitingForIdle w) {
        BlueGreenSpec spec = st.cp.spec();
        String idle = spec.service(st.cp.to());
        Readiness seen;
        try {
            Optional<EcsService> service = ecs.service(spec.cluster(), idle);
            if (service.isEmpty()) {
                seen = new Readiness(Readiness.State.CHANGED, idle + " no longer exists");
            } else {
                TargetHealthSummary health = traffic.health(spec.targetGroup(st.cp.to()));
                seen = Readiness.of(service.get(), w.taskDefinition(), health, w.deadline().minus(spec.healthTimeout()));
            }
        } catch (RuntimeException e) {
            seen = new Readiness(Readiness.State.WAITING, "could not be read: " + AwsFailure.describe(e));
        }
        if (seen.state() == Readiness.State.READY) {
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
            return finish(st, new Outcome.Unsafe(message));
        }
        if (seen.state() == Readiness.State.ROLLED_BACK) {
            String message = "ECS did not keep the new revision: " + seen.detail() + "; nothing was switched, " + allOnOld(st.cp);
            st.say(EventKind.FAILED, message, "");
            return failBeforeSwitch(st, new Outcome.RolledBack(message));
        }
        if (!st.now.isBefore(w.deadline())) {
            String message = idle + " was not stable and healthy within " + DurationText.format(spec.healthTimeout()) + " ("
                    + seen.detail() + "); nothing was switched, " + allOnOld(st.cp);
            st.say(EventKind.FAILED, message, "");
            return failBeforeSwitch(st, new Outcome.RolledBack(message));
        }
        if (!seen.detail().equals(w.progress())) {
            st.cp = st.cp.with(new WaitingForIdle(w.taskDefinition(), w.deadline(), seen.detail()));
            st.say(EventKind.INFO, idle + ": " + seen.detail(), "wait until it is stable and healthy, at most until "
                    + CLOCK.format(w.deadline()));
        }
        return st.done(Tick.wake(st.now, spec.poll(), w.deadline()));
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
                return failBeforeSwitch(st, new Outcome.Failed("the test " + test.describe() + " now forwards to " + before
                        + ", not only to blue and green; left it untouched. Nothing was switched, " + allOnOld(st.cp)));
            }
            traffic.write(test, before.withSplit(from, to, Split.canaryAt(100)));
            after = traffic.read(test).orElseThrow(() -> new IllegalStateException("the test " + test.describe() + " vanished"));
        } catch (RuntimeException e) {
            return failedCall(st, p.attempts(), "point the test " + test.describe() + " at " + st.cp.to(), e, PointingTest::new,
                    why -> failBeforeSwitch(st, new Outcome.Failed(why + "; nothing was switched, " + allOnOld(st.cp))));
        }
        if (!Optional.of(Split.canaryAt(100)).equals(after.asSplit(from, to))) {
            return failBeforeSwitch(st, new Outcome.Failed("pointed the test " + test.describe() + " at " + st.cp.to()
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
        SwitchGuard.Verdict verdict = new SwitchGuard(fleet(st.cp.spec())).before(st.cp, sub);
        if (verdict instanceof SwitchGuard.Halt h) {
            String cause = sub.phase() instanceof CanaryPhase.RollingBack r ? " (it was to switch back because " + r.cause() + ")" : "";
            return unsafe(st, h.what() + cause);
        }
        if (verdict instanceof SwitchGuard.SwitchBack b) return switchBack(st, sub, b.cause(), afterSwitch);
        return fromCanary(st, canary.advance(sub, st.now), afterSwitch);
    }

    /** Records that all traffic goes back to the old side; the canary engine makes the change in the next call. */
    private Tick switchBack(Story<BlueGreenCheckpoint> st, CanaryCheckpoint sub, String cause, boolean afterSwitch) {
        Split inFlight = sub.phase() instanceof CanaryPhase.Shifting s ? sub.spec().plan().step(s.step()).split() : null;
        CanaryCheckpoint back = sub.inside(new CanaryPhase.RollingBack(cause, false, inFlight, 0));
        st.cp = st.cp.with(afterSwitch ? new ScaleDownWait(back) : new Switching(back));
        st.say(EventKind.ROLLBACK_STARTED, cause, "check that " + st.cp.spec().service(st.cp.from()) + " still serves "
                + shortName(st.cp.fromTaskDefinition()) + ", then put all traffic back on " + st.cp.from() + " in one change");
        return st.done(st.now);
    }

    private Fleet fleet(BlueGreenSpec spec) {
        return new EcsFleet(ecs, traffic, spec);
    }

    /**
     * Takes over what the canary engine did in this call: its events, its split and alarm states, and its
     * end, which for blue/green is never the end (after the switch comes the wait, after the wait the clean-up).
     */
    private Tick fromCanary(Story<BlueGreenCheckpoint> st, Tick tick, boolean afterSwitch) {
        // The switch is a canary run by this deployment; its tick carries the canary's checkpoint.
        CanaryCheckpoint sub = Strategies.as(CanaryCheckpoint.class, tick.checkpoint()).orElseThrow();
        Optional<Outcome> ended = sub.outcome();
        boolean invalid = ended.isPresent() && ended.get() instanceof Outcome.Invalid;
        boolean unsafe = ended.isPresent() && ended.get() instanceof Outcome.Unsafe;
        Optional<String> stillOnOld = afterSwitch ? Optional.empty() : nothingMovedBack(st.cp);
        for (DeploymentEvent e : tick.events()) {
            // The canary's success is a milestone here, its "nothing was changed" is not true here, and its advice
            // when it stops unsafely is replaced by one that knows both services.
            if (e.kind() == EventKind.SUCCEEDED || ((invalid || unsafe) && e.kind() == EventKind.FAILED)) continue;
            if (e.kind() == EventKind.ROLLED_BACK && stillOnOld.isPresent()) {
                e = new DeploymentEvent(e.at(), e.kind(), "no production traffic had moved: " + allOnOld(st.cp) + ", read back",
                        e.weights(), e.alarms(), e.next());
            }
            st.add(e);
        }
        // The canary keeps no history of its own in here: the blue/green checkpoint has it all once.
        CanaryCheckpoint kept = sub.inside(sub.phase());
        st.cp = st.cp.with(st.cp.phase(), sub.live()).withAlarms(sub.alarms());
        if (ended.isEmpty()) {
            st.cp = st.cp.with(afterSwitch ? new ScaleDownWait(kept) : new Switching(kept));
            return st.done(tick.wakeAt());
        }
        BlueGreenSpec spec = st.cp.spec();
        Outcome outcome = ended.get();
        String oldService = spec.service(st.cp.from());
        if (outcome instanceof Outcome.Succeeded && !afterSwitch) {
            Instant until = st.now.plus(spec.scaleDownAfter());
            CanaryCheckpoint watch = sub.inside(new CanaryPhase.Baking(spec.plan().size() - 1, until));
            st.cp = st.cp.with(new ScaleDownWait(watch));
            st.say(EventKind.INFO, "all production traffic is on " + st.cp.to() + " (" + spec.service(st.cp.to()) + "); "
                    + oldService + " keeps running until " + CLOCK.format(until) + " so that "
                    + (spec.alarms().isEmpty() ? "an abort" : "an alarm or an abort") + " can still switch back in one change",
                    "scale " + oldService + " to 0 at " + CLOCK.format(until));
            return st.done(Tick.wake(st.now, spec.poll(), until));
        }
        if (outcome instanceof Outcome.Succeeded) {
            st.cp = st.cp.with(new ScalingDownOld(0));
            return st.done(st.now);
        }
        if (outcome instanceof Outcome.RolledBack || outcome instanceof Outcome.Stopped) {
            String named = st.cp.from() + " (" + oldService + ")";
            String message = stillOnOld.map(cause -> cause + "; nothing was switched, " + allOnOld(st.cp))
                    .orElseGet(() -> outcome.message().replace("the stable side", named));
            return failBeforeSwitch(st, withMessage(outcome, message));
        }
        if (outcome instanceof Outcome.Unsafe u) {
            String what = u.message().replaceFirst("^stopped without restoring: ", "");
            int advice = what.indexOf(". To put all traffic back on the stable side");
            return unsafe(st, advice < 0 ? what : what.substring(0, advice));
        }
        if (outcome instanceof Outcome.Invalid problems) {
            boolean onlyAlarms = problems.problems().stream().allMatch(p -> p.parameter().equals("alarms"));
            String what = "just before the switch: " + problems.problems().stream().map(Problem::toString)
                    .collect(Collectors.joining("; ")) + "; nothing was switched by this deployment";
            if (onlyAlarms) {
                st.say(EventKind.FAILED, what, "");
                return failBeforeSwitch(st, new Outcome.RolledBack(what + ", " + allOnOld(st.cp)));
            }
            return unsafe(st, what + ", but the load balancer is not as preflight found it; someone else changed it");
        }
        return finish(st, outcome);
    }

    /**
     * The cause of a switch back that is about to end with no production traffic ever having moved (an alarm
     * or a decline while the approval was open): then nothing "went back", it stayed. Empty otherwise.
     */
    private static Optional<String> nothingMovedBack(BlueGreenCheckpoint cp) {
        if (!(cp.phase() instanceof Switching s) || !(s.canary().phase() instanceof CanaryPhase.RollingBack r)) {
            return Optional.empty();
        }
        boolean shifted = cp.history().stream().anyMatch(e -> e.kind() == EventKind.SHIFTED);
        boolean moved = shifted || r.inFlight() != null || !s.canary().live().equals(Split.ALL_STABLE);
        return moved ? Optional.empty() : Optional.of(r.cause());
    }

    private Tick scaleDownOld(Story<BlueGreenCheckpoint> st, ScalingDownOld o) {
        BlueGreenSpec spec = st.cp.spec();
        String old = spec.service(st.cp.from());
        EcsService after;
        try {
            ForwardWeights found = readWeights(spec);
            if (!Optional.of(Split.canaryAt(100)).equals(asSplit(st.cp, found))) {
                return unsafe(st, "all production traffic should be on " + st.cp.to() + " but the " + spec.target().describe()
                        + " forwards " + found + "; " + old + " was left as it is so that nothing loses its backends");
            }
            List<String> notServing = fleet(spec).read(st.cp.to()).whyNotServing(st.cp.taskDefinition());
            if (!notServing.isEmpty()) {
                // The old side is the only one left that was verified; scaling it down would leave no backends.
                String cause = "just before scaling " + old + " down, " + st.cp.to() + " does not serve "
                        + shortName(st.cp.taskDefinition()) + " (" + String.join("; ", notServing) + ")";
                CanaryCheckpoint all = CanaryCheckpoint.inside(spec.switchSpec(st.cp.from()), new CanaryPhase.Baking(
                        spec.plan().size() - 1, st.now), Split.canaryAt(100), st.cp.alarms());
                return switchBack(st, all, cause, true);
            }
            ecs.scale(spec.cluster(), old, 0);
            after = ecs.service(spec.cluster(), old).orElseThrow(() -> new IllegalStateException(old + " no longer exists"));
        } catch (RuntimeException e) {
            return failedCall(st, o.attempts(), "scale " + old + " to 0", e, ScalingDownOld::new,
                    why -> finish(st, new Outcome.Failed(liveOnNew(st.cp) + ", but " + why + "; scale it by hand: aws ecs "
                            + "update-service --cluster " + spec.cluster() + " --service " + old + " --desired-count 0")));
        }
        if (after.desiredCount() != 0) {
            return finish(st, new Outcome.Failed(liveOnNew(st.cp) + ", but " + old + " wants " + after.desiredCount()
                    + " task(s) right after it was scaled to 0; something else (auto scaling?) sizes it"));
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
            EcsService s = ecs.service(spec.cluster(), service)
                    .orElseThrow(() -> new IllegalStateException(service + " no longer exists"));
            tasks = s.runningCount();
            if (!BlueGreenCheckpoint.sameRevision(revision, s.taskDefinition())) {
                return finish(st, new Outcome.Failed(spec.service(st.cp.from()) + " was scaled to 0 and all traffic is on "
                        + st.cp.to() + ", but " + service + " now runs " + shortName(s.taskDefinition()) + ", not "
                        + shortName(revision) + "; someone else changed it, so no last known good was recorded"));
            }
            ecs.tag(s.arn(), KnownGoodTag.of(TaskDefinitionRef.of(revision)));
            recorded = ecs.service(spec.cluster(), service).flatMap(KnownGoodTag::on).orElse(null);
        } catch (RuntimeException e) {
            return failedCall(st, r.attempts(), "tag " + service, e, Recording::new,
                    why -> finish(st, new Outcome.Failed(liveOnNew(st.cp) + " and " + spec.service(st.cp.from())
                            + " was scaled to 0, but the last known good could not be recorded: " + why)));
        }
        if (!BlueGreenCheckpoint.sameRevision(revision, recorded)) {
            return finish(st, new Outcome.Failed(liveOnNew(st.cp) + " and " + spec.service(st.cp.from()) + " was scaled to 0, "
                    + "but the tag " + KnownGoodTag.KEY + " of " + service + " reads back as " + recorded));
        }
        // The count as ECS reports it now, not as it was planned: a count nobody checked is no news.
        String message = liveOnNew(st.cp) + " with " + tasks + " task(s) running; " + spec.service(st.cp.from())
                + " was scaled to 0; " + shortName(revision) + " is recorded as the last known good of " + service;
        st.say(EventKind.SUCCEEDED, message, "");
        return finish(st, new Outcome.Succeeded(message));
    }

    private Tick scaleDownNew(Story<BlueGreenCheckpoint> st, ScalingDownNew n) {
        BlueGreenSpec spec = st.cp.spec();
        String idle = spec.service(st.cp.to());
        EcsService after;
        try {
            ForwardWeights found = readWeights(spec);
            if (!Optional.of(Split.ALL_STABLE).equals(asSplit(st.cp, found))) {
                return finish(st, new Outcome.Unsafe(n.outcome().message() + "; but the " + spec.target().describe()
                        + " now forwards " + found + ", so " + idle + " was not scaled down; someone else changed it"));
            }
            ecs.scale(spec.cluster(), idle, 0);
            after = ecs.service(spec.cluster(), idle).orElseThrow(() -> new IllegalStateException(idle + " no longer exists"));
        } catch (RuntimeException e) {
            return failedCall(st, n.attempts(), "scale " + idle + " to 0", e, k -> new ScalingDownNew(n.outcome(), k),
                    why -> finish(st, withMessage(n.outcome(), n.outcome().message() + "; " + why)));
        }
        if (after.desiredCount() != 0) {
            return finish(st, withMessage(n.outcome(), n.outcome().message() + "; " + idle + " wants " + after.desiredCount()
                    + " task(s) right after it was scaled to 0"));
        }
        st.say(EventKind.SCALED_DOWN, "scaled " + idle + " to 0, as asked for a failed deployment", "");
        return finish(st, withMessage(n.outcome(), n.outcome().message() + "; " + idle + " was scaled to 0"));
    }

    // ---- pieces

    /** Ends a deployment whose production traffic is on the old side: the new side stays up or is scaled to 0. */
    private Tick failBeforeSwitch(Story<BlueGreenCheckpoint> st, Outcome outcome) {
        BlueGreenSpec spec = st.cp.spec();
        st.cp = st.cp.with(st.cp.phase(), Split.ALL_STABLE);
        if (spec.scaleDownFailed()) {
            st.cp = st.cp.with(new ScalingDownNew(outcome, 0));
            return st.done(st.now);
        }
        String kept = st.cp.taskDefinition() == null ? "" : "; " + spec.service(st.cp.to()) + " stays up on "
                + shortName(st.cp.taskDefinition()) + " for inspection (scale it to 0 when done)";
        return finish(st, withMessage(outcome, outcome.message() + kept));
    }

    /**
     * Reads production weights before a change that is only safe while all traffic is on the old side.
     * Present when they are not: the engine then stops and touches nothing.
     */
    private Optional<Tick> productionMoved(Story<BlueGreenCheckpoint> st, String when) {
        ForwardWeights found = readWeights(st.cp.spec());
        if (Optional.of(Split.ALL_STABLE).equals(asSplit(st.cp, found))) return Optional.empty();
        return Optional.of(unsafe(st, when + " the " + st.cp.spec().target().describe() + " forwards " + found
                + " instead of all traffic to " + st.cp.from() + "; someone else changed it"));
    }

    /**
     * Stops without another change, saying what AWS shows now (read here, not remembered: after a restart or
     * someone else's change the checkpoint's picture may be the very thing that is wrong) and what can be done.
     */
    private Tick unsafe(Story<BlueGreenCheckpoint> st, String what) {
        Situation now = Situation.read(st.cp, traffic, fleet(st.cp.spec()));
        String message = "stopped without changing anything more: " + what + ". " + now.now() + ". " + now.advice();
        st.say(EventKind.FAILED, message, "a person must check the load balancer and both services");
        return finish(st, new Outcome.Unsafe(message));
    }

    private Tick failedCall(Story<BlueGreenCheckpoint> st, int failed, String what, RuntimeException e, IntFunction<BlueGreenPhase> again,
                            Function<String, Tick> giveUp) {
        int attempts = failed + 1;
        if (attempts >= ATTEMPTS) {
            String why = "could not " + what + " after " + attempts + " attempts: " + AwsFailure.describe(e);
            st.say(EventKind.FAILED, why, "");
            return giveUp.apply(why);
        }
        Duration backoff = Duration.ofSeconds(Math.min(30, 1L << attempts));
        st.cp = st.cp.with(again.apply(attempts));
        st.say(EventKind.INFO, "attempt " + attempts + " to " + what + " failed: " + AwsFailure.describe(e),
                "try again in " + DurationText.format(backoff));
        return st.done(st.now.plus(backoff));
    }

    private Tick finish(Story<BlueGreenCheckpoint> st, Outcome outcome) {
        st.cp = st.cp.with(new Finished(outcome));
        return st.done(null);
    }

    /** Both services, where they exist; each one's problems (controller, target group) added. */
    private Map<Colour, EcsService> services(BlueGreenSpec spec, List<Problem> problems) {
        Map<Colour, EcsService> services = new EnumMap<>(Colour.class);
        Boolean cluster = ask(problems, "cluster", () -> ecs.clusterExists(spec.cluster()));
        if (Boolean.FALSE.equals(cluster)) {
            problems.add(new Problem("cluster", "no cluster " + spec.cluster() + " exists in this region"));
        } else if (cluster != null) {
            for (Colour c : Colour.values()) {
                String param = BlueGreenSpec.serviceParameter(c);
                Optional<EcsService> found = ask(problems, param, () -> ecs.service(spec.cluster(), spec.service(c)));
                if (found == null) continue;
                if (found.isEmpty()) {
                    problems.add(new Problem(param, "no active service " + spec.service(c) + " in cluster " + spec.cluster()));
                    continue;
                }
                EcsService s = found.get();
                services.put(c, s);
                if (s.deploymentController() != null && !"ECS".equals(s.deploymentController())) {
                    problems.add(new Problem(param, s.name() + " is deployed by " + s.deploymentController()
                            + "; blue/green here updates the service itself, which needs the ECS deployment controller"));
                }
                if (s.targetGroups().contains(spec.targetGroup(c.other()))) {
                    // ECS registers a service's new tasks in every target group of its load balancers at UpdateService,
                    // so they would take live traffic before any check or approval.
                    problems.add(new Problem(param, s.name() + "'s load balancers include " + c.other() + "'s target group "
                            + ForwardWeights.shortName(spec.targetGroup(c.other())) + "; its tasks would serve that side's "
                            + "traffic as soon as they start, so each service must use only its own target group"));
                }
                if (!s.targetGroups().contains(spec.targetGroup(c))) {
                    problems.add(new Problem(BlueGreenSpec.targetGroupParameter(c), "is not a target group of " + s.name()
                            + " (its load balancers use " + (s.targetGroups().isEmpty() ? "none" : s.targetGroups().stream()
                            .map(ForwardWeights::shortName).collect(Collectors.joining(", "))) + ")"));
                }
            }
        }
        return services;
    }

    /**
     * Reads the ownership marks on everything this deployment will change (the listener or rule, the test
     * listener, both services) and, when the preflight found no problem, marks them as its own. Null for
     * a checkpoint without an owner.
     */
    private Survey claimAll(Story<BlueGreenCheckpoint> st, Map<Colour, EcsService> services, List<Problem> problems) {
        BlueGreenSpec spec = st.cp.spec();
        if (st.cp.claim() == null) return null;
        Map<String, String> drives = new LinkedHashMap<>();
        drives.put(spec.target().arn(), spec.target().parameter());
        if (spec.testTarget() != null) drives.put(spec.testTarget().arn(), spec.testTarget().parameter());
        services.forEach((c, s) -> drives.put(s.arn(), BlueGreenSpec.serviceParameter(c)));
        Survey marks = ownership.survey(st.cp.claim(), drives, st.now);
        problems.addAll(marks.problems());
        if (problems.isEmpty()) {
            try {
                st.cp = st.cp.withClaim(ownership.take(st.cp.claim(), List.copyOf(drives.keySet()), st.now, spec.poll()));
            } catch (RuntimeException e) {
                problems.add(new Problem(spec.target().parameter(), "could not be marked as driven by this deployment: "
                        + AwsFailure.describe(e)));
            }
        }
        return marks;
    }

    private void checkTargetGroups(BlueGreenSpec spec, List<Problem> problems) {
        Set<String> missing = ask(problems, "blueTargetGroup",
                () -> traffic.missingTargetGroups(List.of(spec.blueTargetGroup(), spec.greenTargetGroup())));
        if (missing != null) {
            for (Colour c : Colour.values()) {
                if (missing.contains(spec.targetGroup(c))) {
                    problems.add(new Problem(BlueGreenSpec.targetGroupParameter(c), "no target group " + spec.targetGroup(c) + " exists"));
                }
            }
        }
    }

    private Colour liveSide(BlueGreenSpec spec, List<Problem> problems) {
        TrafficTarget target = spec.target();
        Optional<ForwardWeights> found = ask(problems, target.parameter(), () -> traffic.read(target));
        if (found == null) return null;
        if (found.isEmpty()) {
            problems.add(new Problem(target.parameter(), "no " + target.describe() + " exists"));
            return null;
        }
        Optional<Split> split = found.get().asSplit(spec.blueTargetGroup(), spec.greenTargetGroup());
        if (split.isEmpty()) {
            problems.add(new Problem(target.parameter(), "forwards to " + found.get()
                    + "; only the blue and the green target group may carry traffic"));
            return null;
        }
        if (split.get().equals(Split.ALL_STABLE)) return Colour.BLUE;
        if (split.get().equals(Split.canaryAt(100))) return Colour.GREEN;
        problems.add(new Problem(target.parameter(), "splits traffic " + split.get() + " between blue and green; exactly one "
                + "side must be live (100/0 or 0/100), so finish or undo the deployment in progress first"));
        return null;
    }

    private Map<String, AlarmState> checkAlarms(BlueGreenSpec spec, List<Problem> problems) {
        Map<String, AlarmState> states = new TreeMap<>();
        if (spec.alarms().isEmpty()) return states;
        Map<String, AlarmReading> readings = ask(problems, "alarms", () -> alarms.read(spec.alarms()));
        if (readings == null) return states;
        for (String name : spec.alarms()) {
            AlarmReading r = readings.get(name);
            if (r == null) {
                problems.add(new Problem("alarms", "no alarm named '" + name + "' exists in this region"));
            } else if (r.state() == AlarmState.ALARM) {
                problems.add(new Problem("alarms", "'" + name + "' is already in ALARM (" + r.reason()
                        + "); a deployment it guards would be switched back at once, so it does not start"));
            } else {
                states.put(name, r.state());
            }
        }
        return states;
    }

    private void checkTestTarget(BlueGreenSpec spec, List<Problem> problems) {
        TrafficTarget test = spec.testTarget();
        if (test == null) return;
        Optional<ForwardWeights> found = ask(problems, test.parameter(), () -> traffic.read(test));
        if (found == null) return;
        if (found.isEmpty()) {
            problems.add(new Problem(test.parameter(), "no " + test.describe() + " exists"));
        } else if (found.get().asSplit(spec.blueTargetGroup(), spec.greenTargetGroup()).isEmpty()) {
            problems.add(new Problem(test.parameter(), "forwards to " + found.get()
                    + "; test traffic may only go to the blue and the green target group"));
        }
    }

    /** A new side identical to the live one switches nothing but the risk; only asked for it goes on. */
    private static void identical(BlueGreenSpec spec, List<Problem> problems, String why) {
        if (!spec.force()) {
            problems.add(new Problem("force", "is needed to deploy a revision identical to the live one: " + why
                    + "; nothing would change but the side serving it"));
        }
    }

    /** Null when the service is settled: one deployment, not rolling out. */
    private static String midDeployment(EcsService s) {
        if (s.deployments().size() > 1) return s.deployments().size() + " deployments";
        if (s.deployments().isEmpty()) return null;
        String rollout = s.deployments().get(0).rolloutState();
        return rollout == null || "COMPLETED".equals(rollout) ? null : "rollout " + rollout;
    }

    /** Maps each requested image to a real container name, the unnamed one to the only container. */
    private static Map<String, String> resolveContainers(Map<String, String> images, TaskDefinitionInfo td, List<Problem> problems) {
        Set<String> containers = td.imageByContainer().keySet();
        Map<String, String> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : images.entrySet()) {
            if (e.getKey().equals(BlueGreenSpec.ONLY_CONTAINER)) {
                if (containers.size() != 1) {
                    problems.add(new Problem("images", td.familyRevision() + " has " + containers.size() + " containers ("
                            + String.join(", ", containers) + "); name the one to change, like "
                            + containers.stream().findFirst().orElse("app") + "=" + e.getValue()));
                } else {
                    resolved.put(containers.iterator().next(), e.getValue());
                }
            } else if (!containers.contains(e.getKey())) {
                problems.add(new Problem("images", "no container named '" + e.getKey() + "' in " + td.familyRevision()
                        + "; it has " + String.join(", ", containers)));
            } else {
                resolved.put(e.getKey(), e.getValue());
            }
        }
        return resolved;
    }

    /** Runs a read of the preflight; a failure becomes a problem of {@code parameter} and the answer null. */
    private static <T> T ask(List<Problem> problems, String parameter, Supplier<T> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            problems.add(new Problem(parameter, "could not be read: " + AwsFailure.describe(e)));
            return null;
        }
    }

    private ForwardWeights readWeights(BlueGreenSpec spec) {
        return traffic.read(spec.target())
                .orElseThrow(() -> new IllegalStateException("the " + spec.target().describe() + " no longer exists"));
    }

    private static Optional<Split> asSplit(BlueGreenCheckpoint cp, ForwardWeights weights) {
        return weights.asSplit(cp.spec().targetGroup(cp.from()), cp.spec().targetGroup(cp.to()));
    }

    private static boolean beforeSwitch(BlueGreenPhase phase) {
        return phase instanceof Registering || phase instanceof UpdatingIdle || phase instanceof WaitingForIdle
                || phase instanceof PointingTest;
    }

    private static Outcome withMessage(Outcome outcome, String message) {
        if (outcome instanceof Outcome.Succeeded) return new Outcome.Succeeded(message);
        if (outcome instanceof Outcome.RolledBack) return new Outcome.RolledBack(message);
        if (outcome instanceof Outcome.Stopped) return new Outcome.Stopped(message);
        if (outcome instanceof Outcome.Unsafe) return new Outcome.Unsafe(message);
        if (outcome instanceof Outcome.Failed) return new Outcome.Failed(message);
        return outcome;
    }

    private static String allOnOld(BlueGreenCheckpoint cp) {
        return "all traffic is still on " + cp.from() + " (" + cp.spec().service(cp.from()) + ")";
    }

    private static String liveOnNew(BlueGreenCheckpoint cp) {
        return cp.to() + " (" + cp.spec().service(cp.to()) + ") is live on " + shortName(cp.taskDefinition());
    }

    private static String updateNext(BlueGreenCheckpoint cp) {
        return "update " + cp.spec().service(cp.to()) + " to " + shortName(cp.taskDefinition()) + " at "
                + cp.desiredCount() + " task(s)";
    }

    private static String switchNext(BlueGreenCheckpoint cp) {
        BlueGreenSpec spec = cp.spec();
        return (spec.approveBeforeSwitch() ? "ask for approval, then " : "") + "switch production traffic to " + cp.to()
                + " (" + spec.plan().describe() + ")";
    }

    private static String describe(Map<String, String> images) {
        return images.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** Each event of a blue/green deployment carries where production traffic is and what the alarms say. */
    private Story<BlueGreenCheckpoint> story(BlueGreenCheckpoint cp, Instant now) {
        return new Story<>(cp, now, clock, BlueGreenCheckpoint::live, BlueGreenCheckpoint::alarms, BlueGreenCheckpoint::withHistory);
    }
}
