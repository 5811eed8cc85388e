package io.jenkins.plugins.awsdeploy.engine.timeline;

import io.jenkins.plugins.awsdeploy.engine.AlarmState;
import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Split;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Deployment stories written the way the engine tells them, for the tests and for looking at. */
final class SampleHistories {

    static final Instant START = Instant.parse("2026-03-02T14:05:00Z");

    private final List<DeploymentEvent> events = new ArrayList<>();

    /** Canary 10% for a minute, 50% for a minute, an alarm, and back to 0. */
    static List<DeploymentEvent> shortRollback() {
        return new SampleHistories()
                .at(0, EventKind.SHIFTED, Split.canaryAt(10))
                .at(60, EventKind.SHIFTED, Split.canaryAt(50))
                .alarm(110, "checkout-5xx", AlarmState.ALARM)
                .at(111, EventKind.ROLLBACK_STARTED, null)
                .at(115, EventKind.SHIFTED, Split.canaryAt(0))
                .at(130, EventKind.ROLLED_BACK, null)
                .at(130, EventKind.FAILED, null)
                .events;
    }

    /** A fuller canary: two bakes, a wait for approval, then a latency alarm at 50% and a rollback. */
    static List<DeploymentEvent> realisticRollback() {
        return new SampleHistories()
                .at(0, EventKind.PREFLIGHT_PASSED, null)
                .at(4, EventKind.SHIFTED, Split.canaryAt(5))
                .at(5, EventKind.BAKING, null)
                .alarm(65, "checkout-p99-latency", AlarmState.OK)
                .at(305, EventKind.SHIFTED, Split.canaryAt(25))
                .at(306, EventKind.BAKING, null)
                .at(606, EventKind.APPROVAL_REQUESTED, null)
                .at(1032, EventKind.APPROVED, null)
                .at(1034, EventKind.SHIFTED, Split.canaryAt(50))
                .at(1035, EventKind.BAKING, null)
                .alarm(1262, "checkout-p99-latency", AlarmState.ALARM)
                .at(1263, EventKind.ROLLBACK_STARTED, null)
                .at(1266, EventKind.SHIFTED, Split.canaryAt(0))
                .at(1290, EventKind.SERVICE_UPDATED, null)
                .at(1351, EventKind.SCALED_DOWN, null)
                .at(1352, EventKind.ROLLED_BACK, null)
                .at(1352, EventKind.FAILED, null)
                .events;
    }

    /** Three steps to 100%, one flapping alarm that recovers, success after about 40 minutes. */
    static List<DeploymentEvent> success() {
        return new SampleHistories()
                .at(0, EventKind.PREFLIGHT_PASSED, null)
                .at(3, EventKind.SHIFTED, Split.canaryAt(10))
                .at(4, EventKind.BAKING, null)
                .alarm(420, "orders-error-rate", AlarmState.INSUFFICIENT_DATA)
                .at(604, EventKind.SHIFTED, Split.canaryAt(50))
                .at(605, EventKind.BAKING, null)
                .at(1205, EventKind.APPROVAL_REQUESTED, null)
                .at(1500, EventKind.APPROVED, null)
                .at(1502, EventKind.SHIFTED, Split.canaryAt(100))
                .at(1503, EventKind.BAKING, null)
                .at(2103, EventKind.SERVICE_UPDATED, null)
                .at(2400, EventKind.SCALED_DOWN, null)
                .at(2401, EventKind.SUCCEEDED, null)
                .events;
    }

    /** A blue/green over three hours with an overnight approval that is declined. */
    static List<DeploymentEvent> declinedAfterHours() {
        return new SampleHistories()
                .at(0, EventKind.SHIFTED, Split.canaryAt(0))
                .at(240, EventKind.SERVICE_STABLE, null)
                .at(250, EventKind.APPROVAL_REQUESTED, null)
                .at(10_450, EventKind.DECLINED, null)
                .at(10_452, EventKind.ROLLED_BACK, null)
                .at(10_452, EventKind.FAILED, null)
                .events;
    }

    /** A test stage with no bake: three quick steps and done, all within ten seconds. */
    static List<DeploymentEvent> tenSeconds() {
        return new SampleHistories()
                .at(0, EventKind.SHIFTED, Split.canaryAt(25))
                .at(3, EventKind.SHIFTED, Split.canaryAt(75))
                .at(6, EventKind.SHIFTED, Split.canaryAt(100))
                .at(10, EventKind.SUCCEEDED, null)
                .events;
    }

    static Instant second(long seconds) {
        return START.plusSeconds(seconds);
    }

    private SampleHistories at(long seconds, EventKind kind, Split weights) {
        events.add(new DeploymentEvent(second(seconds), kind, kind.name().toLowerCase(), weights, Map.of(), ""));
        return this;
    }

    private SampleHistories alarm(long seconds, String name, AlarmState state) {
        events.add(new DeploymentEvent(second(seconds), EventKind.ALARM_CHANGED, name + " is " + state, null,
                Map.of(name, state, "checkout-healthy-hosts", AlarmState.OK), ""));
        return this;
    }
}
