package io.jenkins.plugins.awsdeploy.engine.aws;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Amazon ECS as blue/green and rollback see it: services, their deployments and task definitions. */
public interface EcsPort {

    boolean clusterExists(String cluster);

    /** The service with its deployments, latest events and tags; empty if it does not exist (or is INACTIVE). */
    Optional<EcsService> service(String cluster, String service);

    /** A task definition by {@code family:revision} or ARN; empty if it does not exist. */
    Optional<TaskDefinitionInfo> taskDefinition(String familyRevisionOrArn);

    /** ARNs of the ACTIVE revisions of a family, newest first. */
    List<String> activeRevisions(String family);

    /**
     * Registers a new revision of the family of {@code from} that is identical to it except for the images
     * of the named containers.
     */
    TaskDefinitionInfo registerCopy(String from, Map<String, String> imageByContainer);

    /** Points the service at a task definition; {@code desiredCount} null keeps the current count. */
    void updateService(String cluster, String service, String taskDefinition, Integer desiredCount);

    /** Changes only the desired count. */
    void scale(String cluster, String service, int desiredCount);

    void tag(String resourceArn, Map<String, String> tags);
}
