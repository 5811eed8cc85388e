package io.jenkins.plugins.awsdeploy.engine.ecs;

import static io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef.shortName;

import io.jenkins.plugins.awsdeploy.engine.aws.AwsFailure;
import io.jenkins.plugins.awsdeploy.engine.DurationText;
import io.jenkins.plugins.awsdeploy.engine.Cause;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Restored;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.Reconciler;
import io.jenkins.plugins.awsdeploy.engine.Story;
import io.jenkins.plugins.awsdeploy.engine.Tick;
import io.jenkins.plugins.awsdeploy.engine.aws.EcsDeployment;
import io.jenkins.plugins.awsdeploy.engine.aws.EcsEvent;
import io.jenkins.plugins.awsdeploy.engine.aws.EcsPort;
import io.jenkins.plugins.awsdeploy.engine.aws.EcsService;
import io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef;
import io.jenkins.plugins.awsdeploy.engine.ecs.RollbackPhase.Finished;
import io.jenkins.plugins.awsdeploy.engine.ecs.RollbackPhase.Preflight;
import io.jenkins.plugins.awsdeploy.engine.ecs.RollbackPhase.Updating;
import io.jenkins.plugins.awsdeploy.engine.ecs.RollbackPhase.WaitingStable;
import io.jenkins.plugins.awsdeploy.engine.ownership.Ownership;
import io.jenkins.plugins.awsdeploy.engine.ownership.Survey;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import io.jenkins.plugins.awsdeploy.engine.ClockText;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The ECS rollback reconciler: puts a service back on a known-good task definition revision and watches
 * until that revision is what runs. Each call reads what it needs, decides one step, makes at most one
 * change (UpdateService, recorded beforehand as {@link Updating}), and returns the checkpoint to store and
 * when to be called again. It never waits: the shell owns time.
 *
 * <p>While waiting it makes one DescribeServices call per poll.
 */
public final class EcsRollback implements Reconciler<RollbackCheckpoint> {

    /** ECS events quoted when a rollback does not end well: enough to explain, few enough to read. */
    static final int QUOTED_EVENTS = 5;

    private static final DateTimeFormatter CLOCK = ClockText.UTC;

    private final EcsPort ecs;
    private final Ownership ownership;
    private final RollbackTarget target;

    private final Clock clock;

    /** @param clock times each event when it is told; null tells a call's events at the time it began */
    public EcsRollback(EcsPort ecs, Ownership ownership, Clock clock) {
        this.ecs = ecs;
        this.target = new RollbackTarget(ecs);
        this.ownership = ownership;
        this.clock = clock;
    }

    public Tick advance(RollbackCheckpoint checkpoint, Instant now) {
        Story<RollbackCheckpoint> st = story(checkpoint, now);
        RollbackPhase phase = checkpoint.phase();
        if (phase instanceof Preflight) return preflight(st);
        if (phase instanceof Updating u) return update(st, u);
        if (phase instanceof WaitingStable w) return waitStable(st, w);
        return st.done(null);
    }

    /**
     * The first call after the process restarted. Nothing needs checking here: {@link Updating} reads the
     * service before it acts, and waiting reads it every poll anyway.
     */
    public Tick resume(RollbackCheckpoint checkpoint, Instant now) {
        Story<RollbackCheckpoint> st = story(checkpoint, now);
        if (checkpoint.finished()) return st.done(null);
        st.say(EventKind.RESUMED, "resumed: " + checkpoint.status(), "continue from the checkpoint");
        return st.done(now);
    }

    public Tick approve(RollbackCheckpoint checkpoint, String who, Instant now) {
        return ignored(checkpoint, "approval by " + who, now);
    }

    public Tick decline(RollbackCheckpoint checkpoint, String who, Instant now) {
        return ignored(checkpoint, "decline by " + who, now);
    }

