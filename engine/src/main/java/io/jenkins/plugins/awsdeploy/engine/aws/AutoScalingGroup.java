package io.jenkins.plugins.awsdeploy.engine.aws;

import java.util.List;
import java.util.Map;

/**
 * An Auto Scaling group as blue/green sees it.
 *
 * @param templateId      the launch template it launches from; null when it uses a launch configuration or a mixed policy
 * @param templateVersion the version as the group names it: a number, {@code $Latest} or {@code $Default}
 * @param targetGroups    the ARNs of the target groups it registers its instances in
 */
public record AutoScalingGroup(String name, String arn, Capacity capacity, String templateId, String templateName,
                               String templateVersion, List<String> targetGroups, List<GroupInstance> instances,
                               Map<String, String> tags) {

    public AutoScalingGroup {
        targetGroups = List.copyOf(targetGroups);
        instances = List.copyOf(instances);
        tags = Map.copyOf(tags);
    }
}
