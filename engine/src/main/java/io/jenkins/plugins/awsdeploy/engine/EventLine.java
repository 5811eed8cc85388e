package io.jenkins.plugins.awsdeploy.engine;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An event as one line for a log: time, what happened, where traffic is, alarm states, what is next.
 * {@code 14:02:05  shifted to 10% on the new side (90/10), read back | traffic 90/10 | alarms: 5xx OK | next: bake 5m ...}
 */
public final class EventLine {

    private final DateTimeFormatter time;

    public EventLine(ZoneId zone) {
        this.time = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
    }

    public String format(DeploymentEvent e) {
        StringBuilder b = new StringBuilder(time.format(e.at())).append("  ").append(e.message());
        if (e.weights() != null) {
            b.append(" | traffic ").append(e.weights()).append(" (stable/new)");
        }
        if (!e.alarms().isEmpty()) {
            b.append(" | alarms: ").append(alarms(e.alarms()));
        }
        if (!e.next().isEmpty()) {
            b.append(" | next: ").append(e.next());
        }
        return b.toString();
    }

    /**
     * A heartbeat, for a log that cannot redraw: {@code 14:05:00  status: baking step 2/3 at 50%, 3m12s of 5m left |
     * traffic 50/50 (stable/new) | alarms: 5xx OK | next: shift to 100%}.
     */
    public String format(Progress p) {
        return time.format(p.at()) + "  status: " + p.sentence();
    }

    /** {@code all 3 OK}, or each alarm that is not OK by name. */
    static String alarms(Map<String, AlarmState> alarms) {
        long notOk = alarms.values().stream().filter(s -> s != AlarmState.OK).count();
        if (notOk == 0) return alarms.size() == 1 ? alarms.keySet().iterator().next() + " OK" : "all " + alarms.size() + " OK";
        return alarms.entrySet().stream().filter(en -> en.getValue() != AlarmState.OK)
                .map(en -> en.getKey() + " " + en.getValue()).collect(Collectors.joining(", "))
                + (alarms.size() > notOk ? ", others OK" : "");
    }
}
