package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPreflight.ask;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPreflight.identical;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWords.updateNext;

import io.jenkins.plugins.awsdeploy.engine.AlarmState;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.Story;
import io.jenkins.plugins.awsdeploy.engine.Tick;
import io.jenkins.plugins.awsdeploy.engine.aws.AutoScalingGroup;
import io.jenkins.plugins.awsdeploy.engine.aws.AutoScalingPort;
import io.jenkins.plugins.awsdeploy.engine.aws.ForwardWeights;
import io.jenkins.plugins.awsdeploy.engine.aws.TemplateVersion;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.CreatingVersion;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.Finished;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.UpdatingIdle;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.FleetSpec.AutoScalingGroups;
import io.jenkins.plugins.awsdeploy.engine.ownership.Survey;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The first call of a blue/green deployment to Auto Scaling groups: reads both groups, their launch template, the
 * image or version to deploy, and everything a deployment to ECS services reads too (target groups, listener,
 * alarms, test listener, ownership marks); either names every problem (nothing in AWS changes) or decides which
 * group is live and what to give the other one.
 */
final class GroupPreflight {

    private final BlueGreenPreflight shared;
    private final AutoScalingPort asg;

    GroupPreflight(BlueGreenPreflight shared, AutoScalingPort asg) {
        this.shared = shared;
        this.asg = asg;
    }

    Tick run(Story<BlueGreenCheckpoint> st) {
        BlueGreenSpec spec = st.cp.spec();
        AutoScalingGroups fleet = (AutoScalingGroups) spec.fleet();
        List<Problem> problems = new ArrayList<>();
        if (asg == null) {
            problems.add(new Problem("blueAutoScalingGroup", "cannot be deployed here: no Auto Scaling client is configured"));
            return invalid(st, problems);
        }
        Map<Colour, AutoScalingGroup> groups = groups(spec, problems);
        shared.checkTargetGroups(spec, problems);
        Colour live = shared.liveSide(spec, problems);
        Map<String, AlarmState> states = shared.checkAlarms(spec, problems);
        shared.checkTestTarget(spec, problems);
        AutoScalingGroup liveGroup = live == null ? null : groups.get(live);
        AutoScalingGroup idleGroup = live == null ? null : groups.get(live.other());
        Long liveVersion = liveGroup == null ? null : liveVersion(spec, live, liveGroup, problems);
        if (idleGroup != null && (idleGroup.capacity().desired() > 0 || !idleGroup.instances().isEmpty())) {
            problems.add(new Problem(spec.sideParameter(live.other()), idleGroup.name() + " (the idle side) runs "
                    + idleGroup.instances().size() + " instance(s) and wants " + idleGroup.capacity().desired() + "; an Auto "
                    + "Scaling group keeps its instances when its launch template changes, so it must be empty for every instance "
                    + "behind it to be new: scale it to 0 first (aws autoscaling update-auto-scaling-group "
                    + "--auto-scaling-group-name " + idleGroup.name() + " --min-size 0 --desired-capacity 0)"));
        }
        if (idleGroup != null && idleGroup.instances().isEmpty()) {
            // The idle group has no instances yet, so every serving target of its target group is someone else's.
            String tg = spec.targetGroup(live.other());
            List<String> foreign = ask(problems, BlueGreenSpec.targetGroupParameter(live.other()),
                    () -> new AsgFleet(asg, spec).strangers(idleGroup, tg));
            if (foreign != null && !foreign.isEmpty()) {
                problems.add(new Problem(BlueGreenSpec.targetGroupParameter(live.other()), "must be empty before "
                        + idleGroup.name() + " starts its instances in it: " + AsgFleet.strangersText(tg, foreign, idleGroup.name())));
            }
        }
        TemplateVersion deploy = null;
        if (liveVersion != null) {
            String liveRevision = TemplateVersion.revision(liveGroup.templateId(), liveVersion);
            if (fleet.imageId() != null) {
                Boolean exists = ask(problems, "imageId", () -> asg.imageExists(fleet.imageId()));
                Optional<TemplateVersion> current = ask(problems, "imageId",
                        () -> asg.templateVersion(liveGroup.templateId(), Long.toString(liveVersion)));
                if (Boolean.FALSE.equals(exists)) {
                    problems.add(new Problem("imageId", "no AMI " + fleet.imageId() + " exists in this region (or this account "
                            + "may not launch it)"));
                }
                if (current != null && current.isPresent() && fleet.imageId().equals(current.get().imageId())) {
                    identical(spec, problems, liveGroup.name() + " launches " + liveRevision + ", which already has image "
                            + fleet.imageId());
                }
            } else {
                Optional<TemplateVersion> found = ask(problems, "launchTemplateVersion",
                        () -> asg.templateVersion(liveGroup.templateId(), Long.toString(fleet.launchTemplateVersion())));
                if (found != null && found.isEmpty()) {
                    problems.add(new Problem("launchTemplateVersion", "the launch template " + liveGroup.templateId() + " ("
                            + liveGroup.templateName() + ", the live group " + liveGroup.name() + "'s) has no version "
                            + fleet.launchTemplateVersion()));
                } else if (found != null) {
                    deploy = found.get();
                    if (deploy.version() == liveVersion) identical(spec, problems, liveGroup.name() + " already launches " + liveRevision);
                }
            }
        }
        Map<String, String> sides = new LinkedHashMap<>();
        groups.forEach((c, g) -> sides.put(g.arn(), spec.sideParameter(c)));
        Survey marks = problems.isEmpty() ? shared.claimAll(st, sides, problems) : null;
        if (!problems.isEmpty()) return invalid(st, problems);
        String liveRevision = TemplateVersion.revision(liveGroup.templateId(), liveVersion);
        st.cp = st.cp.withStart(live, liveGroup.capacity().desired(), liveRevision).withCapacity(liveGroup.capacity())
                .withAlarms(states);
        String checked = "checked both Auto Scaling groups, both target groups, the " + spec.target().describe()
                + (spec.testTarget() == null ? "" : ", the test " + spec.testTarget().describe()) + " and "
                + (states.isEmpty() ? "no alarms" : states.size() + " alarm(s), none in ALARM") + "; " + live + " ("
                + liveGroup.name() + ", " + liveRevision + ", " + liveGroup.capacity() + ") is live, deploying to "
                + live.other() + " (" + idleGroup.name() + ")"
                + (marks == null ? "" : "; marked the load balancer and both groups as driven by deployment "
                + st.cp.claim().deploymentId() + marks.takeover());
        if (deploy == null) {
            st.cp = st.cp.with(new CreatingVersion(liveGroup.templateId(), liveVersion, fleet.imageId(), 0));
            st.say(EventKind.PREFLIGHT_PASSED, checked, "create a version of " + liveRevision + " with image " + fleet.imageId());
        } else {
            st.cp = st.cp.withTaskDefinition(deploy.revision()).with(new UpdatingIdle(deploy.revision(), 0));
            st.say(EventKind.PREFLIGHT_PASSED, checked, updateNext(st.cp));
        }
        return st.done(st.now);
    }

