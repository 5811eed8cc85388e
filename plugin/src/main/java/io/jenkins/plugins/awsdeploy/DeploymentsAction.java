package io.jenkins.plugins.awsdeploy;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.User;
import io.jenkins.plugins.awsdeploy.engine.ApprovalRequest;
import io.jenkins.plugins.awsdeploy.engine.timeline.TimelineChart;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import io.jenkins.plugins.awsdeploy.engine.ClockText;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jakarta.servlet.http.HttpServletResponse;
import jenkins.model.Jenkins;
import jenkins.model.RunAction2;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionOwner;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.support.actions.PauseAction;
import org.jenkinsci.plugins.workflow.support.steps.input.POSTHyperlinkNote;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.interceptor.RequirePOST;
import org.springframework.security.core.Authentication;

/**
 * The deployments of one run, at {@code <run>/aws-deployments/}: the ones waiting for approval, with Proceed and Roll
 * back, and the summary of each finished one with its timeline.
 *
 * <p>The steps call the three static methods from their worker threads: {@link #waiting} when a deployment starts to
 * wait for a person (and again after a controller restart), {@link #answered} when it stops waiting for any reason, and
 * {@link #finished} when it ends. The live waits are kept in memory only: after a restart the steps announce them again
 * (and, until they do, the run's current step executions are searched). What is worth keeping - how each deployment
 * ended and who answered its approvals - is saved with the run.
 */
public final class DeploymentsAction implements RunAction2 {

    public static final String URL_NAME = "aws-deployments";
    /** The cause of the {@link PauseAction} on the step's node; pipeline views show it. */
    static final String PAUSE_CAUSE = "Approval";

    private static final Logger LOGGER = Logger.getLogger(DeploymentsAction.class.getName());
    private static final DateTimeFormatter CLOCK = ClockText.UTC;
    /** How long a web request may wait for the run's step executions while looking for a wait not announced yet. */
    private static final long LOOKUP_SECONDS = 5;

    private List<DeploymentRecord> records = new CopyOnWriteArrayList<>();
    private List<ApprovalDecision> decisions = new CopyOnWriteArrayList<>();

    private transient volatile Run<?, ?> run;
    private transient Map<String, Live> live = new ConcurrentHashMap<>();
    /**
     * Answers handed (or being handed) to a deployment, as {@code id#since} of the request they answer: the first click
     * wins even when the wait was found among the step executions after a restart (no {@link Live} yet), and the next
     * gate of the same deployment (a later {@code since}) can be answered again.
     */
    private transient Set<String> answering = ConcurrentHashMap.newKeySet();
    /** True when this action was read from disk: waits may exist that the steps have not announced again yet. */
    private transient boolean loaded;

    /** A wait the UI can answer, and the node that shows the pause. */
    private static final class Live {
        final WaitingDeployment deployment;
        @CheckForNull
        final FlowNode node;

        Live(WaitingDeployment deployment, @CheckForNull FlowNode node) {
            this.deployment = deployment;
            this.node = node;
        }
    }

    DeploymentsAction() {
    }

    private Object readResolve() {
        if (records == null) records = new CopyOnWriteArrayList<>();
        if (decisions == null) decisions = new CopyOnWriteArrayList<>();
        live = new ConcurrentHashMap<>();
        answering = ConcurrentHashMap.newKeySet();
        loaded = true;
        return this;
    }

    // ---- called by the steps

