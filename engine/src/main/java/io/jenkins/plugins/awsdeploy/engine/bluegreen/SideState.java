package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import static io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef.shortName;

import io.jenkins.plugins.awsdeploy.engine.aws.TargetHealthSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One side of a blue/green deployment as the traffic sent to it depends on it, whatever runs it (an ECS
 * service now, an Auto Scaling group later): the revision it points at, whether that is all it runs, its
 * units (tasks, instances) and the health of its target group. Read fresh before every irreversible step.
 *
 * @param exists    false once the service or group is gone
 * @param revision  what the side points at (a task definition); null when it does not exist
 * @param unsettled why it does not run {@code revision} alone and at rest (a second deployment, a rollout in
 *                  progress); empty when it does
 */
record SideState(String name, boolean exists, String revision, List<String> unsettled, int desired, int running,
                 TargetHealthSummary targets, String unit) {

    SideState {
        unsettled = List.copyOf(unsettled);
    }

    /** A side of ECS tasks. */
    SideState(String name, boolean exists, String revision, List<String> unsettled, int desired, int running,
              TargetHealthSummary targets) {
        this(name, exists, revision, unsettled, desired, running, targets, "task");
    }

    static SideState gone(String name) {
        return new SideState(name, false, null, List.of(), 0, 0, new TargetHealthSummary(Map.of()));
    }

    /**
     * What keeps this side from serving {@code expected}: it runs that revision alone, desired = running > 0,
     * and at least as many healthy targets as desired units. Empty when it serves.
     */
    List<String> whyNotServing(String expected) {
        List<String> why = new ArrayList<>();
        if (!exists) {
            why.add(name + " no longer exists");
            return why;
        }
        if (!BlueGreenCheckpoint.sameRevision(expected, revision)) {
            why.add(name + " runs " + shortName(revision) + ", not " + shortName(expected));
        }
        unsettled.forEach(u -> why.add(name + ": " + u));
        if (desired == 0) {
            why.add(name + " wants 0 " + unit + "s");
        } else if (running != desired) {
            why.add(name + " runs " + running + " of " + desired + " " + unit + "s");
        }
        if (desired > 0 && fewerHealthyThanDesired()) why.add(name + ": " + health());
        return why;
    }

    /** Traffic sent here would find too few backends: no units wanted, or fewer healthy targets than units. */
    boolean fewerHealthyThanDesired() {
        return desired == 0 || targets.healthy() < desired;
    }

    /** {@code 1 healthy target for 2 tasks (1 unhealthy)}. */
    String health() {
        return healthOf(targets, desired, unit);
    }

    static String healthOf(TargetHealthSummary targets, int desired) {
        return healthOf(targets, desired, "task");
    }

    static String healthOf(TargetHealthSummary targets, int desired, String unit) {
        int healthy = targets.healthy();
        Map<String, Integer> others = new TreeMap<>(targets.byState());
        others.remove("healthy");
        others.values().removeIf(n -> n == 0);
        StringBuilder text = new StringBuilder().append(healthy).append(healthy == 1 ? " healthy target" : " healthy targets")
                .append(" for ").append(desired).append(' ').append(unit).append(desired == 1 ? "" : "s");
        if (!others.isEmpty()) {
            List<String> parts = new ArrayList<>();
            others.forEach((state, n) -> parts.add(n + " " + state));
            text.append(" (").append(String.join(", ", parts)).append(')');
        }
        return text.toString();
    }

    /** {@code web-green runs web:2, 2/2 tasks, 2 healthy targets for 2 tasks}: what AWS shows now. */
    String describe() {
        if (!exists) return name + " no longer exists";
        return name + " runs " + shortName(revision) + (unsettled.isEmpty() ? "" : " (" + String.join(", ", unsettled) + ")")
                + ", " + running + "/" + desired + " " + unit + "s, " + health();
    }
}
