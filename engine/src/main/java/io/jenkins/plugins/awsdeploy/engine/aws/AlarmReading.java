package io.jenkins.plugins.awsdeploy.engine.aws;

import io.jenkins.plugins.awsdeploy.engine.AlarmState;
import java.io.Serializable;

/** One alarm as last read, with CloudWatch's own words for why it is in that state. */
public record AlarmReading(String name, AlarmState state, String reason) implements Serializable {
}
