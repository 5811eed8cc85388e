package io.jenkins.plugins.awsdeploy.engine.canary;

import io.jenkins.plugins.awsdeploy.engine.aws.AwsFailure;
import io.jenkins.plugins.awsdeploy.engine.AlarmState;
import io.jenkins.plugins.awsdeploy.engine.DurationText;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.Reconciler;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.Story;
import io.jenkins.plugins.awsdeploy.engine.Tick;
import io.jenkins.plugins.awsdeploy.engine.aws.AlarmPort;
import io.jenkins.plugins.awsdeploy.engine.aws.AlarmReading;
import io.jenkins.plugins.awsdeploy.engine.aws.ForwardWeights;
import io.jenkins.plugins.awsdeploy.engine.aws.TrafficPort;
import io.jenkins.plugins.awsdeploy.engine.aws.TrafficTarget;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryPhase.AwaitingApproval;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryPhase.Baking;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryPhase.Finished;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryPhase.Preflight;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryPhase.RollingBack;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryPhase.Shifting;
import io.jenkins.plugins.awsdeploy.engine.ownership.Claim;
import io.jenkins.plugins.awsdeploy.engine.ownership.Ownership;
import io.jenkins.plugins.awsdeploy.engine.ownership.Survey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The canary reconciler: each call reads what it needs from AWS, decides one step, makes at most one
 * change, and returns the checkpoint to store and when to be called again. It never waits: the shell
 * owns time.
 *
 * <p>Per step it makes three load balancer calls (read to guard, write, read back); per poll two calls:
 * one read of the weights, so that someone else's change is noticed at once, and one DescribeAlarms call
 * for all alarms.
 */
public final class CanaryDeployment implements Reconciler<CanaryCheckpoint> {

    /** Attempts at restoring 100/0 before giving up and saying where traffic is. */
    static final int ROLLBACK_ATTEMPTS = 5;

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final TrafficPort traffic;
    private final AlarmWatch watch;
    private final Ownership ownership;
    private final Clock clock;

    /** @param clock times each event when it is told; null tells a call's events at the time it began */
    public CanaryDeployment(TrafficPort traffic, AlarmPort alarms, Ownership ownership, Clock clock) {
        this.traffic = traffic;
        this.watch = new AlarmWatch(alarms);
        this.ownership = ownership;
        this.clock = clock;
    }

