package io.jenkins.plugins.awsdeploy.engine.ecs;

import io.jenkins.plugins.awsdeploy.engine.DurationText;
import io.jenkins.plugins.awsdeploy.engine.InvalidInputException;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsArn;
import io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef;
import io.jenkins.plugins.awsdeploy.engine.params.RollbackParameters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An ECS rollback's parameters as a user gave them, in the shells' shared vocabulary. {@link #toSpec()}
 * checks all of them at once and reports every problem, naming the parameter; nothing is sent to AWS. Defaults
 * and bounds are declared in {@link RollbackParameters}.
 */
public final class RollbackRequest {

    /** ECS allows up to 255 letters, digits, hyphens and underscores in cluster and service names. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    private String cluster;
    private String service;
    private String toRevision;
    private String timeout;
    private String poll;
    private boolean noWait;
    private boolean dryRun;
    private boolean allowOtherFamily;
    private String region;

    public RollbackRequest cluster(String v) { cluster = v; return this; }
    public RollbackRequest service(String v) { service = v; return this; }
    /** {@code family:revision} or a task definition ARN; null or blank lets the engine choose. */
    public RollbackRequest toRevision(String v) { toRevision = v; return this; }
    public RollbackRequest timeout(String v) { timeout = v; return this; }
    public RollbackRequest poll(String v) { poll = v; return this; }
    public RollbackRequest noWait(boolean v) { noWait = v; return this; }
    public RollbackRequest dryRun(boolean v) { dryRun = v; return this; }
    /** Lets toRevision name another family than the service runs: a rename, on purpose. */
    public RollbackRequest allowOtherFamily(boolean v) { allowOtherFamily = v; return this; }
    /** The region the rollback runs in, so that an ARN from another region is refused up front. */
    public RollbackRequest region(String v) { region = v; return this; }

    public RollbackSpec toSpec() {
        List<Problem> problems = new ArrayList<>();
        String clusterName = checkCluster(problems);
        checkService(clusterName, problems);
        String target = checkRevision(problems);
        Duration timeoutTime = RollbackParameters.TIMEOUT.duration(timeout, problems);
        Duration pollTime = RollbackParameters.POLL.duration(poll, problems);
        if (pollTime != null && timeoutTime != null && !noWait && pollTime.compareTo(timeoutTime) > 0) {
            problems.add(new Problem("poll", DurationText.format(pollTime) + " is longer than the timeout of "
                    + DurationText.format(timeoutTime) + "; the service would be read only once"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new RollbackSpec(cluster.trim(), service.trim(), target, timeoutTime, pollTime, noWait, dryRun,
                allowOtherFamily);
    }

    /** Checks the cluster and returns its name, or null if it is not usable. */
    private String checkCluster(List<Problem> problems) {
        if (cluster == null || cluster.isBlank()) {
            problems.add(new Problem("cluster", "is required: the name or ARN of the ECS cluster"));
            return null;
        }
        String c = cluster.trim();
        if (c.startsWith("arn:")) {
            Optional<Problem> p = AwsArn.check("cluster", c, "ecs", "cluster/", "ECS cluster", region);
            p.ifPresent(problems::add);
            return p.isPresent() ? null : c.substring(c.indexOf(":cluster/") + ":cluster/".length());
        }
        if (!NAME.matcher(c).matches()) {
            problems.add(new Problem("cluster", "'" + c + "' is not a cluster name (letters, digits, - and _, at most 255) "
                    + "or a cluster ARN"));
            return null;
        }
        return c;
    }

    private void checkService(String clusterName, List<Problem> problems) {
        if (service == null || service.isBlank()) {
            problems.add(new Problem("service", "is required: the name or ARN of the ECS service"));
            return;
        }
        String s = service.trim();
        if (!s.startsWith("arn:")) {
            if (!NAME.matcher(s).matches()) {
                problems.add(new Problem("service", "'" + s + "' is not a service name (letters, digits, - and _, "
                        + "at most 255) or a service ARN"));
            }
            return;
        }
        Optional<Problem> p = AwsArn.check("service", s, "ecs", "service/", "ECS service", region);
        if (p.isPresent()) {
            problems.add(p.get());
            return;
        }
        // The long ARN form (service/CLUSTER/NAME) names its cluster; the old form (service/NAME) does not.
        String[] parts = AwsArn.parse(s).orElseThrow().resource().split("/");
        if (parts.length == 3 && clusterName != null && !parts[1].equals(clusterName)) {
            problems.add(new Problem("service", "belongs to cluster " + parts[1] + ", not to " + clusterName));
        }
    }

    /** Checks the target revision and returns it trimmed, or null when the engine is to choose. */
    private String checkRevision(List<Problem> problems) {
        if (toRevision == null || toRevision.isBlank()) return null;
        String t = toRevision.trim();
        if (t.startsWith("arn:")) {
            Optional<Problem> p = AwsArn.check("toRevision", t, "ecs", "task-definition/", "task definition", region);
            if (p.isPresent()) {
                problems.add(p.get());
                return null;
            }
        }
        if (TaskDefinitionRef.parse(t).isEmpty()) {
            String why = t.matches("[A-Za-z0-9_-]{1,255}") && !t.startsWith("arn:")
                    ? "names a family without a revision; a rollback needs one exact revision, like " + t + ":12"
                    : "is not a task definition revision; write it as FAMILY:REVISION (web:12, revision 1 or more) "
                    + "or as a task definition ARN";
            problems.add(new Problem("toRevision", "'" + t + "' " + why));
            return null;
        }
        return t;
    }
}
