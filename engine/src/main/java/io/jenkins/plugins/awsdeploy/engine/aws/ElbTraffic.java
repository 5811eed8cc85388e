package io.jenkins.plugins.awsdeploy.engine.aws;

import io.jenkins.plugins.awsdeploy.engine.Split;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ForwardActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ListenerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/** {@link TrafficPort} on Elastic Load Balancing v2. */
final class ElbTraffic implements TrafficPort {

    private final ElasticLoadBalancingV2Client elb;

    ElbTraffic(ElasticLoadBalancingV2Client elb) {
        this.elb = elb;
    }

    @Override
    public Optional<ForwardWeights> read(TrafficTarget target) {
        return actions(target).map(a -> weightsOf(forwardAction(target, a)));
    }

    @Override
    public ForwardWeights write(TrafficTarget target, String stable, String canary, Split expected, Split next) {
        List<Action> actions = actions(target)
                .orElseThrow(() -> new IllegalStateException("the " + target.describe() + " no longer exists"));
        Action forward = forwardAction(target, actions);
        ForwardWeights found = weightsOf(forward);
        Optional<Split> split = found.asSplit(stable, canary);
        if (split.isEmpty() || !split.get().equals(expected) || expected.equals(next)) {
            return found;
        }
        ForwardWeights weights = found.withSplit(stable, canary, next);
        List<TargetGroupTuple> groups = new ArrayList<>();
        weights.weights().forEach((arn, w) -> groups.add(TargetGroupTuple.builder().targetGroupArn(arn).weight(w).build()));
        ForwardActionConfig.Builder config = ForwardActionConfig.builder().targetGroups(groups);
        if (forward.forwardConfig() != null && forward.forwardConfig().targetGroupStickinessConfig() != null) {
            config.targetGroupStickinessConfig(forward.forwardConfig().targetGroupStickinessConfig());
        }
        // Only the forward action changes; authentication or other actions before it stay as they are.
        Action replaced = forward.toBuilder().targetGroupArn(null).forwardConfig(config.build()).build();
        List<Action> updated = actions.stream().map(a -> a == forward ? replaced : a).toList();
        if (target.kind() == TrafficTarget.Kind.LISTENER) {
            elb.modifyListener(r -> r.listenerArn(target.arn()).defaultActions(updated));
        } else {
            elb.modifyRule(r -> r.ruleArn(target.arn()).actions(updated));
        }
        return found;
    }

    @Override
    public Set<String> missingTargetGroups(Collection<String> arns) {
        Set<String> missing = new LinkedHashSet<>();
        try {
            elb.describeTargetGroups(r -> r.targetGroupArns(arns));
        } catch (TargetGroupNotFoundException e) {
            // The batch call does not say which one is missing.
            for (String arn : arns) {
                try {
                    elb.describeTargetGroups(r -> r.targetGroupArns(arn));
                } catch (TargetGroupNotFoundException one) {
                    missing.add(arn);
                }
            }
        }
        return missing;
    }

    @Override
    public TargetHealthSummary health(String targetGroupArn) {
        Map<String, Integer> byState = new HashMap<>();
        for (TargetHealthDescription d : elb.describeTargetHealth(r -> r.targetGroupArn(targetGroupArn)).targetHealthDescriptions()) {
            byState.merge(d.targetHealth().stateAsString(), 1, Integer::sum);
        }
        return new TargetHealthSummary(byState);
    }

    private Optional<List<Action>> actions(TrafficTarget target) {
        try {
            if (target.kind() == TrafficTarget.Kind.LISTENER) {
                return Optional.of(elb.describeListeners(r -> r.listenerArns(target.arn())).listeners().get(0).defaultActions());
            }
            return Optional.of(elb.describeRules(r -> r.ruleArns(target.arn())).rules().get(0).actions());
        } catch (ListenerNotFoundException | RuleNotFoundException e) {
            return Optional.empty();
        }
    }

    private static Action forwardAction(TrafficTarget target, List<Action> actions) {
        return actions.stream().filter(a -> a.type() == ActionTypeEnum.FORWARD).findFirst()
                .orElseThrow(() -> new IllegalStateException("the " + target.describe() + " has no forward action"));
    }

    private static ForwardWeights weightsOf(Action forward) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        if (forward.forwardConfig() != null && forward.forwardConfig().hasTargetGroups()
                && !forward.forwardConfig().targetGroups().isEmpty()) {
            for (TargetGroupTuple t : forward.forwardConfig().targetGroups()) {
                // A group listed without a weight gets ALB's default of 1.
                weights.put(t.targetGroupArn(), t.weight() == null ? 1 : t.weight());
            }
        } else if (forward.targetGroupArn() != null) {
            weights.put(forward.targetGroupArn(), 1);
        }
        return new ForwardWeights(weights);
    }
}
