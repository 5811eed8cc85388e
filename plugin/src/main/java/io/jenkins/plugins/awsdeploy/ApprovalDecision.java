package io.jenkins.plugins.awsdeploy;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.User;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Who answered an approval gate, how and when: kept in the run's {@code build.xml} next to the deployment records, so
 * the build page can say who let a deployment go on after the log has been rotated away.
 */
public final class ApprovalDecision {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final String deploymentId;
    private final String userId;
    private final boolean proceeded;
    private final long timestamp;
    private final String question;
    /** When the answered request started waiting (epoch millis), which tells gates of one deployment apart; -1 if unknown. */
    private final long requestSince;

    public ApprovalDecision(String deploymentId, String userId, boolean proceeded, long timestamp,
                            @CheckForNull String question, long requestSince) {
        this.deploymentId = deploymentId;
        this.userId = userId;
        this.proceeded = proceeded;
        this.timestamp = timestamp;
        this.question = question;
        this.requestSince = requestSince;
    }

    public String getDeploymentId() {
        return deploymentId;
    }

    public String getUserId() {
        return userId;
    }

    /** The user's display name if Jenkins knows the user, else the id. */
    public String getUserName() {
        User u = User.getById(userId, false);
        return u == null ? userId : u.getDisplayName();
    }

    /** True for Proceed, false for Roll back. */
    public boolean isProceeded() {
        return proceeded;
    }

    public long getTimestamp() {
        return timestamp;
    }

    @CheckForNull
    public String getQuestion() {
        return question;
    }

    /** Did this decision answer the request of {@code deploymentId} that has been waiting since {@code since}? */
    boolean answers(String id, long since) {
        return deploymentId.equals(id) && since >= 0 && requestSince == since;
    }

    /** {@code "approved by Alice at 2025-03-01 14:02:05 UTC"}. */
    public String describe() {
        return (proceeded ? "approved" : "rolled back") + " by " + getUserName() + " at "
                + WHEN.format(Instant.ofEpochMilli(timestamp));
    }

    @Override
    public String toString() {
        return describe() + (question == null ? "" : " (" + question + ")");
    }
}