    /**
     * A deployment started to wait for a person, or still waits after a controller restart. Marks the step's node as
     * paused, prints Proceed and Roll back links to the build log, and lists the wait on the run's page. Idempotent;
     * never throws.
     */
    public static void waiting(Run<?, ?> run, WaitingDeployment deployment, @CheckForNull FlowNode node,
                               @CheckForNull TaskListener listener) {
        try {
            DeploymentsAction action = of(run);
            boolean again = action.live.containsKey(deployment.getId()) || (node != null && PauseAction.isPaused(node));
            action.live.put(deployment.getId(), new Live(deployment, node));
            if (node != null && !PauseAction.isPaused(node)) {
                node.addAction(new PauseAction(PAUSE_CAUSE));
            }
            if (listener != null) {
                listener.getLogger().println(action.offer(deployment, again));
            }
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "could not list the approval of " + deployment.getId() + " on " + run, e);
        }
    }

    /** The deployment with this id no longer waits (answered, timed out, rolled back by an alarm, aborted). Never throws. */
    public static void answered(Run<?, ?> run, String id, @CheckForNull FlowNode node) {
        try {
            DeploymentsAction action = run.getAction(DeploymentsAction.class);
            Live gone = action == null ? null : action.live.remove(id);
            if (action != null) action.answering.removeIf(k -> k.startsWith(id + "#"));
            FlowNode paused = node != null ? node : gone == null ? null : gone.node;
            if (paused != null && PauseAction.isPaused(paused)) {
                PauseAction.endCurrentPause(paused);
            }
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "could not close the approval of " + id + " on " + run, e);
        }
    }

    /** A deployment of this run ended, whatever the outcome: keeps its record and badges a rollback. Never throws. */
    public static void finished(Run<?, ?> run, DeploymentRecord record) {
        try {
            DeploymentsAction action = of(run);
            action.live.remove(record.getId());
            action.records.removeIf(r -> r.getId().equals(record.getId()));
            action.records.add(record);
            DeploymentReport summary = new DeploymentReport(record, List.of());
            if (summary.isRolledBack()) {
                synchronized (DeploymentsAction.class) {
                    RolledBackBadge badge = run.getAction(RolledBackBadge.class);
                    String reason = summary.getTitle() + ": " + record.getMessage();
                    run.replaceAction(badge == null ? new RolledBackBadge(List.of(reason)) : badge.plus(reason));
                }
            }
            run.save();
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "could not record the end of " + record + " on " + run, e);
        }
    }

    /** The run's action, added on first use. */
    static DeploymentsAction of(Run<?, ?> run) {
        synchronized (DeploymentsAction.class) {
            DeploymentsAction action = run.getAction(DeploymentsAction.class);
            if (action == null) {
                action = new DeploymentsAction();
                run.addAction(action);
            }
            if (action.run == null) action.run = run;
            return action;
        }
    }

    /** The log line for a wait: question, who may answer, deadline, and the two links. */
    String offer(WaitingDeployment d, boolean again) {
        ApprovalRequest request = d.getApproval();
        StringBuilder b = new StringBuilder(d.getDisplayName());
        b.append(again ? " still waits for approval" : " waits for approval");
        if (request != null) {
            b.append(": ").append(request.question());
            if (request.deadline() != null) {
                b.append(" (rolls back at ").append(CLOCK.format(request.deadline())).append(" without an answer)");
            }
        }
        b.append(". Approvers: ").append(Approvers.describe(d.getApprovers())).append(". ");
        b.append(POSTHyperlinkNote.encodeTo(answerPath(d.getId(), "proceed"), "Proceed"));
        b.append(" or ");
        b.append(POSTHyperlinkNote.encodeTo(answerPath(d.getId(), "rollBack"), "Roll back"));
        return b.toString();
    }

    /** {@code /job/p/3/aws-deployments/proceed?id=...}: a path from the Jenkins root, as POSTHyperlinkNote wants. */
    String answerPath(String id, String method) {
        return "/" + run.getUrl() + URL_NAME + "/" + method + "?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    // ---- Action

    @Override
    public String getIconFileName() {
        return records.isEmpty() && live.isEmpty() ? null : "symbol-aws-deployments plugin-aws-deployment-strategies";
    }

    @Override
    public String getDisplayName() {
        return live.isEmpty() ? "AWS Deployments" : "AWS Deployments (waiting for approval)";
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    // ---- what the pages show

    /** The deployments waiting for approval now, with what the current user may do with each. */
    public List<WaitingView> getWaiting() {
        Authentication who = Jenkins.getAuthentication2();
        List<WaitingView> out = new ArrayList<>();
        for (Live l : live.values()) {
            out.add(new WaitingView(l.deployment, mayProceed(l.deployment, who), mayRollBack(l.deployment, who)));
        }
        out.sort((a, b) -> a.getId().compareTo(b.getId()));
        return out;
    }

    /** The finished deployments, in the order they ended. */
    public List<DeploymentReport> getDeployments() {
        List<DeploymentReport> out = new ArrayList<>();
        for (DeploymentRecord r : records) out.add(new DeploymentReport(r, decisionsFor(r.getId())));
        return out;
    }

    public List<DeploymentRecord> getRecords() {
        return List.copyOf(records);
    }

    public List<ApprovalDecision> getDecisions() {
        return List.copyOf(decisions);
    }

    public List<ApprovalDecision> decisionsFor(String id) {
        List<ApprovalDecision> out = new ArrayList<>();
        for (ApprovalDecision d : decisions) {
            if (d.getDeploymentId().equals(id)) out.add(d);
        }
        return out;
    }

    /** True when a deployment with this id waits for approval now. */
    public boolean isWaiting(String id) {
        return live.containsKey(id);
    }

    // ---- web methods

    /** Lets the deployment go on. POST only; allowed to its approvers, or to anyone with Job/Build if it names none. */
    @RequirePOST
    public HttpResponse doProceed(@QueryParameter String id) {
        return answer(id, true);
    }

    /** Declines: the deployment puts all traffic back on the stable side. POST only; approvers or Job/Cancel. */
    @RequirePOST
    public HttpResponse doRollBack(@QueryParameter String id) {
        return answer(id, false);
    }

    private HttpResponse answer(@CheckForNull String id, boolean proceed) {
        if (id == null || id.isBlank()) {
            return HttpResponses.errorWithoutStack(HttpServletResponse.SC_BAD_REQUEST, "no deployment id given");
        }
        Live l = find(id);
        if (l == null) {
            boolean known = !decisionsFor(id).isEmpty() || records.stream().anyMatch(r -> r.getId().equals(id));
            return known
                    ? HttpResponses.errorWithoutStack(HttpServletResponse.SC_CONFLICT, id + " no longer waits for approval")
                    : HttpResponses.errorWithoutStack(HttpServletResponse.SC_NOT_FOUND, "no deployment " + id + " waits for approval in this build");
        }
        WaitingDeployment d = l.deployment;
        Authentication who = Jenkins.getAuthentication2();
        if (proceed ? !mayProceed(d, who) : !mayRollBack(d, who)) {
            return HttpResponses.errorWithoutStack(HttpServletResponse.SC_FORBIDDEN,
                    who.getName() + " may not " + (proceed ? "approve" : "roll back") + " " + d.getDisplayName()
                            + ": " + Approvers.requirement(d.getApprovers(), !proceed));
        }
        ApprovalRequest request = d.getApproval();
        long since = request == null || request.since() == null ? -1 : request.since().toEpochMilli();
        String key = id + "#" + since;
        if (request == null || alreadyAnswered(id, since) || !answering.add(key)) {
            return HttpResponses.errorWithoutStack(HttpServletResponse.SC_CONFLICT,
                    d.getDisplayName() + " was already answered or no longer waits");
        }
        String userId = currentUserId(who);
        try {
            if (proceed) {
                d.proceed(userId);
            } else {
                d.rollBack(userId);
            }
        } catch (RuntimeException e) {
            answering.remove(key);
            LOGGER.log(Level.INFO, "answer to " + id + " on " + run + " refused", e);
            return HttpResponses.errorWithoutStack(HttpServletResponse.SC_CONFLICT,
                    d.getDisplayName() + " did not take the answer: " + e.getMessage());
        }
        decisions.add(new ApprovalDecision(id, userId, proceed, System.currentTimeMillis(), request.question(), since));
        try {
            run.save();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "could not save the answer to " + id + " on " + run, e);
        }
        return HttpResponses.redirectToDot();
    }

    /** Serves a finished deployment's timeline as an SVG image, for an {@code <img>} on the pages. */
    public void doTimeline(@QueryParameter String id, StaplerResponse2 rsp) throws IOException {
        run.getParent().checkPermission(Item.READ);
        DeploymentRecord record = records.stream().filter(r -> r.getId().equals(id)).findFirst().orElse(null);
        DeploymentReport summary = record == null ? null : new DeploymentReport(record, List.of());
        if (summary == null || !summary.isHasTimeline()) {
            rsp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        TimelineResponse.send(rsp, TimelineChart.render(summary.getTitle(), summary.getHistory()), false);
    }

    // ---- helpers

    private boolean mayProceed(WaitingDeployment d, Authentication who) {
        return Approvers.mayProceed(job(), d.getApprovers(), who);
    }

    private boolean mayRollBack(WaitingDeployment d, Authentication who) {
        return Approvers.mayRollBack(job(), d.getApprovers(), who);
    }

    private Job<?, ?> job() {
        return run.getParent();
    }

    private static String currentUserId(Authentication who) {
        User user = User.current();
        return user != null ? user.getId() : who.getName();
    }

    private boolean alreadyAnswered(String id, long since) {
        for (ApprovalDecision d : decisions) {
            if (d.answers(id, since)) return true;
        }
        return false;
    }

    /**
     * The live wait with this id. After a controller restart the steps announce their waits again as they resume; a
     * request that comes first finds the wait among the run's current step executions (without listing it: only the
     * step knows when it stops waiting).
     */
    @CheckForNull
    private Live find(String id) {
        Live l = live.get(id);
        if (l != null || !loaded) return l;
        for (WaitingDeployment d : waitingExecutions()) {
            if (d.getId().equals(id) && d.getApproval() != null) return new Live(d, null);
        }
        return null;
    }

    @NonNull
    private List<WaitingDeployment> waitingExecutions() {
        List<WaitingDeployment> out = new ArrayList<>();
        if (!(run instanceof FlowExecutionOwner.Executable executable) || !run.isBuilding()) return out;
        try {
            FlowExecutionOwner owner = executable.asFlowExecutionOwner();
            FlowExecution execution = owner == null ? null : owner.getOrNull();
            if (execution == null) return out;
            for (StepExecution e : execution.getCurrentExecutions(true).get(LOOKUP_SECONDS, TimeUnit.SECONDS)) {
                if (e instanceof WaitingDeployment d) out.add(d);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOGGER.log(Level.FINE, "could not list the step executions of " + run, e);
        }
        return out;
    }

    /** A waiting deployment as the page shows it. */
    public static final class WaitingView {
        private final WaitingDeployment deployment;
        private final boolean mayProceed;
        private final boolean mayRollBack;

        WaitingView(WaitingDeployment deployment, boolean mayProceed, boolean mayRollBack) {
            this.deployment = deployment;
            this.mayProceed = mayProceed;
            this.mayRollBack = mayRollBack;
        }

        public String getId() {
            return deployment.getId();
        }

        public String getDisplayName() {
            return deployment.getDisplayName();
        }

        @CheckForNull
        public String getQuestion() {
            ApprovalRequest r = deployment.getApproval();
            return r == null ? null : r.question();
        }

        /** When the wait started, e.g. "14:02:05Z"; null when unknown. */
        @CheckForNull
        public String getSince() {
            ApprovalRequest r = deployment.getApproval();
            return r == null || r.since() == null ? null : CLOCK.format(r.since());
        }

        /** When it rolls back without an answer; null when it waits forever. */
        @CheckForNull
        public String getDeadline() {
            ApprovalRequest r = deployment.getApproval();
            return r == null || r.deadline() == null ? null : CLOCK.format(r.deadline());
        }

        public String getApprovers() {
            return Approvers.describe(deployment.getApprovers());
        }

        public boolean isMayProceed() {
            return mayProceed;
        }

        public boolean isMayRollBack() {
            return mayRollBack;
        }
    }
}
