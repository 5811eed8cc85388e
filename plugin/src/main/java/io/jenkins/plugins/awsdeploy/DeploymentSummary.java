package io.jenkins.plugins.awsdeploy;

import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.BlueGreenSpec;
import io.jenkins.plugins.awsdeploy.engine.bluegreen.Colour;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.ecs.RollbackCheckpoint;
import java.util.LinkedHashMap;
import java.util.Locale;
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
        Map<String, Object> weights = new LinkedHashMap<>();
        Map<String, Object> revisions = new LinkedHashMap<>();
        if (checkpoint instanceof CanaryCheckpoint c) {
            Split live = c.live();
            m.put("split", live.toString());
            weights.put(c.spec().router().stableSide(), live.stable());
            weights.put(c.spec().router().canarySide(), live.canary());
        } else if (checkpoint instanceof BlueGreenCheckpoint b && b.from() != null) {
            BlueGreenSpec spec = b.spec();
            Colour from = b.from();
            Colour to = b.to();
            m.put("from", from.name().toLowerCase(Locale.ROOT));
            m.put("to", to.name().toLowerCase(Locale.ROOT));
            if (b.live() != null) {
                m.put("split", b.live().toString());
                weights.put(spec.targetGroup(from), b.live().stable());
                weights.put(spec.targetGroup(to), b.live().canary());
            }
            if (b.fromTaskDefinition() != null) revisions.put(spec.service(from), b.fromTaskDefinition());
            if (b.taskDefinition() != null) revisions.put(spec.service(to), b.taskDefinition());
        } else if (checkpoint instanceof RollbackCheckpoint r && r.choice() != null) {
            m.put("fromRevision", r.choice().from().toString());
            revisions.put(r.spec().service(), r.choice().target().toString());
        }
        m.put("weights", weights);
        m.put("revisions", revisions);
        return m;
    }
}
