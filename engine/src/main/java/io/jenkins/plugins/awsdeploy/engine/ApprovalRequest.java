package io.jenkins.plugins.awsdeploy.engine;

import java.io.Serializable;
import java.time.Instant;

/**
 * A deployment waiting for a person. Alarms are still watched meanwhile.
 *
 * @param question what the person is asked, e.g. "Shift to 100% (0/100)?"
 * @param deadline when the wait gives up and rolls back; null waits forever
 */
public record ApprovalRequest(String question, Instant since, Instant deadline) implements Serializable {
}
