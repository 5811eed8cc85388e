package io.jenkins.plugins.awsdeploy.engine.routing;

import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsFailure;
import io.jenkins.plugins.awsdeploy.engine.aws.ForwardWeights;
import io.jenkins.plugins.awsdeploy.engine.aws.TrafficPort;
import io.jenkins.plugins.awsdeploy.engine.aws.TrafficTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the two ALB routers share: a forward action's integer weights, written as percentages so that a read
 * compares exactly with a write, every other target group, stickiness and every other action kept as found.
 * {@link ListenerRouter} and {@link RuleRouter} say where the forward action lives.
 */
abstract sealed class ForwardRouter implements TrafficRouter permits ListenerRouter, RuleRouter {

    private final TrafficPort elb;
    private final AlbForward spec;

    ForwardRouter(TrafficPort elb, AlbForward spec) {
        this.elb = elb;
        this.spec = spec;
    }

    /** The AWS CLI operation that replaces the actions, and its option naming them. */
    abstract String modifyCommand();

    /** The AWS CLI operation that shows the actions. */
    abstract String describeCommand();

    /** The console's noun for the resource. */
    abstract String label();

    @Override
    public AlbForward spec() {
        return spec;
    }

    @Override
    public Inspection inspect() {
        TrafficTarget target = spec.target();
        List<Problem> problems = new ArrayList<>();
        Optional<Split> current = Optional.empty();
        try {
            Optional<ForwardWeights> found = elb.read(target);
            if (found.isEmpty()) {
                problems.add(new Problem(target.parameter(), "no " + target.describe() + " exists"));
            } else if (!found.get().weights().containsKey(spec.stableTargetGroup())) {
                problems.add(new Problem(target.parameter(), "does not forward to the stable target group "
                        + ForwardWeights.shortName(spec.stableTargetGroup()) + "; it forwards to " + found.get()
                        + (found.get().weightOf(spec.canaryTargetGroup()) > 0 ? "; are the stable and the canary target "
                        + "group swapped?" : "")));
            } else {
                current = splitOf(found.get());
                if (current.isEmpty()) {
                    problems.add(new Problem(target.parameter(), "forwards to " + found.get()
                            + "; only the stable and the canary target group may carry traffic"));
                }
            }
        } catch (RuntimeException e) {
            problems.add(new Problem(target.parameter(), "could not be read: " + AwsFailure.describe(e)));
        }
        try {
            for (String missing : elb.missingTargetGroups(List.of(spec.stableTargetGroup(), spec.canaryTargetGroup()))) {
                String param = missing.equals(spec.stableTargetGroup()) ? "stableTargetGroup" : "canaryTargetGroup";
                problems.add(new Problem(param, "no target group " + missing + " exists"));
            }
        } catch (RuntimeException e) {
            problems.add(new Problem("stableTargetGroup", "target groups could not be read: " + AwsFailure.describe(e)));
        }
        return new Inspection(problems, current, "the " + target.describe() + ", both target groups");
    }

    @Override
    public Reading read() {
        TrafficTarget target = spec.target();
        ForwardWeights found = elb.read(target)
                .orElseThrow(() -> new IllegalStateException("the " + target.describe() + " no longer exists"));
        return reading(found);
    }

    @Override
    public Reading write(Split expected, Split next) {
        return reading(elb.write(spec.target(), spec.stableTargetGroup(), spec.canaryTargetGroup(), expected, next));
    }

    @Override
    public String sides(Split split) {
        return ForwardWeights.shortName(spec.stableTargetGroup()) + " " + split.stable() + "%, "
                + ForwardWeights.shortName(spec.canaryTargetGroup()) + " " + split.canary() + "%";
    }

    @Override
    public String restoreInstruction(Split split) {
        String forward = "Type=forward,ForwardConfig={TargetGroups=[{TargetGroupArn=" + spec.stableTargetGroup()
                + ",Weight=" + split.stable() + "},{TargetGroupArn=" + spec.canaryTargetGroup() + ",Weight=" + split.canary() + "}]}";
        return "set the forward action's weights to stable " + split.stable() + ", canary " + split.canary()
                + "; where the forward action is the only action: aws elbv2 " + modifyCommand()
                + " '" + forward + "' (that command replaces every action, so with authentication or other actions "
                + "edit the forward action in the AWS console instead; then check it with " + describeCommand() + ")";
    }

    @Override
    public Map<String, String> marked() {
        return Map.of(spec.resource(), spec.parameter());
    }

    @Override
    public List<RoutedResource> resources() {
        return List.of(new RoutedResource(label(), spec.resource()),
                new RoutedResource("stable target group " + ForwardWeights.shortName(spec.stableTargetGroup()), spec.stableTargetGroup()),
                new RoutedResource("canary target group " + ForwardWeights.shortName(spec.canaryTargetGroup()), spec.canaryTargetGroup()));
    }

    private Reading reading(ForwardWeights weights) {
        return new Reading(splitOf(weights), weights.toString());
    }

    private Optional<Split> splitOf(ForwardWeights weights) {
        return weights.asSplit(spec.stableTargetGroup(), spec.canaryTargetGroup());
    }
}