    /**
     * Stops at any moment. There is nothing to undo: putting the service back on the revision it was
     * rolled back from would restore the incident. It says what the service points at and ends Stopped.
     */
    public Tick abort(RollbackCheckpoint checkpoint, String why, Instant now) {
        Story<RollbackCheckpoint> st = story(checkpoint, now);
        if (checkpoint.finished()) return st.done(null);
        Cause cause = new Cause.Aborted(why);
        Restored found;
        if (checkpoint.phase() instanceof Preflight) {
            found = new Restored.Untouched();
        } else {
            RollbackChoice c = checkpoint.choice();
            String svc = "service " + checkpoint.spec().service();
            try {
                Optional<EcsService> service = ecs.service(checkpoint.spec().cluster(), checkpoint.spec().service());
                if (service.isEmpty()) {
                    found = new Restored.AsFound(svc + " no longer exists");
                } else if (c.target().sameAs(service.get().taskDefinition())) {
                    found = new Restored.AsFound("nothing to undo: " + svc + " points at " + c.target()
                            + " and ECS goes on rolling it out (" + progress(service.get()) + ")");
                } else if (checkpoint.phase() instanceof Updating) {
                    cause = new Cause.Aborted(why + " before the update");
                    found = new Restored.AsFound(svc + " still points at " + shortName(service.get().taskDefinition())
                            + "; nothing was changed in AWS");
                } else {
                    found = new Restored.AsFound(svc + " points at " + shortName(service.get().taskDefinition()) + ", not at "
                            + c.target() + ": ECS or someone else moved it since the update; nothing was undone ("
                            + progress(service.get()) + ")");
                }
            } catch (RuntimeException e) {
                found = new Restored.AsFound(svc + " could not be read (" + AwsFailure.describe(e) + "); it points at "
                        + c.from() + " or, if the update went through, at " + c.target());
            }
        }
        Outcome stopped = new Outcome.Stopped(cause, found);
        st.cp = st.cp.with(new Finished(stopped));
        st.say(EventKind.ABORT_REQUESTED, stopped.message(), "");
        return st.done(null);
    }

    // ---- phases

    private Tick preflight(Story<RollbackCheckpoint> st) {
        RollbackSpec spec = st.cp.spec();
        if (st.cp.startedAt() == null) st.cp = st.cp.startedAt(st.now);
        EcsService svc;
        List<Problem> problems = new ArrayList<>();
        Optional<RollbackChoice> chosen;
        try {
            if (!ecs.clusterExists(spec.cluster())) {
                return invalid(st, List.of(new Problem("cluster", "no cluster " + spec.cluster() + " exists in this region")));
            }
            Optional<EcsService> found = ecs.service(spec.cluster(), spec.service());
            if (found.isEmpty()) {
                return invalid(st, List.of(new Problem("service", "no service " + spec.service() + " exists in cluster "
                        + spec.cluster())));
            }
            svc = found.get();
            RollbackTarget.checkService(svc, problems);
            Optional<TaskDefinitionRef> current = TaskDefinitionRef.parse(svc.taskDefinition());
            chosen = current.isEmpty() ? Optional.empty() : target.choose(spec, svc, current.get(), problems);
        } catch (RuntimeException e) {
            // Nothing was changed yet: like any failed check, exit code 2, and at once rather than after retries.
            return invalid(st, List.of(new Problem("service", "could not check " + spec.service() + " in cluster "
                    + spec.cluster() + ": " + AwsFailure.describe(e))));
        }
        Survey marks = st.cp.claim() == null ? null : ownership.survey(st.cp.claim(), Map.of(svc.arn(), "service"), st.now);
        if (marks != null) problems.addAll(marks.problems());
        if (!problems.isEmpty()) return invalid(st, problems);
        RollbackChoice c = chosen.orElseThrow();
        st.cp = st.cp.with(st.cp.phase(), c);
        String name = "service " + spec.service();
        boolean onTarget = c.target().sameAs(svc.taskDefinition());
        String waitUpTo = "wait until it is stable, at most " + DurationText.format(spec.timeout());
        if (onTarget && svc.stableOn(c.target())) {
            String further = spec.toRevision() == null ? "; to go further back, give the revision to roll back to" : "";
            return finish(st, new Outcome.Succeeded(name + " already runs " + c.target() + " (" + c.why() + ") and is stable ("
                    + progress(svc) + "); nothing was changed in AWS" + further), EventKind.SUCCEEDED);
        }
        if (spec.dryRun()) {
            String would = onTarget
                    ? "dry run: " + name + " already points at " + c.target() + " (" + c.why() + ") but is not stable yet ("
                    + progress(svc) + ")" + (spec.noWait() ? "" : "; a rollback would " + waitUpTo)
                    : "dry run: would roll back " + name + " in cluster " + spec.cluster() + " from " + c.from() + " to "
                    + c.target() + " (" + c.why() + "), keeping its desired count (now " + svc.desiredCount() + ")"
                    + (spec.noWait() ? "" : ", then " + waitUpTo);
            return finish(st, new Outcome.Succeeded(would + "; nothing was changed in AWS"), EventKind.SUCCEEDED);
        }
        if (marks != null) {
            try {
                st.cp = st.cp.withClaim(ownership.take(st.cp.claim(), List.of(svc.arn()), st.now, spec.poll()));
            } catch (RuntimeException e) {
                return invalid(st, List.of(new Problem("service", "could not be marked as driven by this rollback: "
                        + AwsFailure.describe(e))));
            }
        }
        String checked = "checked cluster " + spec.cluster() + " and " + name + " (deployment controller ECS, "
                + svc.desiredCount() + " desired, points at " + c.from() + ")"
                + (marks == null ? "" : "; marked it as driven by rollback " + st.cp.claim().deploymentId() + marks.takeover());
        Instant seen = newest(svc.events());
        if (onTarget) {
            st.say(EventKind.PREFLIGHT_PASSED, checked + "; it already points at " + c.target() + " (" + c.why()
                    + ") but is not stable yet: " + progress(svc), spec.noWait() ? "" : waitUpTo);
            if (spec.noWait()) {
                return finish(st, new Outcome.Succeeded(name + " already points at " + c.target() + " and ECS is rolling it out ("
                        + progress(svc) + "); nothing was changed in AWS and the rollout was not waited for (noWait)"), EventKind.SUCCEEDED);
            }
            Instant deadline = st.now.plus(spec.timeout());
            st.cp = st.cp.with(new WaitingStable(st.now, deadline, progress(svc), seen));
            return st.done(Tick.wake(st.now, spec.poll(), deadline));
        }
        st.cp = st.cp.with(new Updating(seen));
        st.say(EventKind.PREFLIGHT_PASSED, checked + "; target " + c.target() + ": " + c.why(),
                "update " + name + " to " + c.target() + ", keeping its desired count");
        return st.done(st.now);
    }

