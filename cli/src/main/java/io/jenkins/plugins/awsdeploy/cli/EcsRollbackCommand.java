package io.jenkins.plugins.awsdeploy.cli;

import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.Strategies;
import io.jenkins.plugins.awsdeploy.engine.ecs.RollbackCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.ecs.RollbackRequest;
import io.jenkins.plugins.awsdeploy.engine.ecs.RollbackSpec;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Puts an ECS service back on a known-good task definition revision and waits until that is what runs. */
@Command(name = "ecs-rollback",
        description = {
                "Put an ECS service back on a known-good task definition revision, keeping its desired count, and "
                        + "wait until ECS runs that revision stably. The time to restore is printed at the end.",
                "",
                "Without --to-revision the target is the revision blue-green recorded on the service as the last "
                        + "known good (tag aws-deploy:last-known-good), else the highest ACTIVE revision below the "
                        + "current one. The service, its deployment controller and the target are checked before "
                        + "anything is changed; a deregistered (INACTIVE) target is refused."},
        customSynopsis = {
                "aws-deploy ecs-rollback --cluster C --service S",
                "         [--to-revision FAMILY:N | --to-revision TASK_DEFINITION_ARN] [--allow-other-family]",
                "         [--timeout 10m] [--no-wait] [--dry-run] [--poll 5s]",
                "         [--region R] [--endpoint-url URL] [--call-timeout 20s] [--json]",
                "         [--state-file FILE] [--timeline FILE.svg] [--heartbeat 1m]"},
        sortOptions = false,
        mixinStandardHelpOptions = true,
        exitCodeListHeading = ExitCodeHelp.HEADING,
        exitCodeList = {"0:done: the service runs the target revision stably (or, with --no-wait, points at it; with "
                + "--dry-run, nothing was changed in AWS)", ExitCodeHelp.INVALID,
                "3:ECS rolled the rollback back on its own, or the target's deployment failed",
                "4:stopped by a person (Ctrl-C, SIGTERM); nothing is undone, the message says what the service points at",
                "5:the service was deleted or changed by someone else meanwhile; the message says what it points at",
                "1:anything else, e.g. not stable within --timeout (ECS goes on deploying the target)"})
public final class EcsRollbackCommand extends DeploymentCommand {

    @Option(names = "--cluster", order = 1, paramLabel = "CLUSTER", description = "The service's ECS cluster (name or ARN).")
    String cluster;

    @Option(names = "--service", order = 2, paramLabel = "SERVICE", description = "The service to roll back (name or ARN).")
    String service;

    @Option(names = "--to-revision", order = 3, paramLabel = "REVISION",
            description = "The revision to go back to: FAMILY:N (web:12) or a task definition ARN. Default: the last "
                    + "known good recorded by blue-green, else the highest ACTIVE revision below the current one.")
    String toRevision;

    @Option(names = "--timeout", order = 4, paramLabel = "DURATION", defaultValue = "10m",
            description = "How long ECS may take to run the target stably. Default: ${DEFAULT-VALUE}.")
    String timeout;

    @Option(names = "--no-wait", order = 5,
            description = "Update the service and end once ECS has accepted it, without waiting for the new tasks.")
    boolean noWait;

    @Option(names = "--dry-run", order = 6, description = "Check everything and say what would be done; change nothing.")
    boolean dryRun;

    @Option(names = "--poll", order = 7, paramLabel = "DURATION", defaultValue = "5s",
            description = "How often the service is read while waiting. Default: ${DEFAULT-VALUE}.")
    String poll;

    @Option(names = "--allow-other-family", order = 8,
            description = "Let --to-revision name another task definition family than the service runs (a rename); "
                    + "without it that is refused as a likely typo.")
    boolean allowOtherFamily;

    @Override
    protected Checkpoint plan(String region) {
        RollbackSpec spec = new RollbackRequest()
                .cluster(cluster)
                .service(service)
                .toRevision(toRevision)
                .timeout(timeout)
                .poll(poll)
                .noWait(noWait)
                .dryRun(dryRun)
                .allowOtherFamily(allowOtherFamily)
                .region(region)
                .toSpec();
        return RollbackCheckpoint.start(spec);
    }

    @Override
    protected StopWords stopWords() {
        return new StopWords("Ctrl-C stops the rollback where it is; nothing is undone.",
                "stopping; nothing is undone, the message says what the service points at.",
                "still stopping, please wait.");
    }

    @Override
    protected List<Figure> figures(Checkpoint last) {
        return Strategies.as(RollbackCheckpoint.class, last).flatMap(TimeToRestore::of).stream().toList();
    }
}
