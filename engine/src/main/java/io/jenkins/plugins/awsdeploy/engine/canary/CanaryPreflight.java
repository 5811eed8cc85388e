package io.jenkins.plugins.awsdeploy.engine.canary;

import io.jenkins.plugins.awsdeploy.engine.AlarmState;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.Story;
import io.jenkins.plugins.awsdeploy.engine.Tick;
import io.jenkins.plugins.awsdeploy.engine.analysis.MetricSources;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsFailure;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryPhase.Baking;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryPhase.Finished;
import io.jenkins.plugins.awsdeploy.engine.ownership.Claim;
import io.jenkins.plugins.awsdeploy.engine.ownership.Ownership;
import io.jenkins.plugins.awsdeploy.engine.ownership.Survey;
import io.jenkins.plugins.awsdeploy.engine.routing.Inspection;
import io.jenkins.plugins.awsdeploy.engine.routing.TrafficRouter;
import io.jenkins.plugins.awsdeploy.engine.DurationText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The canary's first call: everything checked before the first change (the router's resource and sides,
 * every alarm, the ownership marker), then the resource marked as driven by this deployment. A split that
 * is already a step of the plan is continued only when this deployment's own marker proves it made it.
 */
final class CanaryPreflight {

    private final AlarmWatch watch;
    private final Ownership ownership;

    CanaryPreflight(AlarmWatch watch, Ownership ownership) {
        this.watch = watch;
        this.ownership = ownership;
    }

