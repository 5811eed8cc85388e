package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWords.allOnOld;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWords.oldSide;
import io.jenkins.plugins.awsdeploy.engine.Cause;
import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.Restored;
import io.jenkins.plugins.awsdeploy.engine.Strategies;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.Story;
import io.jenkins.plugins.awsdeploy.engine.Tick;
import io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.ScaleDownWait;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.ScalingDownOld;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.Switching;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryPhase;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Takes over the result of one call of the canary that moves production traffic: its events, its split and alarm
 * states, and its end, which for blue/green is never the end (after the switch comes the wait, after the wait the
 * clean-up).
 */
final class SwitchTakeover {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final BlueGreenEndings endings;

    SwitchTakeover(BlueGreenEndings endings) {
        this.endings = endings;
    }

    /**
     * Takes over what the canary engine did in this call: its events, its split and alarm states, and its
     * end, which for blue/green is never the end (after the switch comes the wait, after the wait the clean-up).
     */
    Tick fromCanary(Story<BlueGreenCheckpoint> st, Tick tick, boolean afterSwitch) {
        // The switch is a canary run by this deployment; its tick carries the canary's checkpoint.
        CanaryCheckpoint sub = Strategies.as(CanaryCheckpoint.class, tick.checkpoint()).orElseThrow();
        Optional<Outcome> ended = sub.outcome();
        boolean invalid = ended.isPresent() && ended.get() instanceof Outcome.Invalid;
        boolean unsafe = ended.isPresent() && ended.get() instanceof Outcome.Unsafe;
        Optional<Cause> stillOnOld = afterSwitch ? Optional.empty() : nothingMovedBack(st.cp);
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
        // Blue/green says its own where traffic went; the switch's cause is kept as it is.
        Restored restored = stillOnOld.isPresent() ? new Restored.StillOn(oldSide(st.cp)) : new Restored.BackOn(oldSide(st.cp));
        if (outcome instanceof Outcome.RolledBack r) return endings.failBeforeSwitch(st, new Outcome.RolledBack(r.cause(), restored));
        if (outcome instanceof Outcome.Stopped s) return endings.failBeforeSwitch(st, new Outcome.Stopped(s.why(), restored));
        // The switch's account of what happened stands; its advice knows one listener, blue/green's both services.
        if (outcome instanceof Outcome.Unsafe u) return endings.unsafeWhere(st, u.where());
        if (outcome instanceof Outcome.Invalid problems) {
            boolean onlyAlarms = problems.problems().stream().allMatch(p -> p.parameter().equals("alarms"));
            String found = "just before the switch: " + problems.problems().stream().map(Problem::toString)
                    .collect(Collectors.joining("; "));
            String what = found + "; nothing was switched by this deployment";
            if (onlyAlarms) {
                st.say(EventKind.FAILED, what, "");
                return endings.failBeforeSwitch(st, new Outcome.RolledBack(new Cause.Other(found), new Restored.StillOn(oldSide(st.cp))));
            }
            return endings.unsafe(st, what + ", but the load balancer is not as preflight found it; someone else changed it");
        }
        return endings.finish(st, outcome);
    }

    /**
     * The cause of a switch back that is about to end with no production traffic ever having moved (an alarm
     * or a decline while the approval was open): then nothing "went back", it stayed. Empty otherwise.
     */
    static Optional<Cause> nothingMovedBack(BlueGreenCheckpoint cp) {
        if (!(cp.phase() instanceof Switching s) || !(s.canary().phase() instanceof CanaryPhase.RollingBack r)) {
            return Optional.empty();
        }
        boolean shifted = cp.history().stream().anyMatch(e -> e.kind() == EventKind.SHIFTED);
        boolean moved = shifted || r.inFlight() != null || !s.canary().live().equals(Split.ALL_STABLE);
        return moved ? Optional.empty() : Optional.of(r.cause());
    }
}
