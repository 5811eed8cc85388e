package io.jenkins.plugins.awsdeploy.engine.canary;

import io.jenkins.plugins.awsdeploy.engine.AlarmState;
import io.jenkins.plugins.awsdeploy.engine.Cause;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.aws.AlarmPort;
import io.jenkins.plugins.awsdeploy.engine.aws.AlarmReading;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsFailure;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The alarms that guard a canary: checked at preflight, then read once per poll with one DescribeAlarms
 * call for all of them. An alarm that went to ALARM and back between two polls is caught too: its
 * CloudWatch state time moved since the last poll, so its history since then is read, and an ALARM in it
 * fails the poll like an alarm in ALARM now. An alarm or a history that cannot be read fails as well.
 */
final class AlarmWatch {

    /**
     * One reading of all alarms.
     *
     * @param states      each alarm's state now
     * @param transitions each alarm's last change of state, by CloudWatch's clock, for the next poll
     * @param failing     why the poll failed (an alarm in ALARM now or in between, one unreadable), if it did
     */
    record Poll(Map<String, AlarmState> states, Map<String, Instant> transitions, Map<String, String> reasons,
                Optional<Cause.AlarmFired> failing) {

        /** The changes against the previous poll, for an event; empty when nothing changed. */
        String changesSince(Map<String, AlarmState> before) {
            StringBuilder changes = new StringBuilder();
            states.forEach((name, state) -> {
                AlarmState was = before.get(name);
                if (state != was) {
                    changes.append(changes.length() == 0 ? "" : "; ").append(name).append(' ')
                            .append(was == null ? "?" : was).append(" → ").append(state);
                    if (state != AlarmState.OK) changes.append(" (").append(reasons.get(name)).append(')');
                }
            });
            return changes.toString();
        }
    }

    private final AlarmPort alarms;

    AlarmWatch(AlarmPort alarms) {
        this.alarms = alarms;
    }

    /** The preflight's reading: every alarm must exist and none be in ALARM. Adds a problem for each that fails. */
    Poll check(List<String> names, List<Problem> problems) {
        Map<String, AlarmState> states = new TreeMap<>();
        Map<String, Instant> transitions = new HashMap<>();
        if (names.isEmpty()) return new Poll(states, transitions, Map.of(), Optional.empty());
        try {
            Map<String, AlarmReading> readings = alarms.read(names);
            for (String name : names) {
                AlarmReading r = readings.get(name);
                if (r == null) {
                    problems.add(new Problem("alarms", "no alarm named '" + name + "' exists in this region"));
                } else if (r.state() == AlarmState.ALARM) {
                    problems.add(new Problem("alarms", "'" + name + "' is already in ALARM (" + r.reason()
                            + "); a deployment it guards would be rolled back at once, so it does not start"));
                } else {
                    states.put(name, r.state());
                    if (r.changedAt() != null) transitions.put(name, r.changedAt());
                }
            }
        } catch (RuntimeException e) {
            problems.add(new Problem("alarms", "could not be read: " + AwsFailure.describe(e)));
        }
        return new Poll(states, transitions, Map.of(), Optional.empty());
    }

    /** One poll: the alarms now and, for each that changed state since {@code seen}, its history in between. */
    Poll poll(List<String> names, Map<String, Instant> seen) {
        Map<String, AlarmReading> readings;
        String readError = null;
        try {
            readings = alarms.read(names);
        } catch (RuntimeException e) {
            readings = Map.of();
            readError = AwsFailure.describe(e);
        }
        Map<String, AlarmState> states = new TreeMap<>();
        Map<String, Instant> transitions = new HashMap<>(seen);
        Map<String, String> reasons = new LinkedHashMap<>();
        Cause.AlarmFired failing = null;
        for (String name : names) {
            AlarmReading r = readings.get(name);
            AlarmState state = r == null ? AlarmState.UNREADABLE : r.state();
            states.put(name, state);
            reasons.put(name, r != null ? r.reason() : readError != null ? "could not be read: " + readError : "it no longer exists");
            if (failing == null && state.failing()) {
                failing = new Cause.AlarmFired(name, "alarm " + name + " is " + state + " (" + reasons.get(name) + ")");
            }
            if (r == null || r.changedAt() == null) continue;
            Instant before = seen.get(name);
            transitions.put(name, r.changedAt());
            if (failing == null && !state.failing() && before != null && r.changedAt().isAfter(before)) {
                failing = flapBetween(name, before, r).orElse(null);
            }
        }
        return new Poll(states, transitions, reasons, Optional.ofNullable(failing));
    }

    /** Why a poll fails for an alarm that changed state since {@code since} and is fine now: ALARM in between, or no history. */
    private Optional<Cause.AlarmFired> flapBetween(String name, Instant since, AlarmReading now) {
        List<AlarmReading> changes;
        try {
            changes = alarms.history(name, since);
        } catch (RuntimeException e) {
            return Optional.of(new Cause.AlarmFired(name, "alarm " + name + " changed state since the last poll (now " + now.state() + ", at "
                    + now.changedAt() + ") and its history could not be read to rule out an ALARM in between: "
                    + AwsFailure.describe(e)));
        }
        return changes.stream().filter(c -> c.state().failing()).findFirst()
                .map(c -> new Cause.AlarmFired(name, "alarm " + name + " went to " + c.state() + " at " + c.changedAt()
                        + " (" + c.reason() + ") and was " + now.state() + " again by this poll"));
    }
}
