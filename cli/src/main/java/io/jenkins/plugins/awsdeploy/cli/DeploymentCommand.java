package io.jenkins.plugins.awsdeploy.cli;

import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.Heartbeat;
import io.jenkins.plugins.awsdeploy.engine.InvalidInputException;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.Strategies;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsAccess;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsPorts;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsSession;
import io.jenkins.plugins.awsdeploy.localaws.CloudWatchBridge;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * What every deployment command does, whatever the strategy: check all input before any AWS call, pick up a
 * state file, drive the engine to the end, print, draw the timeline, and turn the outcome into the exit code.
 * A subcommand only declares its own options and says how they become the engine's first checkpoint.
 */
public abstract class DeploymentCommand implements Callable<Integer> {

    @Mixin
    protected CommonOptions common;

    @Spec
    protected CommandSpec command;

    @ParentCommand
    private AwsDeploy parent;

    /**
     * Checks this command's own options, without calling AWS, and returns the checkpoint a new deployment
     * starts from.
     *
     * @param region the region the deployment runs in, so ARNs of other regions can be refused; null when the
     *               region itself is missing or wrong (that problem is already reported)
     * @throws InvalidInputException naming each parameter in the engine's camelCase or as an option
     */
    protected abstract Checkpoint plan(String region);


    /**
     * The parameter that makes this deployment stop to ask a person ({@code approveBefore}), or null if it never
     * asks. Such a run needs a terminal, or {@link #autoApprove()}.
     */
    protected String approvalOption() {
        return null;
    }

    /** True when every question is approved without asking. */
    protected boolean autoApprove() {
        return false;
    }

    /** What Ctrl-C and SIGTERM do to this kind of deployment, as the person at the terminal is told. */
    protected StopWords stopWords() {
        return StopWords.trafficBackTo("the stable side");
    }

    /**
     * Figures reported after the outcome, such as a rollback's time to restore.
     *
     * @param last the last checkpoint stored; null if the deployment never got to one
     */
    protected List<Figure> figures(Checkpoint last) {
        return List.of();
    }

    /**
     * The engine over these AWS connections; a strategy with its own engine replaces it.
     *
     * <p>With {@code --endpoint-url}, CloudWatch goes through a {@link CloudWatchBridge} in this process: the SDK
     * speaks CBOR to CloudWatch, which a plain moto_server does not, while ELB and ECS go to the endpoint as given.
     */
    protected Engine engine(AwsPorts ports) {
        return new Engine(ports);
    }

    /**
     * Finds credentials the way every SDK client will, so that missing ones are one clear line rather than the
     * SDK's page-long account of each provider it tried, repeated for every resource the preflight reads.
     * Only when the input is otherwise fine: some providers ask a metadata endpoint and take a while.
     */
    private static Optional<Problem> credentials() {
        try (DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build()) {
            chain.resolveCredentials();
            return Optional.empty();
        } catch (SdkClientException e) {
            return Optional.of(new Problem("credentials", "none found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY,"
                    + " or AWS_PROFILE, or run where an instance or task role is available"));
        }
    }

    /**
     * The checkpoint to resume: the state file's, if it holds this same deployment unfinished. A finished one is
     * left to be overwritten by the new deployment; another unfinished deployment is a problem, since
     * overwriting it would lose the only record of where that one left traffic.
     */
    private Optional<Checkpoint> resumable(Checkpoint fresh, Console console, List<Problem> problems) {
        if (common.stateFile() == null) return Optional.empty();
        StateFile state = new StateFile(common.stateFile());
        Optional<Checkpoint> stored = state.read(problems);
        if (stored.isEmpty()) return Optional.empty();
        if (stored.get().finished()) {
            console.note("The state file " + state.path() + " holds a finished deployment ("
                    + Console.headline(stored.get().outcome().orElseThrow()).toLowerCase(java.util.Locale.ROOT)
                    + "); starting a new one.");
            return Optional.empty();
        }
        // The strategy says what makes a deployment this one (its spec); another strategy's file never is.
        List<String> differ = !Strategies.same(stored.get(), fresh) ? List.of("kind of deployment")
                : StateFile.differences(Strategies.identity(stored.get()), Strategies.identity(fresh));
        if (differ.isEmpty()) return stored;
        problems.add(new Problem("--state-file", state.path() + " holds an unfinished deployment that is not this one"
                + " (it differs in: " + String.join(", ", differ) + "; it is " + stored.get().status()
                + "). Finish it with its own command line, or give another state file"));
        return Optional.empty();
    }

    @Override
    public final Integer call() {
        Host host = parent.host();
        Console console = new Console(host, common.json(), OptionNames.of(command));
        List<Problem> problems = new ArrayList<>();
        String region = common.region(host.env(), problems);
        URI endpoint = common.endpoint(problems);
        Duration callTimeout = common.callTimeout(problems);
        common.checkFiles(problems);
        Duration heartbeat = common.heartbeat(problems);
        Checkpoint fresh = null;
        try {
            fresh = plan(region);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (approvalOption() != null && !autoApprove() && host.terminal() == null) {
            problems.add(new Problem(approvalOption(), "would ask a person, but there is no terminal to ask on"
                    + " (System.console() is null); run it in a terminal or add --auto-approve"));
        }
        Optional<Checkpoint> stored = fresh == null ? Optional.empty() : resumable(fresh, console, problems);
        if (problems.isEmpty()) {
            credentials().ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            return console.invalid(problems);
        }
        stored.ifPresent(c -> console.note("Resuming the unfinished deployment in " + common.stateFile() + ": " + c.status()));
        Checkpoint start = stored.orElse(fresh);
        console.showProgress(StatusLine.on(host), new Heartbeat(heartbeat, Instant.now()));
        AwsAccess access = AwsAccess.defaultChain(region, endpoint).withCallTimeout(callTimeout);
        try (CloudWatchBridge bridge = endpoint == null ? null : CloudWatchBridge.start(endpoint);
             AwsSession session = new AwsSession(bridge == null ? access : access.withCloudWatchEndpoint(bridge.endpoint()))) {
            Run run = new Run(engine(session.ports()), console, common.stateFile(), host.terminal(), autoApprove(),
                    stopWords());
            Outcome outcome = run.execute(start, stored.isPresent());
            run.writeTimeline(common.timeline(), Strategies.title(run.lastCheckpoint() == null ? start : run.lastCheckpoint()));
            return console.outcome(outcome, figures(run.lastCheckpoint()));
        } catch (IOException e) {
            return console.outcome(new Outcome.Failed("could not start the CloudWatch bridge for " + endpoint + ": "
                    + e.getMessage() + "; nothing was changed in AWS"), List.of());
        }
    }
}
