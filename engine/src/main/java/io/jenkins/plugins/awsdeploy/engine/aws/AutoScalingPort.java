package io.jenkins.plugins.awsdeploy.engine.aws;

import java.util.Map;
import java.util.Optional;

/** EC2 Auto Scaling groups, their launch templates and the targets their instances are, as blue/green sees them. */
public interface AutoScalingPort {

    /** The group with its instances and tags; empty if it does not exist. */
    Optional<AutoScalingGroup> group(String name);

    /** A version ({@code 7}, {@code $Latest}, {@code $Default}) of a launch template; empty if there is no such version. */
    Optional<TemplateVersion> templateVersion(String templateId, String version);

    /** Whether the AMI exists and is available to this account. */
    boolean imageExists(String imageId);

    /**
     * Creates a version of the template identical to {@code sourceVersion} but for the image. {@code clientToken}
     * makes a repeated call (after a restart) return the version the first call made instead of another one.
     */
    TemplateVersion createVersion(String templateId, long sourceVersion, String imageId, String clientToken);

    /** Points the group at a template version and sizes it, in one call. */
    void update(String group, String templateId, long version, Capacity capacity);

    /** Only the size. */
    void resize(String group, Capacity capacity);

    void tag(String group, Map<String, String> tags);

    /** The state ({@code healthy}, {@code initial}, {@code draining}, ...) of each target of a group, by instance id. */
    Map<String, String> targets(String targetGroupArn);
}
