package io.jenkins.plugins.awsdeploy.engine.ownership;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.Tag;

/**
 * Markers as tags on Auto Scaling groups (DescribeTags, CreateOrUpdateTags, DeleteTags). Groups are tagged by name,
 * so the name is taken from the group's ARN ({@code ...:autoScalingGroupName/web-blue}). The tags are not propagated
 * to the instances: they mark the group, not what it launches.
 */
public final class AsgLeases implements LeasePort {

    private final AutoScalingClient autoScaling;

    public AsgLeases(AutoScalingClient autoScaling) {
        this.autoScaling = autoScaling;
    }

    @Override
    public Optional<Lease> read(String arn) {
        String group = groupName(arn);
        Map<String, String> tags = new HashMap<>();
        autoScaling.describeAutoScalingGroups(r -> r.autoScalingGroupNames(group)).autoScalingGroups().stream()
                .filter(g -> g.autoScalingGroupName().equals(group))
                .forEach(g -> g.tags().forEach(t -> tags.put(t.key(), t.value())));
        return Lease.fromTags(tags);
    }

    @Override
    public void write(String arn, Lease lease) {
        String group = groupName(arn);
        List<Tag> tags = lease.toTags().entrySet().stream().map(e -> tag(group, e.getKey()).value(e.getValue()).build()).toList();
        autoScaling.createOrUpdateTags(r -> r.tags(tags));
    }

    @Override
    public void remove(String arn) {
        String group = groupName(arn);
        autoScaling.deleteTags(r -> r.tags(List.of(Lease.DEPLOYMENT_KEY, Lease.OWNER_KEY, Lease.UNTIL_KEY).stream()
                .map(k -> tag(group, k).build()).toList()));
    }

    private static Tag.Builder tag(String group, String key) {
        return Tag.builder().resourceId(group).resourceType("auto-scaling-group").key(key).propagateAtLaunch(false);
    }

    /** The group's name, the part of its ARN after {@code autoScalingGroupName/}. */
    static String groupName(String arn) {
        int at = arn.indexOf("autoScalingGroupName/");
        if (at < 0) throw new IllegalArgumentException(arn + " is not the ARN of an Auto Scaling group");
        return arn.substring(at + "autoScalingGroupName/".length());
    }
}
