package io.jenkins.plugins.awsdeploy.engine.aws;

import io.jenkins.plugins.awsdeploy.engine.AlarmState;
import java.io.Serializable;
import java.time.Instant;

/**
 * One alarm as last read, with CloudWatch's own words for why it is in that state.
 *
 * @param changedAt when the alarm last changed state, by CloudWatch's clock (StateTransitionedTimestamp, or
 *                  StateUpdatedTimestamp where that is missing); null if CloudWatch said neither. For an item
 *                  of an alarm's history: when it went to {@code state}.
 */
public record AlarmReading(String name, AlarmState state, String reason, Instant changedAt) implements Serializable {

    public AlarmReading(String name, AlarmState state, String reason) {
        this(name, state, reason, null);
    }
}
