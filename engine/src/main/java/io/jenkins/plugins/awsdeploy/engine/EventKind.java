package io.jenkins.plugins.awsdeploy.engine;

/** What happened. The timeline draws marks for some of these; the log prints all of them. */
public enum EventKind {
    PREFLIGHT_PASSED,
    RESUMED,
    /** Weights were written and read back. */
    SHIFTED,
    BAKING,
    ALARM_CHANGED,
    APPROVAL_REQUESTED,
    APPROVED,
    DECLINED,
    ABORT_REQUESTED,
    /** A failing alarm, a failed health check or a failed call: traffic is about to go back. */
    ROLLBACK_STARTED,
    ROLLED_BACK,
    /** ECS work of blue/green and rollback: task definitions, service updates, health. */
    SERVICE_UPDATED,
    SERVICE_STABLE,
    SCALED_DOWN,
    INFO,
    /** The canary analysis judged an interval: both sides' figures and the verdict. */
    ANALYSED,
    SUCCEEDED,
    FAILED,
    /** A change AWS propagates (a Route 53 change batch) reached everything that answers: the bake starts. */
    INSYNC
}
