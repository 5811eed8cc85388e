package io.jenkins.plugins.awsdeploy.engine.aws;

import java.util.Map;

/**
 * @param status          ACTIVE, INACTIVE (deregistered) or DELETE_IN_PROGRESS
 * @param imageByContainer each container's image, in definition order
 */
public record TaskDefinitionInfo(String arn, String family, int revision, String status,
                                 Map<String, String> imageByContainer) {

    public String familyRevision() {
        return family + ":" + revision;
    }

    public TaskDefinitionRef ref() {
        return new TaskDefinitionRef(family, revision);
    }
}
