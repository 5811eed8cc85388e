package io.jenkins.plugins.awsdeploy;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.analysis.Judgement;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.EventLine;
import io.jenkins.plugins.awsdeploy.engine.JsonCodec;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.Strategies;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * One finished deployment as the build page shows it: strategy, target, from → to, weights, outcome, who answered its
 * approvals, and its events. Built from a {@link DeploymentRecord} by reading the engine checkpoint kept in it.
 */
public final class DeploymentReport {

    private final DeploymentRecord record;
    private final List<ApprovalDecision> decisions;
    @CheckForNull
    private final Checkpoint checkpoint;
    @CheckForNull
    private final String unreadable;

    DeploymentReport(DeploymentRecord record, List<ApprovalDecision> decisions) {
        this.record = record;
        this.decisions = List.copyOf(decisions);
        Checkpoint cp = null;
        String problem = null;
        String json = record.getCheckpointJson();
        if (json == null || json.isBlank()) {
            problem = "no checkpoint was recorded";
        } else {
            try {
                cp = JsonCodec.readCheckpoint(json);
            } catch (RuntimeException e) {
                problem = e.getMessage();
            }
        }
        this.checkpoint = cp;
        this.unreadable = problem;
    }

    public String getId() {
        return record.getId();
    }

    public String getStepName() {
        return record.getStepName();
    }

    public String getTarget() {
        return record.getTarget();
    }

    /** "canaryShift on listener web/80". */
    public String getTitle() {
        return record.getStepName() + " on " + record.getTarget();
    }

    /** The strategy in words: canary, blue/green or rollback. */
    public String getStrategy() {
        String step = record.getStepName();
        if ("canaryShift".equals(step)) return "canary";
        if ("blueGreenDeploy".equals(step)) return "blue/green";
        if ("ecsRollback".equals(step)) return "rollback";
        return checkpoint == null ? String.valueOf(step) : Strategies.type(checkpoint);
    }

    /**
     * What ran before: for a canary the stable target group, for blue/green the
     * live service and its task definition, for a rollback the revision the service ran.
     */
    @CheckForNull
    public String getFrom() {
        return checkpoint == null ? null : Strategies.from(checkpoint).orElse(null);
    }

    /**
     * What was deployed: for a canary the canary target group, for blue/green
     * the idle service and the new task definition, for a rollback the revision rolled back to.
     */
    @CheckForNull
    public String getTo() {
        return checkpoint == null ? null : Strategies.to(checkpoint).orElse(null);
    }

    /** The split (stable/new) at the first event that carried one; null when traffic was never read. */
    @CheckForNull
    public String getFirstWeights() {
        for (DeploymentEvent e : getHistory()) {
            if (e.weights() != null) return e.weights().toString();
        }
        return null;
    }

    /** The split (stable/new) at the end. */
    @CheckForNull
    public String getLastWeights() {
        List<DeploymentEvent> history = getHistory();
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).weights() != null) return history.get(i).weights().toString();
        }
        return null;
    }

    /** The most traffic the new side carried, in percent; -1 when traffic was never read. */
    public int getPeakPercent() {
        int peak = -1;
        for (DeploymentEvent e : getHistory()) {
            Split w = e.weights();
            if (w != null) peak = Math.max(peak, w.canary());
        }
        return peak;
    }

    @CheckForNull
    public String getOutcomeType() {
        return record.getOutcomeType();
    }

    /** Succeeded, rolled back, stopped, ... in words. */
    public String getOutcomeText() {
        String type = record.getOutcomeType();
        if (type == null) return "unknown";
        return switch (type) {
            case "Succeeded" -> "succeeded";
            case "Invalid" -> "refused before any change";
            case "RolledBack" -> "rolled back";
            case "Stopped" -> isRolledBack() ? "stopped and rolled back" : "stopped";
            case "Unsafe" -> "stopped without restoring: needs a person";
            case "Failed" -> "failed";
            default -> type;
        };
    }

    /** A CSS modifier for the outcome: success, warning or error. */
    public String getOutcomeSeverity() {
        String type = record.getOutcomeType();
        if ("Succeeded".equals(type)) return "success";
        if ("Unsafe".equals(type) || "Failed".equals(type) || type == null) return "error";
        return "warning";
    }

    public String getMessage() {
        return record.getMessage();
    }

    /** True when traffic was put back on the stable side: an alarm, failed health, a decline or a timeout. */
    public boolean isRolledBack() {
        if ("RolledBack".equals(record.getOutcomeType())) return true;
        if (!"Stopped".equals(record.getOutcomeType())) return false;
        for (DeploymentEvent e : getHistory()) {
            if (e.kind() == EventKind.ROLLED_BACK) return true;
        }
        return false;
    }

    /** Who answered this deployment's approvals, as recorded by Jenkins. */
    public List<ApprovalDecision> getDecisions() {
        return decisions;
    }

    /** The engine's approval events (approved by, declined by) for deployments answered outside this run's page. */
    public List<String> getApprovalEvents() {
        List<String> out = new ArrayList<>();
        for (DeploymentEvent e : getHistory()) {
            if (e.kind() == EventKind.APPROVED || e.kind() == EventKind.DECLINED) out.add(e.message());
        }
        return out;
    }

    public List<DeploymentEvent> getHistory() {
        return checkpoint == null ? List.of() : checkpoint.history();
    }

    /** The intervals the canary analysis judged, oldest first, for the build page's analysis table; empty without analysis. */
    public List<Judgement> getAnalysis() {
        List<Judgement> out = new ArrayList<>();
        for (DeploymentEvent e : getHistory()) {
            if (e.judgement() != null) out.add(e.judgement());
        }
        return out;
    }

    /** Each event as one log line, in the controller's time zone. */
    public List<String> getEventLines() {
        EventLine line = new EventLine(ZoneId.systemDefault());
        List<String> out = new ArrayList<>();
        for (DeploymentEvent e : getHistory()) out.add(line.format(e));
        return out;
    }

    /** The timeline image's URL relative to the deployments page. */
    public String getTimelineUrl() {
        return "timeline?id=" + URLEncoder.encode(record.getId(), StandardCharsets.UTF_8);
    }

    public boolean isHasTimeline() {
        return !getHistory().isEmpty();
    }

    /** Why the checkpoint could not be shown, or null. */
    @CheckForNull
    public String getUnreadable() {
        return unreadable;
    }
}
