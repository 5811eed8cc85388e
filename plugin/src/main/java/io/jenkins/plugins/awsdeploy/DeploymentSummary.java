package io.jenkins.plugins.awsdeploy;

import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryCheckpoint;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a step returns to the Pipeline script: outcome, message, where traffic ended and which revisions run. Plain
 * maps, strings and numbers only, so the value can sit in the program state of the script like any other.
 */
final class DeploymentSummary {

    private DeploymentSummary() {
    }

    /**
     * {@code [outcome: 'Succeeded', message: '...', id: '...', step: 'canaryShift', split: '0/100',
     * weights: [(target group ARN): percent, ...], revisions: [:]]}.
     */
    static Map<String, Object> of(String id, String stepName, Checkpoint checkpoint, Outcome outcome) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", outcome.getClass().getSimpleName());
        m.put("message", outcome.message());
        m.put("id", id);
        m.put("step", stepName);
        Map<String, Object> weights = new LinkedHashMap<>();
        Map<String, Object> revisions = new LinkedHashMap<>();
        if (checkpoint instanceof CanaryCheckpoint c) {
            Split live = c.live();
            m.put("split", live.toString());
            weights.put(c.spec().stableTargetGroup(), live.stable());
            weights.put(c.spec().canaryTargetGroup(), live.canary());
        }
        m.put("weights", weights);
        m.put("revisions", revisions);
        return m;
    }
}
