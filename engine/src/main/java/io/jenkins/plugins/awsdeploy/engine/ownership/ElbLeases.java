package io.jenkins.plugins.awsdeploy.engine.ownership;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ListenerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;

/** Markers as tags on load balancer listeners and rules (DescribeTags, AddTags, RemoveTags). */
public final class ElbLeases implements LeasePort {

    private final ElasticLoadBalancingV2Client elb;

    public ElbLeases(ElasticLoadBalancingV2Client elb) {
        this.elb = elb;
    }

    /** A listener or rule that does not exist carries no mark: the preflight says it does not exist. */
    @Override
    public Optional<Lease> read(String arn) {
        Map<String, String> tags = new HashMap<>();
        try {
            elb.describeTags(r -> r.resourceArns(arn)).tagDescriptions()
                    .forEach(d -> d.tags().forEach(t -> tags.put(t.key(), t.value())));
        } catch (ListenerNotFoundException | RuleNotFoundException | LoadBalancerNotFoundException e) {
            return Optional.empty();
        }
        return Lease.fromTags(tags);
    }

    @Override
    public void write(String arn, Lease lease) {
        List<Tag> tags = lease.toTags().entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
        elb.addTags(r -> r.resourceArns(arn).tags(tags));
    }

    @Override
    public void remove(String arn) {
        elb.removeTags(r -> r.resourceArns(arn).tagKeys(Lease.DEPLOYMENT_KEY, Lease.OWNER_KEY, Lease.UNTIL_KEY));
    }
}
