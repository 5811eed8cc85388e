package io.jenkins.plugins.awsdeploy.engine;

/** CloudWatch's alarm states, plus the one the engine adds for an alarm it could not read. */
public enum AlarmState {
    OK,
    ALARM,
    INSUFFICIENT_DATA,
    /** The alarm could not be read after retries: treated exactly like ALARM. */
    UNREADABLE;

    public boolean failing() {
        return this == ALARM || this == UNREADABLE;
    }
}