    private Tick invalid(Story<BlueGreenCheckpoint> st, List<Problem> problems) {
        Outcome.Invalid invalid = new Outcome.Invalid(problems);
        st.say(EventKind.FAILED, "preflight failed, " + invalid.message(), "");
        st.cp = st.cp.with(new Finished(invalid));
        return st.done(null);
    }

    /** Both groups, where they exist; each one's problems (launch template, target groups) added. */
    private Map<Colour, AutoScalingGroup> groups(BlueGreenSpec spec, List<Problem> problems) {
        Map<Colour, AutoScalingGroup> groups = new EnumMap<>(Colour.class);
        for (Colour c : Colour.values()) {
            String param = spec.sideParameter(c);
            Optional<AutoScalingGroup> found = ask(problems, param, () -> asg.group(spec.service(c)));
            if (found == null) continue;
            if (found.isEmpty()) {
                problems.add(new Problem(param, "no Auto Scaling group " + spec.service(c) + " exists in this region"));
                continue;
            }
            AutoScalingGroup g = found.get();
            groups.put(c, g);
            if (g.templateId() == null) {
                problems.add(new Problem(param, g.name() + " launches from a launch configuration or a mixed instances policy; "
                        + "blue/green here gives the new group a launch template version, so both groups need a launch template"));
            }
            if (g.targetGroups().contains(spec.targetGroup(c.other()))) {
                // Instances register in every attached target group as they start: they would take the other side's
                // traffic before any check or approval.
                problems.add(new Problem(param, g.name() + " registers its instances in " + c.other() + "'s target group "
                        + ForwardWeights.shortName(spec.targetGroup(c.other())) + " too; they would serve that side's traffic "
                        + "as soon as they start, so each group must use only its own target group"));
            }
            if (!g.targetGroups().contains(spec.targetGroup(c))) {
                problems.add(new Problem(BlueGreenSpec.targetGroupParameter(c), "is not a target group of " + g.name()
                        + " (it registers its instances in " + (g.targetGroups().isEmpty() ? "none" : g.targetGroups().stream()
                        .map(ForwardWeights::shortName).collect(Collectors.joining(", "))) + ")"));
            }
        }
        if (groups.size() == 2 && groups.get(Colour.BLUE).templateId() != null && groups.get(Colour.GREEN).templateId() != null
                && !groups.get(Colour.BLUE).templateId().equals(groups.get(Colour.GREEN).templateId())) {
            problems.add(new Problem("greenAutoScalingGroup", spec.service(Colour.GREEN) + " launches from "
                    + groups.get(Colour.GREEN).templateId() + " and " + spec.service(Colour.BLUE) + " from "
                    + groups.get(Colour.BLUE).templateId() + "; the two sides take turns with versions of one launch template"));
        }
        return groups;
    }

    /** The live group's launch template version as a number, once it is known to serve it; null with a problem otherwise. */
    private Long liveVersion(BlueGreenSpec spec, Colour live, AutoScalingGroup g, List<Problem> problems) {
        String param = spec.sideParameter(live);
        if (g.templateId() == null) return null;
        long version;
        try {
            version = Long.parseLong(g.templateVersion());
        } catch (NumberFormatException e) {
            problems.add(new Problem(param, g.name() + " (the live side) launches version " + g.templateVersion() + " of "
                    + g.templateId() + ", which changes whenever the template does; point it at a numbered version (aws "
                    + "autoscaling update-auto-scaling-group --auto-scaling-group-name " + g.name() + " --launch-template "
                    + "LaunchTemplateId=" + g.templateId() + ",Version=N) so that what it runs, and what to go back to, is known"));
            return null;
        }
        if (g.capacity().desired() == 0) {
            problems.add(new Problem(param, g.name() + " carries all traffic but wants 0 instances; the new group is sized "
                    + "like the live one, so there is nothing to size it by"));
            return null;
        }
        SideState side = ask(problems, param, () -> new AsgFleet(asg, spec).read(live));
        if (side == null) return null;
        List<String> why = side.whyNotServing(TemplateVersion.revision(g.templateId(), version));
        if (!why.isEmpty()) {
            problems.add(new Problem(param, g.name() + " (the live side) is not healthy (" + String.join("; ", why) + "); what "
                    + "it serves is not settled, so there is nothing certain to switch back to; wait until it is"));
            return null;
        }
        return version;
    }
}