    private Tick update(Story<RollbackCheckpoint> st, Updating u) {
        RollbackSpec spec = st.cp.spec();
        RollbackChoice c = st.cp.choice();
        String name = "service " + spec.service();
        // A failed read throws to the shell, which tries the tick again: nothing was changed yet, or the
        // update was made and this phase will find it made.
        Optional<EcsService> found = ecs.service(spec.cluster(), spec.service());
        if (found.isEmpty()) {
            return finish(st, new Outcome.Failed(name + " no longer exists in cluster " + spec.cluster()
                    + "; nothing was changed in AWS"), EventKind.FAILED);
        }
        String next = spec.noWait() ? "read it back" : "wait until it runs " + c.target() + " stably, at most "
                + DurationText.format(spec.timeout());
        String pointsAt = found.get().taskDefinition();
        if (c.target().sameAs(pointsAt)) {
            st.say(EventKind.INFO, name + " already points at " + c.target()
                    + ": the update was made by an earlier attempt (before a restart or a failed tick)", next);
        } else if (!c.from().sameAs(pointsAt)) {
            return finish(st, new Outcome.Failed(name + " was changed by someone else after the check: it points at "
                    + shortName(pointsAt) + ", not " + c.from() + "; nothing was changed by this rollback. Run it again to roll "
                    + "back from " + shortName(pointsAt)), EventKind.FAILED);
        } else {
            try {
                // The desired count is left out rather than copied from the check: a scaling policy may have
                // changed it since, and during an incident it is likely scaling up.
                ecs.updateService(spec.cluster(), spec.service(), c.targetArn(), null);
            } catch (RuntimeException e) {
                return finish(st, new Outcome.Failed("ECS refused to update " + name + " to " + c.target() + ": "
                        + AwsFailure.describe(e) + "; " + pointsAtNow(spec)), EventKind.FAILED);
            }
            st.say(EventKind.SERVICE_UPDATED, "updated " + name + " from " + c.from() + " to " + c.target()
                    + ", desired count left as it is", next);
        }
        if (spec.noWait()) {
            Optional<EcsService> back = ecs.service(spec.cluster(), spec.service());
            if (back.isPresent() && c.target().sameAs(back.get().taskDefinition())) {
                return finish(st, new Outcome.Succeeded(name + " now points at " + c.target() + " (from " + c.from()
                        + ") and ECS is rolling it out (" + progress(back.get()) + "); not waited for it to be stable (noWait)"),
                        EventKind.SUCCEEDED);
            }
            return finish(st, new Outcome.Failed("updated " + name + " to " + c.target() + " but ECS reports it points at "
                    + back.map(s -> shortName(s.taskDefinition())).orElse("nothing: the service is gone")), EventKind.FAILED);
        }
        Instant deadline = st.now.plus(spec.timeout());
        st.cp = st.cp.with(new WaitingStable(st.now, deadline, "", u.eventsSeen()));
        return st.done(Tick.wake(st.now, spec.poll(), deadline));
    }

