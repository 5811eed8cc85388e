package io.jenkins.plugins.awsdeploy;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.model.Run;
import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.Progress;
import io.jenkins.plugins.awsdeploy.engine.timeline.TimelineChart;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * The deployments of one run that are running now, as the build page shows them while they run: where each stands,
 * a bar of its current wait with the time left, the split, the alarms and what comes next, in the engine's words
 * ({@link Progress}). The page refreshes that part by itself every few seconds the way Jenkins refreshes its own
 * executors widget: a {@code widget-refresh-reference} that POSTs to {@code <run>/aws-deployments-live/ajax}.
 *
 * <p>Memory only: the running step executions announce themselves ({@link #started}, also after a controller
 * restart) and leave ({@link #ended}); what is worth keeping after the end is {@link DeploymentsAction}'s. Saved with
 * the run the action is empty, and the summary shows nothing.
 */
public final class LiveDeployments implements RunAction2 {

    public static final String URL_NAME = "aws-deployments-live";

    private static final Logger LOGGER = Logger.getLogger(LiveDeployments.class.getName());

    /** What the page needs from a running deployment. */
    interface Running {
        String getId();

        String getDisplayName();

        /** The latest checkpoint; null before the first one. */
        @CheckForNull
        Checkpoint liveCheckpoint();
    }

    private transient Map<String, Running> running = new ConcurrentHashMap<>();
    private transient volatile Run<?, ?> run;

    LiveDeployments() {
    }

    private Object readResolve() {
        running = new ConcurrentHashMap<>();
        return this;
    }

    /** A deployment of this run started, or runs on after a controller restart. Never throws. */
    static void started(Run<?, ?> run, Running deployment) {
        try {
            synchronized (LiveDeployments.class) {
                LiveDeployments action = run.getAction(LiveDeployments.class);
                if (action == null) {
                    action = new LiveDeployments();
                    run.addAction(action);
                }
                action.run = run;
                action.running.put(deployment.getId(), deployment);
            }
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "could not show " + deployment.getId() + " live on " + run, e);
        }
    }

    /**
     * The deployment with this id ended. The action stays, empty: a build page still open then learns at its next
     * refresh that nothing runs any more, instead of showing the last state until it is reloaded. Never throws.
     */
    static void ended(Run<?, ?> run, String id) {
        try {
            LiveDeployments action = run.getAction(LiveDeployments.class);
            if (action != null) action.running.remove(id);
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "could not take " + id + " off the live view of " + run, e);
        }
    }

    // ---- Action: no link in the side panel, only a summary on the build page and the URLs it needs

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "AWS Deployments (live)";
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

    /** Each running deployment as it stands now, in the order of their ids. */
    public List<View> getDeployments() {
        Instant now = Instant.now();
        List<View> out = new ArrayList<>();
        for (Running d : running.values()) {
            Checkpoint cp = d.liveCheckpoint();
            if (cp != null && !cp.finished()) out.add(new View(d.getId(), d.getDisplayName(), Progress.of(cp, now)));
        }
        out.sort((a, b) -> a.getId().compareTo(b.getId()));
        return out;
    }

    /** A running deployment's timeline so far, with "now" and the time left of its current wait. */
    public void doTimeline(@QueryParameter String id, StaplerResponse2 rsp) throws IOException {
        run.getParent().checkPermission(Item.READ);
        Running d = id == null ? null : running.get(id);
        Checkpoint cp = d == null ? null : d.liveCheckpoint();
        if (cp == null) {
            rsp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        TimelineResponse.send(rsp, TimelineChart.renderRunning(d.getDisplayName(), cp.history(),
                Progress.of(cp, Instant.now())), true);
    }

    /** One running deployment as the page shows it. */
    public static final class View {
        private final String id;
        private final String displayName;
        private final Progress progress;

        View(String id, String displayName, Progress progress) {
            this.id = id;
            this.displayName = displayName;
            this.progress = progress;
        }

        public String getId() {
            return id;
        }

        public String getDisplayName() {
            return displayName;
        }

        /** {@code baking}, {@code waiting for approval}, ... */
        public String getPhase() {
            return progress.phase().words();
        }

        public String getDoing() {
            return progress.doing();
        }

        /** 0 to 100 through the current wait; -1 when it has no known end (the bar then shows that it is unknown). */
        public int getPercentDone() {
            return progress.done().isPresent() ? (int) Math.round(progress.done().getAsDouble() * 100) : -1;
        }

        /** Whether a wait is going on at all, so that a bar means something. */
        public boolean isWaiting() {
            return progress.waitStarted() != null;
        }

        /** {@code 3m10s of 5m left}; empty when nothing is waited for. */
        public String getTimeWords() {
            return progress.timeWords();
        }

        /** {@code 50/50 (stable/new)}; empty when the deployment moves no traffic. */
        public String getSplit() {
            return progress.splitWords();
        }

        /** {@code all 2 OK}, or the alarms that are not; empty when none are watched. */
        public String getAlarms() {
            return progress.alarmWords();
        }

        public String getNext() {
            return progress.next();
        }

        /** The whole state in one line, the same as the step's status and the log's heartbeat. */
        public String getSentence() {
            return progress.sentence();
        }

        /** The timeline's address below the action; the time in it makes each refresh fetch a new picture. */
        public String getTimelineUrl() {
            return "timeline?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "&at=" + progress.at().toEpochMilli();
        }
    }
}
