package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import static io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef.shortName;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWords.describe;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsFailure;
import io.jenkins.plugins.awsdeploy.engine.DurationText;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.Story;
import io.jenkins.plugins.awsdeploy.engine.Tick;
import io.jenkins.plugins.awsdeploy.engine.aws.EcsPort;
import io.jenkins.plugins.awsdeploy.engine.aws.ForwardWeights;
import io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef;
import io.jenkins.plugins.awsdeploy.engine.aws.TrafficPort;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.Finished;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.ScalingDownNew;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * How a blue/green deployment stops: with the old side kept, unsafely without another change, after a call that
 * kept failing, or finished. Shared by every phase, so each one ends the same way.
 */
final class BlueGreenEndings {

    private final EcsPort ecs;
    private final TrafficPort traffic;

    BlueGreenEndings(EcsPort ecs, TrafficPort traffic) {
        this.ecs = ecs;
        this.traffic = traffic;
    }

    Fleet fleet(BlueGreenSpec spec) {
        return new EcsFleet(ecs, traffic, spec);
    }

    /** Ends a deployment whose production traffic is on the old side: the new side stays up or is scaled to 0. */
    Tick failBeforeSwitch(Story<BlueGreenCheckpoint> st, Outcome outcome) {
        BlueGreenSpec spec = st.cp.spec();
        st.cp = st.cp.with(st.cp.phase(), Split.ALL_STABLE);
        if (spec.scaleDownFailed()) {
            st.cp = st.cp.with(new ScalingDownNew(outcome, 0));
            return st.done(st.now);
        }
        if (st.cp.taskDefinition() == null) return finish(st, outcome);
        return finish(st, outcome.withNote(spec.service(st.cp.to()) + " stays up on " + shortName(st.cp.taskDefinition())
                + " for inspection (scale it to 0 when done)"));
    }

    /**
     * Reads production weights before a change that is only safe while all traffic is on the old side.
     * Present when they are not: the engine then stops and touches nothing.
     */
    Optional<Tick> productionMoved(Story<BlueGreenCheckpoint> st, String when) {
        ForwardWeights found = readWeights(st.cp.spec());
        if (Optional.of(Split.ALL_STABLE).equals(asSplit(st.cp, found))) return Optional.empty();
        return Optional.of(unsafe(st, when + " the " + st.cp.spec().target().describe() + " forwards " + found
                + " instead of all traffic to " + st.cp.from() + "; someone else changed it"));
    }

    /**
     * Stops without another change, saying what AWS shows now (read here, not remembered: after a restart or
     * someone else's change the checkpoint's picture may be the very thing that is wrong) and what can be done.
     */
    Tick unsafe(Story<BlueGreenCheckpoint> st, String what) {
        return unsafeWhere(st, "stopped without changing anything more: " + what);
    }

    /**
     * Stops without another change after {@code where}, which says what happened (the switch's own account, when
     * it stopped unsafely), adding where things are now and the advice that fits both services.
     */
    Tick unsafeWhere(Story<BlueGreenCheckpoint> st, String where) {
        Situation now = Situation.read(st.cp, traffic, fleet(st.cp.spec()));
        Outcome unsafe = new Outcome.Unsafe(where + ". " + now.now(), now.advice());
        st.say(EventKind.FAILED, unsafe.message(), "a person must check the load balancer and both services");
        return finish(st, unsafe);
    }

    Tick finish(Story<BlueGreenCheckpoint> st, Outcome outcome) {
        st.cp = st.cp.with(new Finished(outcome));
        return st.done(null);
    }

    Tick failedCall(Story<BlueGreenCheckpoint> st, int failed, String what, RuntimeException e, IntFunction<BlueGreenPhase> again,
                            Function<String, Tick> giveUp) {
        int attempts = failed + 1;
        if (attempts >= BlueGreenDeployment.ATTEMPTS) {
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

    ForwardWeights readWeights(BlueGreenSpec spec) {
        return traffic.read(spec.target())
                .orElseThrow(() -> new IllegalStateException("the " + spec.target().describe() + " no longer exists"));
    }

    static Optional<Split> asSplit(BlueGreenCheckpoint cp, ForwardWeights weights) {
        return weights.asSplit(cp.spec().targetGroup(cp.from()), cp.spec().targetGroup(cp.to()));
    }
}