    private Tick waitStable(Story<RollbackCheckpoint> st, WaitingStable w) {
        RollbackSpec spec = st.cp.spec();
        RollbackChoice c = st.cp.choice();
        String name = "service " + spec.service();
        boolean late = !st.now.isBefore(w.deadline());
        EcsService svc;
        try {
            svc = ecs.service(spec.cluster(), spec.service()).orElse(null);
        } catch (RuntimeException e) {
            if (late) {
                return finish(st, new Outcome.Failed(name + " was not seen stable on " + c.target() + " within "
                        + DurationText.format(spec.timeout()) + "; the last read failed (" + AwsFailure.describe(e) + "); last seen: "
                        + w.progress()), EventKind.FAILED);
            }
            st.say(EventKind.INFO, "could not read " + name + ": " + AwsFailure.describe(e), "try again in " + DurationText.format(spec.poll()));
            return st.done(Tick.wake(st.now, spec.poll(), w.deadline()));
        }
        if (svc == null) {
            return finish(st, new Outcome.Unsafe(name + " was deleted while rolling back to " + c.target(), ""), EventKind.FAILED);
        }
        Instant seen = tellNewEvents(st, svc, w.eventsSeen());
        Optional<EcsDeployment> failedTarget = svc.failedDeploymentOf(c.target());
        String why = failedTarget.map(d -> ": the deployment of " + c.target() + " failed ("
                + Objects.requireNonNullElse(d.rolloutStateReason(), "no reason given") + ")").orElse("");
        if (!c.target().sameAs(svc.taskDefinition())) {
            if (failedTarget.isPresent() || c.from().sameAs(svc.taskDefinition())) {
                return finish(st, new Outcome.RolledBack(new Cause.HealthFailed("ECS rolled " + name + " back on its own" + why),
                        new Restored.AsFound("it points at " + shortName(svc.taskDefinition()) + " again, not at " + c.target()
                                + " (" + progress(svc) + "). " + quote(svc.events()))), EventKind.ROLLED_BACK);
            }
            return finish(st, new Outcome.Unsafe(name + " now points at " + shortName(svc.taskDefinition()) + ", neither "
                    + c.target() + " nor " + c.from() + ": someone or something else changed it while this rollback waited ("
                    + progress(svc) + ")", "Find out who before acting. " + quote(svc.events())), EventKind.FAILED);
        }
        Optional<EcsDeployment> primary = svc.primary();
        if (primary.isPresent() && failedTarget.isPresent() && primary.get().id().equals(failedTarget.get().id())) {
            return finish(st, new Outcome.RolledBack(new Cause.HealthFailed("the deployment of " + c.target() + " failed ("
                    + Objects.requireNonNullElse(primary.get().rolloutStateReason(), "no reason given")
                    + ") and ECS did not roll it back"), new Restored.AsFound(name + " points at " + c.target() + " but "
                    + progress(svc) + ". " + quote(svc.events()))), EventKind.FAILED);
        }
        if (svc.stableOn(c.target())) {
            st.say(EventKind.SERVICE_STABLE, name + " is stable on " + c.target() + ": " + progress(svc), "");
            String took = DurationText.format(Duration.between(st.cp.startedAt(), st.now));
            return finish(st, new Outcome.Succeeded(name + " runs " + c.target() + " again (" + c.why() + "): "
                    + svc.runningCount() + "/" + svc.desiredCount() + " tasks, one deployment; restored in " + took
                    + " (it ran " + c.from() + ")"
                    // Scaled to zero, "stable" serves nobody: say so rather than let "restored" mislead.
                    + (svc.desiredCount() == 0 ? "; note that the service is scaled to 0 tasks, so nothing serves traffic" : "")),
                    EventKind.SUCCEEDED);
        }
        if (late) {
            return finish(st, new Outcome.Failed(name + " was not stable on " + c.target() + " within "
                    + DurationText.format(spec.timeout()) + ": it points at " + c.target() + " but " + progress(svc)
                    + ". ECS goes on deploying " + c.target() + "; nothing was undone. " + quote(svc.events())), EventKind.FAILED);
        }
        String now = progress(svc);
        if (!now.equals(w.progress())) {
            st.say(EventKind.INFO, "rolling out " + c.target() + ": " + now, "check every " + DurationText.format(spec.poll())
                    + " until " + CLOCK.format(w.deadline()));
        }
        st.cp = st.cp.with(new WaitingStable(w.since(), w.deadline(), now, seen));
        return st.done(Tick.wake(st.now, spec.poll(), w.deadline()));
    }

