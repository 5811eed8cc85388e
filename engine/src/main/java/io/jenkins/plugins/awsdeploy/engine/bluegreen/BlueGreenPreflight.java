package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWords.describe;
import static io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenWords.updateNext;
import static io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef.shortName;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsFailure;
import io.jenkins.plugins.awsdeploy.engine.AlarmState;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.Story;
import io.jenkins.plugins.awsdeploy.engine.Tick;
import io.jenkins.plugins.awsdeploy.engine.aws.AlarmPort;
import io.jenkins.plugins.awsdeploy.engine.aws.AlarmReading;
import io.jenkins.plugins.awsdeploy.engine.aws.AutoScalingPort;
import io.jenkins.plugins.awsdeploy.engine.aws.EcsPort;
import io.jenkins.plugins.awsdeploy.engine.aws.EcsService;
import io.jenkins.plugins.awsdeploy.engine.aws.ForwardWeights;
import io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionInfo;
import io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef;
import io.jenkins.plugins.awsdeploy.engine.aws.TrafficPort;
import io.jenkins.plugins.awsdeploy.engine.aws.TrafficTarget;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.Finished;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.Registering;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenPhase.UpdatingIdle;
import io.jenkins.plugins.awsdeploy.engine.ownership.Ownership;
import io.jenkins.plugins.awsdeploy.engine.ownership.Survey;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The first call of a blue/green deployment: reads the cluster, both services, both target groups, the listener,
 * the alarms and the revision to deploy, and either names every problem (nothing in AWS changes) or decides which
 * side is live and what to deploy to the other one.
 */
final class BlueGreenPreflight {

    private final EcsPort ecs;
    private final TrafficPort traffic;
    private final AlarmPort alarms;
    private final Ownership ownership;
    private final GroupPreflight groups;

    BlueGreenPreflight(EcsPort ecs, TrafficPort traffic, AlarmPort alarms, AutoScalingPort autoScaling, Ownership ownership) {
        this.ecs = ecs;
        this.traffic = traffic;
        this.alarms = alarms;
        this.ownership = ownership;
        this.groups = new GroupPreflight(this, autoScaling);
    }

    Tick run(Story<BlueGreenCheckpoint> st) {
        BlueGreenSpec spec = st.cp.spec();
        if (spec.fleet() instanceof FleetSpec.AutoScalingGroups) return groups.run(st);
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
        Map<String, String> sides = new LinkedHashMap<>();
        services.forEach((c, s) -> sides.put(s.arn(), BlueGreenSpec.serviceParameter(c)));
        Survey marks = claimAll(st, sides, problems);
        if (!problems.isEmpty()) {
            Outcome.Invalid invalid = new Outcome.Invalid(problems);
            st.say(EventKind.FAILED, "preflight failed, " + invalid.message(), "");
            st.cp = st.cp.with(new Finished(invalid));
            return st.done(null);
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
     * listener, both sides: {@code sides} maps their ARNs to the parameters naming them) and, when the preflight found no problem, marks them as its own. Null for
     * a checkpoint without an owner.
     */
    Survey claimAll(Story<BlueGreenCheckpoint> st, Map<String, String> sides, List<Problem> problems) {
        BlueGreenSpec spec = st.cp.spec();
        if (st.cp.claim() == null) return null;
        Map<String, String> drives = new LinkedHashMap<>();
        drives.put(spec.target().arn(), spec.target().parameter());
        if (spec.testTarget() != null) drives.put(spec.testTarget().arn(), spec.testTarget().parameter());
        drives.putAll(sides);
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

    void checkTargetGroups(BlueGreenSpec spec, List<Problem> problems) {
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

    Colour liveSide(BlueGreenSpec spec, List<Problem> problems) {
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

    Map<String, AlarmState> checkAlarms(BlueGreenSpec spec, List<Problem> problems) {
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

    void checkTestTarget(BlueGreenSpec spec, List<Problem> problems) {
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
    static void identical(BlueGreenSpec spec, List<Problem> problems, String why) {
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
    static <T> T ask(List<Problem> problems, String parameter, Supplier<T> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            problems.add(new Problem(parameter, "could not be read: " + AwsFailure.describe(e)));
            return null;
        }
    }
}
