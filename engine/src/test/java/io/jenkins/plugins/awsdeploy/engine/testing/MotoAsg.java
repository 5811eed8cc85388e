package io.jenkins.plugins.awsdeploy.engine.testing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;

/**
 * Two Auto Scaling groups in moto as a blue/green test needs them: one launch template (version 1 on {@link #AMI_V1}),
 * a blue group on version 1 with some instances registered in blue's target group, and an empty green group
 * attached to green's target group. The setup uses plain SDK clients of its own, not the engine's.
 *
 * <p>moto reports every instance of a group as launched from the template's default version, whatever the group
 * launched: {@link #makeDefault} is how a test makes the new group's instances read as the new version, the way
 * AWS would report them.
 */
public final class MotoAsg implements AutoCloseable {

    public static final String BLUE = "web-blue";
    public static final String GREEN = "web-green";
    /** Two of the AMIs moto knows from the start. */
    public static final String AMI_V1 = "ami-03cf127a";
    public static final String AMI_V2 = "ami-12c6146b";

    public final AutoScalingClient autoScaling;
    public final Ec2Client ec2;
    public final String templateId;
    private final SdkHttpClient http = ApacheHttpClient.builder().build();
    private final String subnet;

    private MotoAsg(URI endpoint, String name) {
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        autoScaling = AutoScalingClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(creds)
                .httpClient(http).build();
        ec2 = Ec2Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(creds)
                .httpClient(http).build();
        subnet = ec2.describeSubnets().subnets().get(0).subnetId();
        templateId = ec2.createLaunchTemplate(r -> r.launchTemplateName(name + "-lt")
                .launchTemplateData(d -> d.imageId(AMI_V1).instanceType("t3.micro"))).launchTemplate().launchTemplateId();
    }

    /** Blue on version 1 with {@code instances} instances, green empty; each group in its own target group. */
    public static MotoAsg build(String name, String blueTg, String greenTg, int instances) {
        return build(Moto.endpoint(), name, blueTg, greenTg, instances);
    }

    public static MotoAsg build(URI endpoint, String name, String blueTg, String greenTg, int instances) {
        MotoAsg m = create(endpoint, name);
        m.group(BLUE, "1", blueTg, instances);
        m.group(GREEN, "1", greenTg, 0);
        return m;
    }

    /** A launch template of its own (version 1 on {@link #AMI_V1}) and no group yet. */
    public static MotoAsg create(URI endpoint, String name) {
        return new MotoAsg(endpoint, name);
    }

    public void group(String name, String version, String targetGroup, int desired) {
        group(name, version, List.of(targetGroup), desired);
    }

    public void group(String name, String version, List<String> targetGroups, int desired) {
        autoScaling.createAutoScalingGroup(r -> r.autoScalingGroupName(name).minSize(desired).maxSize(Math.max(6, desired))
                .desiredCapacity(desired).vpcZoneIdentifier(subnet).targetGroupARNs(targetGroups)
                .launchTemplate(t -> t.launchTemplateId(templateId).version(version)));
    }

    public AutoScalingGroup group(String name) {
        return autoScaling.describeAutoScalingGroups(r -> r.autoScalingGroupNames(name)).autoScalingGroups().get(0);
    }

    /** {@code lt-…:2 min=0 desired=3 max=6, 3 instances}: what a test compares before and after. */
    public String describe(String name) {
        AutoScalingGroup g = group(name);
        return g.launchTemplate().launchTemplateId() + ":" + g.launchTemplate().version() + " min=" + g.minSize() + " desired="
                + g.desiredCapacity() + " max=" + g.maxSize() + ", " + g.instances().size() + " instances, targets "
                + g.targetGroupARNs() + ", tags " + tags(name);
    }

    public Map<String, String> tags(String name) {
        return group(name).tags().stream().collect(Collectors.toMap(t -> t.key(), t -> t.value(), (a, b) -> b, TreeMap::new));
    }

    /** The template's versions, number to AMI. */
    public Map<Long, String> versions() {
        List<LaunchTemplateVersion> all = ec2.describeLaunchTemplateVersions(r -> r.launchTemplateId(templateId)).launchTemplateVersions();
        return all.stream().collect(Collectors.toMap(LaunchTemplateVersion::versionNumber,
                v -> String.valueOf(v.launchTemplateData().imageId()), (a, b) -> b, TreeMap::new));
    }

    /** Marks every instance of the group Unhealthy, as its health check would. */
    public void sicken(String name) {
        group(name).instances().forEach(i -> autoScaling.setInstanceHealth(r -> r.instanceId(i.instanceId()).healthStatus("Unhealthy")));
    }

    public void makeDefault(long version) {
        ec2.modifyLaunchTemplate(r -> r.launchTemplateId(templateId).defaultVersion(Long.toString(version)));
    }

    public long newVersion(String ami) {
        return ec2.createLaunchTemplateVersion(r -> r.launchTemplateId(templateId).launchTemplateData(d -> d.imageId(ami)))
                .launchTemplateVersion().versionNumber();
    }

    public void resize(String name, int min, int desired, int max) {
        autoScaling.updateAutoScalingGroup(r -> r.autoScalingGroupName(name).minSize(min).desiredCapacity(desired).maxSize(max));
    }

    /** Deletes both groups, so that the next scene in the same moto can have groups of the same names. */
    public void deleteGroups() {
        for (String g : List.of(BLUE, GREEN)) autoScaling.deleteAutoScalingGroup(r -> r.autoScalingGroupName(g).forceDelete(true));
    }

    @Override
    public void close() {
        autoScaling.close();
        ec2.close();
        http.close();
    }
}