    // ---- reading a service

    /** {@code 1/3 running, 2 pending; web:5 PRIMARY 1/3 IN_PROGRESS, web:7 ACTIVE 2/3}. */
    static String progress(EcsService svc) {
        String counts = svc.taskCounts();
        if (svc.deployments().isEmpty()) return counts + "; no deployments";
        return counts + "; " + svc.deployments().stream()
                .map(d -> shortName(d.taskDefinition()) + " " + d.status() + " " + d.runningCount() + "/" + d.desiredCount()
                        + (d.rolloutState() == null ? "" : " " + d.rolloutState()))
                .collect(Collectors.joining(", "));
    }

    /** Tells the ECS events newer than {@code seen}, oldest first, and returns the newest time told. */
    private static Instant tellNewEvents(Story<RollbackCheckpoint> st, EcsService svc, Instant seen) {
        List<EcsEvent> fresh = new ArrayList<>(svc.events().stream()
                .filter(e -> e.at() != null && (seen == null || e.at().isAfter(seen))).toList());
        // ECS lists newest first; reversed before the (stable) sort, events of the same instant keep their order.
        Collections.reverse(fresh);
        fresh.sort(Comparator.comparing(EcsEvent::at));
        for (EcsEvent e : fresh) {
            st.say(EventKind.INFO, "ECS " + CLOCK.format(e.at()) + ": " + e.message(), "");
        }
        return fresh.isEmpty() ? seen : fresh.get(fresh.size() - 1).at();
    }

    private static Instant newest(List<EcsEvent> events) {
        return events.stream().map(EcsEvent::at).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    }

    /** The newest ECS events in one sentence, for the end of a failure message. */
    static String quote(List<EcsEvent> events) {
        if (events.isEmpty()) return "ECS reported no service events.";
        return "Latest ECS events: " + events.stream()
                .sorted(Comparator.comparing(EcsEvent::at, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(QUOTED_EVENTS)
                .map(e -> "[" + (e.at() == null ? "?" : CLOCK.format(e.at())) + "] " + e.message())
                .collect(Collectors.joining(" ")) + (events.size() > QUOTED_EVENTS ? " ..." : "");
    }

    private String pointsAtNow(RollbackSpec spec) {
        try {
            return ecs.service(spec.cluster(), spec.service())
                    .map(s -> "the service points at " + shortName(s.taskDefinition()))
                    .orElse("the service no longer exists");
        } catch (RuntimeException e) {
            return "the service could not be read back (" + AwsFailure.describe(e) + ")";
        }
    }

    // ---- endings

    private Tick ignored(RollbackCheckpoint checkpoint, String what, Instant now) {
        Story<RollbackCheckpoint> st = story(checkpoint, now);
        st.say(EventKind.INFO, what + " ignored: a rollback asks for no approval", "");
        return st.done(checkpoint.finished() ? null : now);
    }

    private static Tick invalid(Story<RollbackCheckpoint> st, List<Problem> problems) {
        Outcome.Invalid invalid = new Outcome.Invalid(problems);
        st.cp = st.cp.with(new Finished(invalid));
        st.say(EventKind.FAILED, "preflight failed, " + invalid.message(), "");
        return st.done(null);
    }

    private static Tick finish(Story<RollbackCheckpoint> st, Outcome outcome, EventKind kind) {
        st.cp = st.cp.with(new Finished(outcome));
        st.say(kind, outcome.message(), "");
        return st.done(null);
    }

    /** A rollback moves no traffic and reads no alarms, so its events carry neither. */
    private Story<RollbackCheckpoint> story(RollbackCheckpoint cp, Instant now) {
        return new Story<>(cp, now, clock, c -> null, c -> Map.of(), RollbackCheckpoint::withHistory);
    }
}
