package io.jenkins.plugins.awsdeploy.engine.aws;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.autoscaling.model.Tag;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * {@link AutoScalingPort} over the SDK: DescribeAutoScalingGroups, UpdateAutoScalingGroup and CreateOrUpdateTags;
 * DescribeLaunchTemplateVersions, CreateLaunchTemplateVersion and DescribeImages and DescribeInstances (to leave out terminated targets) of EC2; DescribeTargetHealth of ELB.
 */
public final class Ec2AutoScaling implements AutoScalingPort {

    private final AutoScalingClient autoScaling;
    private final Ec2Client ec2;
    private final ElasticLoadBalancingV2Client elb;

    public Ec2AutoScaling(AutoScalingClient autoScaling, Ec2Client ec2, ElasticLoadBalancingV2Client elb) {
        this.autoScaling = autoScaling;
        this.ec2 = ec2;
        this.elb = elb;
    }

    @Override
    public Optional<AutoScalingGroup> group(String name) {
        return autoScaling.describeAutoScalingGroups(r -> r.autoScalingGroupNames(name)).autoScalingGroups().stream()
                .filter(g -> g.autoScalingGroupName().equals(name)).findFirst().map(g -> {
                    LaunchTemplateSpecification lt = g.launchTemplate();
                    List<GroupInstance> instances = g.instances().stream().map(Ec2AutoScaling::instance).toList();
                    Map<String, String> tags = new HashMap<>();
                    g.tags().forEach(t -> tags.put(t.key(), t.value() == null ? "" : t.value()));
                    return new AutoScalingGroup(g.autoScalingGroupName(), g.autoScalingGroupARN(),
                            new Capacity(g.minSize(), g.desiredCapacity(), g.maxSize()),
                            lt == null ? null : lt.launchTemplateId(), lt == null ? null : lt.launchTemplateName(),
                            lt == null ? null : lt.version(), g.targetGroupARNs(), instances, tags);
                });
    }

    private static GroupInstance instance(Instance i) {
        String version = i.launchTemplate() == null ? null : i.launchTemplate().version();
        return new GroupInstance(i.instanceId(), i.lifecycleStateAsString(), i.healthStatus(), version);
    }

    @Override
    public Optional<TemplateVersion> templateVersion(String templateId, String version) {
        try {
            return ec2.describeLaunchTemplateVersions(r -> r.launchTemplateId(templateId).versions(version))
                    .launchTemplateVersions().stream().findFirst().map(Ec2AutoScaling::version);
        } catch (Ec2Exception e) {
            if (notFound(e, "InvalidLaunchTemplate")) return Optional.empty();
            throw e;
        }
    }

    @Override
    public boolean imageExists(String imageId) {
        try {
            List<Image> images = ec2.describeImages(r -> r.imageIds(imageId)).images();
            return images.stream().anyMatch(i -> imageId.equals(i.imageId()));
        } catch (Ec2Exception e) {
            if (notFound(e, "InvalidAMIID")) return false;
            throw e;
        }
    }

    @Override
    public TemplateVersion createVersion(String templateId, long sourceVersion, String imageId, String clientToken) {
        return version(ec2.createLaunchTemplateVersion(r -> r.launchTemplateId(templateId)
                .sourceVersion(Long.toString(sourceVersion)).clientToken(clientToken)
                .versionDescription("blue/green: version " + sourceVersion + " with image " + imageId)
                .launchTemplateData(d -> d.imageId(imageId))).launchTemplateVersion());
    }

    @Override
    public void update(String group, String templateId, long version, Capacity capacity) {
        autoScaling.updateAutoScalingGroup(r -> r.autoScalingGroupName(group)
                .launchTemplate(t -> t.launchTemplateId(templateId).version(Long.toString(version)))
                .minSize(capacity.min()).desiredCapacity(capacity.desired()).maxSize(capacity.max()));
    }

    @Override
    public void resize(String group, Capacity capacity) {
        autoScaling.updateAutoScalingGroup(r -> r.autoScalingGroupName(group)
                .minSize(capacity.min()).desiredCapacity(capacity.desired()).maxSize(capacity.max()));
    }

    @Override
    public void tag(String group, Map<String, String> tags) {
        List<Tag> all = tags.entrySet().stream().map(e -> Tag.builder().resourceId(group).resourceType("auto-scaling-group")
                .key(e.getKey()).value(e.getValue()).propagateAtLaunch(false).build()).toList();
        autoScaling.createOrUpdateTags(r -> r.tags(all));
    }

    @Override
    public Map<String, String> targets(String targetGroupArn) {
        Map<String, String> states = new LinkedHashMap<>();
        elb.describeTargetHealth(r -> r.targetGroupArn(targetGroupArn)).targetHealthDescriptions()
                .forEach(d -> states.put(d.target().id(), d.targetHealth().stateAsString()));
        if (states.isEmpty()) return states;
        // A terminated instance serves nothing; AWS deregisters it, moto keeps listing it as healthy.
        ec2.describeInstances(r -> r.filters(f -> f.name("instance-id").values(states.keySet()),
                        f -> f.name("instance-state-name").values("shutting-down", "terminated")))
                .reservations().forEach(res -> res.instances().forEach(i -> states.remove(i.instanceId())));
        return states;
    }

    private static TemplateVersion version(LaunchTemplateVersion v) {
        String image = v.launchTemplateData() == null ? null : v.launchTemplateData().imageId();
        return new TemplateVersion(v.launchTemplateId(), v.launchTemplateName(), v.versionNumber(), image);
    }

    private static boolean notFound(Ec2Exception e, String prefix) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return code != null && code.startsWith(prefix);
    }
}
