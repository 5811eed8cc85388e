package io.jenkins.plugins.awsdeploy;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.awsdeploy.engine.Checkpoint;
import io.jenkins.plugins.awsdeploy.engine.InvalidInputException;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.ownership.Claim;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * What a deployment step starts from, checked on the CPS VM thread (no I/O) before anything is sent to AWS: invalid
 * parameters or a refused identity fail the step at once.
 *
 * @param id      unique within the build: the step's name and its flow node
 * @param onAgent whether the step runs inside a {@code node} block: then every tick runs on that agent
 */
record StepLaunch(String stepName, String target, AccessSettings access, List<String> approvers, Checkpoint initial,
                  String id, boolean onAgent, Duration heartbeatEvery, @CheckForNull FlowNode node) {

    static StepLaunch of(AwsDeploymentStep step, StepContext context) throws IOException, InterruptedException {
        AwsDeploymentsConfiguration defaults = AwsDeploymentsConfiguration.get();
        String stepName = step.functionName();
        AccessSettings access = step.accessSettings(defaults);
        Checkpoint initial;
        try {
            initial = step.checkedStart(access, defaults);
        } catch (InvalidInputException e) {
            throw new AbortException(stepName + ": invalid parameters, nothing was changed in AWS: "
                    + e.problems().stream().map(Problem::toString).collect(Collectors.joining("; ")));
        }
        FlowNode node = context.get(FlowNode.class);
        String id = stepName + "-" + (node != null ? node.getId() : Long.toString(System.nanoTime(), 36));
        Run<?, ?> build = context.get(Run.class);
        if (build != null) {
            // The ownership tags name the build, so whoever finds them knows which pipeline holds the listener.
            initial = initial.withClaim(Claim.of(build.getExternalizableId() + "/" + id, "Jenkins " + build.getFullDisplayName()));
        }
        boolean onAgent = AgentChannel.inNode(context);
        if (!onAgent || AgentChannel.inBuiltInNode(context)) {
            Optional<String> refusal = access.controllerIdentityRefusal(defaults.isAllowControllerCredentials());
            if (refusal.isPresent()) throw new AbortException(stepName + ": " + refusal.get());
        }
        return new StepLaunch(stepName, step.target(), access, List.copyOf(step.approverList(defaults)), initial, id, onAgent,
                step.heartbeatEvery(defaults), node);
    }

    /** The first lines the step writes to the build log: where the calls come from, and the resources it touches. */
    void announce(String displayName, PrintStream log) {
        log.println(displayName + " in " + access.region() + ", AWS calls from "
                + (onAgent ? "the agent of this node block" : "the controller (not inside a node block)"));
        String resources = ConsoleLinks.of(initial, access.region(), access.emulated()).resourceLine();
        if (!resources.isEmpty()) log.println(resources);
    }
}