    Tick run(Story<CanaryCheckpoint> st, TrafficRouter router) {
        CanarySpec spec = st.cp.spec();
        String parameter = router.spec().parameter();
        Inspection inspection = router.inspect();
        List<Problem> problems = new ArrayList<>(inspection.problems());
        Optional<Split> current = inspection.current();
        AlarmWatch.Poll alarmsNow = watch.check(spec.alarms(), problems);
        if (spec.analysis() != null && MetricSources.of(spec.router()).isEmpty()) {
            problems.add(new Problem(parameter, "the canary analysis knows no metrics for a " + router.spec().describe()
                    + "; run it without analysis"));
        }
        Map<String, AlarmState> states = alarmsNow.states();
        Claim me = st.cp.claim();
        Survey marks = null;
        if (me != null) {
            marks = ownership.survey(me, router.marked(), st.now);
            problems.addAll(marks.problems());
        }
        OptionalInt resumeAt = OptionalInt.empty();
        if (current.isPresent() && !current.get().equals(Split.ALL_STABLE)) {
            resumeAt = spec.plan().indexOf(current.get());
            if (resumeAt.isEmpty()) {
                problems.add(new Problem(parameter, "splits traffic " + current.get()
                        + " (stable/new), which is neither 100/0 nor a step of this plan (" + spec.plan().describe() + ")"));
            } else if (marks == null || !marks.ours().containsAll(router.marked().keySet())) {
                // Only this deployment's own marker proves the split is its work; anything else (the sides
                // given the wrong way round, another pipeline's canary) must not be "continued".
                resumeAt = OptionalInt.empty();
                problems.add(new Problem(parameter, "splits traffic " + current.get() + " (stable/new: "
                        + router.sides(current.get()) + "), not 100/0 on the stable side, and nothing shows this "
                        + "deployment made that split; check that the stable and the canary side are not swapped, "
                        + "resume an interrupted deployment from its state file, or put all traffic on the stable side "
                        + "first"));
            }
        }
        if (problems.isEmpty() && marks != null) {
            try {
                st.cp = st.cp.withClaim(ownership.take(me, List.copyOf(router.marked().keySet()), st.now, spec.poll()));
            } catch (RuntimeException e) {
                problems.add(new Problem(parameter, "could not be marked as driven by this deployment: "
                        + AwsFailure.describe(e)));
            }
        }
        if (!problems.isEmpty()) {
            Outcome.Invalid invalid = new Outcome.Invalid(problems);
            // The event shows the split the router really has, which may be the very problem.
            st.cp = st.cp.with(new Finished(invalid), current.orElse(st.cp.live()));
            st.say(EventKind.FAILED, "preflight failed, " + invalid.message(), "");
            return st.done(null);
        }
        st.cp = st.cp.withAlarms(states, alarmsNow.transitions());
        // What the router found and needs later (a Lambda alias's stable version) goes into every checkpoint from here.
        if (inspection.settled().isPresent()) st.cp = st.cp.withRouter(inspection.settled().get());
        String checked = "checked " + inspection.checked() + " and "
                + (states.isEmpty() ? "no alarms" : states.size() + " alarm(s), none in ALARM")
                + (marks == null ? "" : "; marked it as driven by deployment " + me.deploymentId() + marks.takeover())
                + (spec.analysis() == null ? "" : "; canary analysis: " + spec.analysis().describe(
                        MetricSources.of(spec.router()).map(s -> s.errorName()).orElse("error rate")));
        if (resumeAt.isPresent()) {
            int i = resumeAt.getAsInt();
            Optional<String> change = pendingChange(router, current.get());
            if (change.isPresent()) {
                // This deployment's own split, maybe still propagating: the bake starts once a change is in sync.
                st.cp = st.cp.with(new CanaryPhase.Propagating(i, change.get(), st.now), current.get());
                st.say(EventKind.PREFLIGHT_PASSED, checked + "; traffic is already at step " + (i + 1) + " of "
                        + spec.plan().size() + ", continuing from there once change " + change.get() + " is in sync",
                        CanaryMessages.bakeNext(spec, i));
                cachingCaution(st, inspection);
                return st.done(st.now);
            }
            st.cp = st.cp.with(new Baking(i, st.now.plus(spec.plan().step(i).bake())), current.get());
            st.say(EventKind.PREFLIGHT_PASSED, checked + "; traffic is already at step " + (i + 1) + " of "
                    + spec.plan().size() + ", continuing from there", CanaryMessages.bakeNext(spec, i));
            cachingCaution(st, inspection);
            return st.done(st.now);
        }
        st.cp = st.cp.with(st.cp.phase(), Split.ALL_STABLE);
        st.say(EventKind.PREFLIGHT_PASSED, checked + "; plan " + spec.plan().describe(), "shift to "
                + spec.plan().step(0).percent() + "%");
        cachingCaution(st, inspection);
        return CanaryDeployment.enter(st, 0);
    }

    /**
     * A change to wait for before baking a split found in place: routers whose changes propagate (Route 53) write the
     * same weights again and return that change; the others write nothing and return none. A failure here fails the
     * whole call, nothing stored: the bake must not start while some name servers may still answer with an older
     * split, so the shell retries the preflight with its backoff (and gives up as it does for any failing call).
     */
    private static Optional<String> pendingChange(TrafficRouter router, Split current) {
        return Optional.ofNullable(router.write(current, current).change());
    }

    /**
     * DNS answers are cached for their TTL: for that long after a shift some clients still follow the old split, so
     * a shorter bake judges the new side on less of its traffic than the step promises. Said, not refused.
     */
    private static void cachingCaution(Story<CanaryCheckpoint> st, Inspection inspection) {
        if (inspection.cached() == null) return;
        Duration shortest = st.cp.spec().plan().steps().stream().map(CanaryStep::bake).min(Duration::compareTo)
                .orElse(Duration.ZERO);
        if (shortest.compareTo(inspection.cached()) >= 0) return;
        st.say(EventKind.INFO, "caution: the records' TTL is " + DurationText.format(inspection.cached()) + ", longer than the"
                + " bake of " + DurationText.format(shortest) + ": resolvers may keep answering with the previous split for up"
                + " to the TTL after each shift, so the alarms see less of the new split's traffic than the step promises",
                "consider a bake of at least " + DurationText.format(inspection.cached()));
    }
}
