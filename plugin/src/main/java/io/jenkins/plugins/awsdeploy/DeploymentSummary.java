package io.jenkins.plugins.awsdeploy;

import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Strategies;
import io.jenkins.plugins.awsdeploy.engine.Summary;
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
     * weights: [(target group ARN): percent, ...], revisions: [:]]}. Blue/green adds {@code from}/{@code to}
     * (colours) and revisions by service name; an ECS rollback has {@code fromRevision} and the service's new revision.
     */
    static Map<String, Object> of(String id, String stepName, Checkpoint checkpoint, Outcome outcome) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", outcome.getClass().getSimpleName());
        m.put("message", outcome.message());
        m.put("id", id);
        m.put("step", stepName);
        Summary summary = Strategies.summary(checkpoint);
        m.putAll(summary.fields());
        Map<String, Object> weights = new LinkedHashMap<>(summary.weights());
        Map<String, Object> revisions = new LinkedHashMap<>(summary.revisions());
        m.put("weights", weights);
        m.put("revisions", revisions);
        return m;
    }
}
