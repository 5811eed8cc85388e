package io.jenkins.plugins.awsdeploy;

import hudson.Extension;
import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsArn;
import io.jenkins.plugins.awsdeploy.engine.ecs.RollbackCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.ecs.RollbackRequest;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code ecsRollback}: puts an ECS service back on a known-good task definition (the one given, or the last one a
 * deployment recorded as good) and waits until the service is stable on it. The parameters are those of
 * {@code aws-deploy ecs-rollback}, in camelCase.
 */
public final class EcsRollbackStep extends AwsDeploymentStep {

    private final String cluster;
    private final String service;
    private String toRevision;
    private String timeout;
    private boolean noWait;
    private boolean dryRun;
    private String poll;
    private boolean allowOtherFamily;

    @DataBoundConstructor
    public EcsRollbackStep(String cluster, String service) {
        this.cluster = trimmed(cluster);
        this.service = trimmed(service);
    }

    public String getCluster() {
        return cluster;
    }

    public String getService() {
        return service;
    }

    public String getToRevision() {
        return toRevision;
    }

    /** {@code family:revision} or a task definition ARN; empty lets the engine pick the last known good one. */
    @DataBoundSetter
    public void setToRevision(String toRevision) {
        this.toRevision = trimmed(toRevision);
    }

    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = trimmed(timeout);
    }

    public boolean isNoWait() {
        return noWait;
    }

    @DataBoundSetter
    public void setNoWait(boolean noWait) {
        this.noWait = noWait;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public String getPoll() {
        return poll;
    }

    @DataBoundSetter
    public void setPoll(String poll) {
        this.poll = trimmed(poll);
    }

    public boolean isAllowOtherFamily() {
        return allowOtherFamily;
    }

    /** Lets {@code toRevision} name another task definition family than the service runs: a rename, on purpose. */
    @DataBoundSetter
    public void setAllowOtherFamily(boolean allowOtherFamily) {
        this.allowOtherFamily = allowOtherFamily;
    }

    @Override
    String poll() {
        return poll;
    }

    @Override
    String target() {
        return "service " + AwsArn.shortName(String.valueOf(service)) + " in cluster "
                + AwsArn.shortName(String.valueOf(cluster));
    }

    @Override
    Checkpoint startCheckpoint(String region, String pollOrDefault) {
        RollbackRequest request = new RollbackRequest()
                .cluster(cluster)
                .service(service)
                .toRevision(toRevision)
                .noWait(noWait)
                .dryRun(dryRun)
                .allowOtherFamily(allowOtherFamily)
                .region(region);
        // The request has its own defaults for these; a null would replace them.
        if (timeout != null) request.timeout(timeout);
        if (pollOrDefault != null) request.poll(pollOrDefault);
        return RollbackCheckpoint.start(request.toSpec());
    }

    @Extension
    public static final class DescriptorImpl extends DeploymentStepDescriptor {

        @Override
        public String getFunctionName() {
            return "ecsRollback";
        }

        @Override
        public String getDisplayName() {
            return "Roll an ECS service back to a known-good task definition";
        }

        @Override
        ListFields listFields() {
            return ListFields.none();
        }
    }
}