    public Tick advance(CanaryCheckpoint checkpoint, Instant now) {
        Story<CanaryCheckpoint> st = story(checkpoint, now);
        CanaryPhase phase = checkpoint.phase();
        if (phase instanceof Preflight) return preflight(st);
        if (phase instanceof Shifting s) return shift(st, s);
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
        if (phase instanceof Baking || phase instanceof AwaitingApproval) {
            ForwardWeights found = readWeights(checkpoint.spec());
            Optional<Split> split = asSplit(checkpoint.spec(), found);
            if (split.equals(Optional.of(Split.ALL_STABLE)) && !checkpoint.live().equals(Split.ALL_STABLE)) {
                // What a rollback leaves: one whose checkpoints could not be stored (the loop stops and puts traffic
                // back when a store fails), or a person who restored it meanwhile. Either way nothing is left to do.
                String message = "after the restart the " + checkpoint.spec().target().describe() + " forwards 100/0,"
                        + " the split this deployment would have restored, not the " + checkpoint.live() + " its last stored"
                        + " checkpoint shows (a later checkpoint may not have been stored); all traffic is on the stable side";
                st.cp = checkpoint.with(new Finished(new Outcome.Stopped(message)), Split.ALL_STABLE);
                st.say(EventKind.ROLLED_BACK, message, "");
                return st.done(null);
            }
            if (!checkpoint.live().equals(split.orElse(null))) {
                return unsafe(st, "after the restart the " + checkpoint.spec().target().describe() + " forwards "
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
        st.say(EventKind.APPROVED, "approved by " + who, "shift to " + percentOf(checkpoint.spec(), a.step()) + "%");
        return st.done(now);
    }

    public Tick decline(CanaryCheckpoint checkpoint, String who, Instant now) {
        Story<CanaryCheckpoint> st = story(checkpoint, now);
        if (!(checkpoint.phase() instanceof AwaitingApproval)) {
            st.say(EventKind.INFO, "decline by " + who + " ignored: nothing is waiting for approval", "");
            return st.done(now);
        }
        st.cp = checkpoint.with(new RollingBack("declined by " + who, true, null, 0));
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
            st.cp = checkpoint.with(new Finished(new Outcome.Stopped(why + " before any change; nothing was changed in AWS")));
            st.say(EventKind.ABORT_REQUESTED, why + " before any change; nothing was changed in AWS", "");
            return st.done(null);
        }
        Split inFlight = phase instanceof Shifting s ? checkpoint.spec().plan().step(s.step()).split() : null;
        st.cp = checkpoint.with(new RollingBack(why, true, inFlight, 0));
        st.say(EventKind.ABORT_REQUESTED, why, "put all traffic back on the stable side");
        return st.done(now);
    }

    // ---- phases

    private Tick preflight(Story<CanaryCheckpoint> st) {
        CanarySpec spec = st.cp.spec();
        TrafficTarget target = spec.target();
        List<Problem> problems = new ArrayList<>();
        Optional<Split> current = Optional.empty();
        try {
            Optional<ForwardWeights> found = traffic.read(target);
            if (found.isEmpty()) {
                problems.add(new Problem(target.parameter(), "no " + target.describe() + " exists"));
            } else if (!found.get().weights().containsKey(spec.stableTargetGroup())) {
                problems.add(new Problem(target.parameter(), "does not forward to the stable target group "
                        + ForwardWeights.shortName(spec.stableTargetGroup()) + "; it forwards to " + found.get()
                        + (found.get().weightOf(spec.canaryTargetGroup()) > 0 ? "; are the stable and the canary target "
                        + "group swapped?" : "")));
            } else {
                current = asSplit(spec, found.get());
                if (current.isEmpty()) {
                    problems.add(new Problem(target.parameter(), "forwards to " + found.get()
                            + "; only the stable and the canary target group may carry traffic"));
                }
            }
        } catch (RuntimeException e) {
            problems.add(new Problem(target.parameter(), "could not be read: " + AwsFailure.describe(e)));
        }
        try {
            for (String missing : traffic.missingTargetGroups(List.of(spec.stableTargetGroup(), spec.canaryTargetGroup()))) {
                String param = missing.equals(spec.stableTargetGroup()) ? "stableTargetGroup" : "canaryTargetGroup";
                problems.add(new Problem(param, "no target group " + missing + " exists"));
            }
        } catch (RuntimeException e) {
            problems.add(new Problem("stableTargetGroup", "target groups could not be read: " + AwsFailure.describe(e)));
        }
        AlarmWatch.Poll alarmsNow = watch.check(spec.alarms(), problems);
        Map<String, AlarmState> states = alarmsNow.states();
        Claim me = st.cp.claim();
        Survey marks = null;
        if (me != null) {
            marks = ownership.survey(me, Map.of(target.arn(), target.parameter()), st.now);
            problems.addAll(marks.problems());
        }
        OptionalInt resumeAt = OptionalInt.empty();
        if (current.isPresent() && !current.get().equals(Split.ALL_STABLE)) {
            resumeAt = spec.plan().indexOf(current.get());
            if (resumeAt.isEmpty()) {
                problems.add(new Problem(target.parameter(), "splits traffic " + current.get()
                        + " (stable/new), which is neither 100/0 nor a step of this plan (" + spec.plan().describe() + ")"));
            } else if (marks == null || !marks.ours().contains(target.arn())) {
                // Only this deployment's own marker proves the split is its work; anything else (the target
                // groups given the wrong way round, another pipeline's canary) must not be "continued".
                resumeAt = OptionalInt.empty();
                problems.add(new Problem(target.parameter(), "splits traffic " + current.get() + " (stable/new: "
                        + found(spec, current.get()) + "), not 100/0 on the stable target group, and nothing shows this "
                        + "deployment made that split; check that the stable and the canary target group are not swapped, "
                        + "resume an interrupted deployment from its state file, or put all traffic on the stable target "
                        + "group first"));
            }
        }
        if (problems.isEmpty() && marks != null) {
            try {
                st.cp = st.cp.withClaim(ownership.take(me, List.of(target.arn()), st.now, spec.poll()));
            } catch (RuntimeException e) {
                problems.add(new Problem(target.parameter(), "could not be marked as driven by this deployment: "
                        + AwsFailure.describe(e)));
            }
        }
        if (!problems.isEmpty()) {
            Outcome.Invalid invalid = new Outcome.Invalid(problems);
            // The event shows the split the listener really has, which may be the very problem.
            st.cp = st.cp.with(new Finished(invalid), current.orElse(st.cp.live()));
            st.say(EventKind.FAILED, "preflight failed, " + invalid.message(), "");
            return st.done(null);
        }
        st.cp = st.cp.withAlarms(states, alarmsNow.transitions());
        String checked = "checked the " + target.describe() + ", both target groups and "
                + (states.isEmpty() ? "no alarms" : states.size() + " alarm(s), none in ALARM")
                + (marks == null ? "" : "; marked it as driven by deployment " + me.deploymentId() + marks.takeover());
        if (resumeAt.isPresent()) {
            int i = resumeAt.getAsInt();
            st.cp = st.cp.with(new Baking(i, st.now.plus(spec.plan().step(i).bake())), current.get());
            st.say(EventKind.PREFLIGHT_PASSED, checked + "; traffic is already at step " + (i + 1) + " of "
                    + spec.plan().size() + ", continuing from there", bakeNext(spec, i));
            return st.done(st.now);
        }
        st.cp = st.cp.with(st.cp.phase(), Split.ALL_STABLE);
        st.say(EventKind.PREFLIGHT_PASSED, checked + "; plan " + spec.plan().describe(), "shift to "
                + spec.plan().step(0).percent() + "%");
        return next(st, 0);
    }

    private Tick shift(Story<CanaryCheckpoint> st, Shifting s) {
        CanarySpec spec = st.cp.spec();
        Split target = spec.plan().step(s.step()).split();
        ForwardWeights before;
        try {
            before = readWeights(spec);
        } catch (RuntimeException e) {
            return startRollback(st, "could not read the " + spec.target().describe() + " before shifting: " + AwsFailure.describe(e), null);
        }
        Optional<Split> found = asSplit(spec, before);
        if (found.isEmpty() || !(found.get().equals(s.from()) || found.get().equals(target))) {
            return unsafe(st, "the weights were changed by someone else: expected " + s.from() + " (stable/new), found "
                    + before + "; left them untouched");
        }
        if (!found.get().equals(target)) {
            try {
                traffic.write(spec.target(), before.withSplit(spec.stableTargetGroup(), spec.canaryTargetGroup(), target));
            } catch (RuntimeException e) {
                return startRollback(st, "could not shift to " + target + ": " + AwsFailure.describe(e), target);
            }
            ForwardWeights after;
            try {
                after = readWeights(spec);
            } catch (RuntimeException e) {
                return startRollback(st, "could not read back the shift to " + target + ": " + AwsFailure.describe(e), target);
            }
            if (!target.equals(asSplit(spec, after).orElse(null))) {
                return unsafe(st, "wrote " + target + " but AWS reports " + after + "; someone else is changing this "
                        + spec.target().describe());
            }
        }
        CanaryStep step = spec.plan().step(s.step());
        st.cp = st.cp.with(new Baking(s.step(), st.now.plus(step.bake())), target);
        st.say(EventKind.SHIFTED, "shifted to " + target.canary() + "% on the new side (" + target + "), read back",
                bakeNext(spec, s.step()));
        return st.done(Tick.wake(st.now, spec.poll(), st.now.plus(step.bake())));
    }

    private Tick bake(Story<CanaryCheckpoint> st, Baking b) {
        CanarySpec spec = st.cp.spec();
        Optional<Tick> drifted = drifted(st);
        if (drifted.isPresent()) return drifted.get();
        if (!pollAlarms(st)) {
            return st.done(st.now);
        }
        if (st.now.isBefore(b.until())) {
            return st.done(Tick.wake(st.now, spec.poll(), b.until()));
        }
        if (spec.plan().isLast(b.step())) {
            String message = "all traffic is on the new side (" + st.cp.live() + ")" + stepsMade(st.cp)
                    + (spec.alarms().isEmpty() ? "" : "; alarms stayed OK");
            st.cp = st.cp.with(new Finished(new Outcome.Succeeded(message)));
            st.say(EventKind.SUCCEEDED, message, "");
            return st.done(null);
        }
        return next(st, b.step() + 1);
    }

    private Tick awaitApproval(Story<CanaryCheckpoint> st, AwaitingApproval a) {
        CanarySpec spec = st.cp.spec();
        Optional<Tick> drifted = drifted(st);
        if (drifted.isPresent()) return drifted.get();
        if (!pollAlarms(st)) {
            return st.done(st.now);
        }
        if (spec.approvalTimeout() != null) {
            Instant deadline = a.since().plus(spec.approvalTimeout());
            if (!st.now.isBefore(deadline)) {
                String cause = "no approval within " + DurationText.format(spec.approvalTimeout());
                st.cp = st.cp.with(new RollingBack(cause, true, null, 0));
                st.say(EventKind.ROLLBACK_STARTED, cause + "; the approval is closed", "put all traffic back on the stable side");
                return st.done(st.now);
            }
            return st.done(Tick.wake(st.now, spec.poll(), deadline));
        }
        return st.done(st.now.plus(spec.poll()));
    }

    private Tick rollBack(Story<CanaryCheckpoint> st, RollingBack r) {
        CanarySpec spec = st.cp.spec();
        try {
            ForwardWeights before = readWeights(spec);
            Optional<Split> found = asSplit(spec, before);
            if (!Optional.of(Split.ALL_STABLE).equals(found)) {
                boolean ours = found.isPresent() && (found.get().equals(st.cp.live()) || found.get().equals(r.inFlight()));
                if (!ours) {
                    return unsafe(st, "while rolling back (" + r.cause() + ") the weights were found changed by someone else: "
                            + before + " instead of " + st.cp.live() + "; left them untouched");
                }
                traffic.write(spec.target(), before.withSplit(spec.stableTargetGroup(), spec.canaryTargetGroup(), Split.ALL_STABLE));
                ForwardWeights after = readWeights(spec);
                if (!Optional.of(Split.ALL_STABLE).equals(asSplit(spec, after))) {
                    return unsafe(st, "wrote 100/0 to roll back (" + r.cause() + ") but AWS reports " + after);
                }
            }
        } catch (RuntimeException e) {
            int attempts = r.attempts() + 1;
            if (attempts >= ROLLBACK_ATTEMPTS) {
                return unsafe(st, "could not roll back (" + r.cause() + ") after " + attempts + " attempts: " + AwsFailure.describe(e));
            }
            Duration backoff = Duration.ofSeconds(Math.min(30, 1L << attempts));
            st.cp = st.cp.with(new RollingBack(r.cause(), r.byPerson(), r.inFlight(), attempts));
            st.say(EventKind.INFO, "rollback attempt " + attempts + " failed: " + AwsFailure.describe(e),
                    "try again in " + DurationText.format(backoff));
            return st.done(st.now.plus(backoff));
        }
        String message = r.cause() + "; all traffic is back on the stable side (100/0)";
        Outcome outcome = r.byPerson() ? new Outcome.Stopped(message) : new Outcome.RolledBack(message);
        st.cp = st.cp.with(new Finished(outcome), Split.ALL_STABLE);
        st.say(EventKind.ROLLED_BACK, "all traffic is back on the stable side (100/0), read back", "");
        return st.done(null);
    }

    // ---- pieces

    /** Enters step {@code index}: straight to shifting, or first to an approval. */
    private Tick next(Story<CanaryCheckpoint> st, int index) {
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
        CanarySpec spec = st.cp.spec();
        ForwardWeights now;
        try {
            now = readWeights(spec);
        } catch (RuntimeException e) {
            return Optional.of(startRollback(st, "could not read the " + spec.target().describe() + " while watching it: "
                    + AwsFailure.describe(e), null));
        }
        if (st.cp.live().equals(asSplit(spec, now).orElse(null))) return Optional.empty();
        return Optional.of(unsafe(st, "the weights were changed by someone else: expected " + st.cp.live()
                + " (stable/new), found " + now + "; left them untouched"));
    }

    /**
     * How many steps this deployment moved traffic for, as the summary says it: a canary continued from a
     * plan point moved fewer steps than its plan has, and one that found all traffic moved already, none.
     */
    private static String stepsMade(CanaryCheckpoint cp) {
        long made = cp.history().stream().filter(e -> e.kind() == EventKind.SHIFTED).count();
        int planned = cp.spec().plan().size();
        if (made == 0) return "; this deployment found it there and changed nothing";
        return " after " + made + " step(s)" + (made < planned ? " of this deployment (the plan has " + planned
                + "; it began at a later step)" : "");
    }

    private static String found(CanarySpec spec, Split split) {
        return ForwardWeights.shortName(spec.stableTargetGroup()) + " " + split.stable() + "%, "
                + ForwardWeights.shortName(spec.canaryTargetGroup()) + " " + split.canary() + "%";
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
        String cause = poll.failing().get();
        boolean closesApproval = st.cp.approval().isPresent();
        st.cp = st.cp.with(new RollingBack(cause, false, null, 0));
        st.say(EventKind.ROLLBACK_STARTED, cause + (closesApproval ? "; the approval is closed" : ""),
                "put all traffic back on the stable side at once, skipping the remaining steps");
        return false;
    }

    private Tick unsafe(Story<CanaryCheckpoint> st, String what) {
        CanarySpec spec = st.cp.spec();
        String message = "stopped without restoring: " + what + ". To put all traffic back on the stable side, set the "
                + "forward action's weights to stable 100, canary 0; where the forward action is the only action: "
                + restoreCommand(spec) + " (that command replaces every action, so with authentication or other actions "
                + "edit the forward action in the AWS console instead; then check it with describe-"
                + (spec.target().kind() == TrafficTarget.Kind.LISTENER ? "listeners" : "rules") + ")";
        st.cp = st.cp.with(new Finished(new Outcome.Unsafe(message)));
        st.say(EventKind.FAILED, message, "a person must check the " + spec.target().describe());
        return st.done(null);
    }

    private Tick startRollback(Story<CanaryCheckpoint> st, String cause, Split inFlight) {
        st.cp = st.cp.with(new RollingBack(cause, false, inFlight, 0));
        st.say(EventKind.ROLLBACK_STARTED, cause, "put all traffic back on the stable side");
        return st.done(st.now);
    }

    /** The AWS CLI command that restores 100/0, for the one case where the engine could not. */
    static String restoreCommand(CanarySpec spec) {
        String forward = "Type=forward,ForwardConfig={TargetGroups=[{TargetGroupArn=" + spec.stableTargetGroup()
                + ",Weight=100},{TargetGroupArn=" + spec.canaryTargetGroup() + ",Weight=0}]}";
        return spec.target().kind() == TrafficTarget.Kind.LISTENER
                ? "aws elbv2 modify-listener --listener-arn " + spec.target().arn() + " --default-actions '" + forward + "'"
                : "aws elbv2 modify-rule --rule-arn " + spec.target().arn() + " --actions '" + forward + "'";
    }

    private ForwardWeights readWeights(CanarySpec spec) {
        return traffic.read(spec.target())
                .orElseThrow(() -> new IllegalStateException("the " + spec.target().describe() + " no longer exists"));
    }

    private static Optional<Split> asSplit(CanarySpec spec, ForwardWeights weights) {
        return weights.asSplit(spec.stableTargetGroup(), spec.canaryTargetGroup());
    }

    private static int percentOf(CanarySpec spec, int step) {
        return spec.plan().step(step).percent();
    }

    private static String bakeNext(CanarySpec spec, int step) {
        CanaryStep s = spec.plan().step(step);
        String after = spec.plan().isLast(step) ? "done" : "step to " + spec.plan().step(step + 1).percent() + "%";
        if (s.bake().isZero()) return after;
        return "bake " + DurationText.format(s.bake()) + (spec.alarms().isEmpty() ? "" : " watching "
                + spec.alarms().size() + " alarm(s)") + ", then " + after;
    }

    /** Each event of a canary carries where traffic is and what the alarms say. */
    private Story<CanaryCheckpoint> story(CanaryCheckpoint cp, Instant now) {
        return new Story<>(cp, now, clock, CanaryCheckpoint::live, CanaryCheckpoint::alarms, CanaryCheckpoint::withHistory);
    }
}
