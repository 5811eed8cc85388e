package io.jenkins.plugins.awsdeploy.engine.ownership;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Tag;

/** Markers as tags on ECS services (ListTagsForResource, TagResource, UntagResource). */
public final class EcsLeases implements LeasePort {

    private final EcsClient ecs;

    public EcsLeases(EcsClient ecs) {
        this.ecs = ecs;
    }

    @Override
    public Optional<Lease> read(String arn) {
        Map<String, String> tags = new HashMap<>();
        ecs.listTagsForResource(r -> r.resourceArn(arn)).tags().forEach(t -> tags.put(t.key(), t.value()));
        return Lease.fromTags(tags);
    }

    @Override
    public void write(String arn, Lease lease) {
        List<Tag> tags = lease.toTags().entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
        ecs.tagResource(r -> r.resourceArn(arn).tags(tags));
    }

    @Override
    public void remove(String arn) {
        ecs.untagResource(r -> r.resourceArn(arn).tagKeys(Lease.DEPLOYMENT_KEY, Lease.OWNER_KEY, Lease.UNTIL_KEY));
    }
}
