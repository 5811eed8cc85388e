package io.jenkins.plugins.awsdeploy.engine.bluegreen;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryCheckpoint;
import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/**
 * Where a blue/green deployment is. A phase that changes something in AWS is recorded before the change
 * is made, and making it again is harmless, so a process killed mid-change simply makes it again.
 * {@code attempts} counts failed calls of that one change.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "phase")
@JsonSubTypes({
        @JsonSubTypes.Type(BlueGreenPhase.Preflight.class),
        @JsonSubTypes.Type(BlueGreenPhase.Registering.class),
        @JsonSubTypes.Type(BlueGreenPhase.UpdatingIdle.class),
        @JsonSubTypes.Type(BlueGreenPhase.WaitingForIdle.class),
        @JsonSubTypes.Type(BlueGreenPhase.PointingTest.class),
        @JsonSubTypes.Type(BlueGreenPhase.Switching.class),
        @JsonSubTypes.Type(BlueGreenPhase.ScaleDownWait.class),
        @JsonSubTypes.Type(BlueGreenPhase.ScalingDownOld.class),
        @JsonSubTypes.Type(BlueGreenPhase.Recording.class),
        @JsonSubTypes.Type(BlueGreenPhase.ScalingDownNew.class),
        @JsonSubTypes.Type(BlueGreenPhase.Finished.class),
        @JsonSubTypes.Type(BlueGreenPhase.CreatingVersion.class)})
public sealed interface BlueGreenPhase extends Serializable {

    /** Nothing has been changed yet. */
    record Preflight() implements BlueGreenPhase {
    }

    /**
     * About to register a copy of {@code from} with these images (container names resolved). Registering
     * is the one change that is not idempotent: a process killed right after it registers a second,
     * identical revision on restart, which nothing uses.
     */
    record Registering(String from, Map<String, String> images, int attempts) implements BlueGreenPhase {
    }

    /**
     * About to create a version of an Auto Scaling group's launch template: {@code sourceVersion} with only the image
     * replaced. Repeating it is harmless: the request carries the deployment's client token.
     */
    record CreatingVersion(String templateId, long sourceVersion, String imageId, int attempts) implements BlueGreenPhase {

        /**
         * The same for every attempt of one deployment, different for any other deployment or image, and within EC2's
         * 64 characters whatever the deployment's id is: a digest of all of them.
         */
        public String clientToken(String deploymentId) {
            try {
                byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest((deploymentId + "\n" + templateId + "\n"
                        + sourceVersion + "\n" + imageId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return "aws-deploy-" + java.util.HexFormat.of().formatHex(digest, 0, 20);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }
    }

    /** About to point the idle service at {@code taskDefinition} at the live side's desired count. */
    record UpdatingIdle(String taskDefinition, int attempts) implements BlueGreenPhase {
    }

    /**
     * Waiting until the idle service is stable on {@code taskDefinition} and its targets are healthy.
     *
     * @param progress what the last poll saw, to report only changes
     */
    record WaitingForIdle(String taskDefinition, Instant deadline, String progress) implements BlueGreenPhase {
    }

    /** About to point the test listener or rule at the new side. */
    record PointingTest(int attempts) implements BlueGreenPhase {
    }

    /** Production traffic moves to the new side; the canary engine does it, step by step. */
    record Switching(CanaryCheckpoint canary) implements BlueGreenPhase {
    }

    /**
     * All traffic is on the new side; the old side keeps running while alarms are watched, so that an
     * alarm can still switch back in one change. The canary engine watches, baking its last step.
     */
    record ScaleDownWait(CanaryCheckpoint canary) implements BlueGreenPhase {
    }

    /** About to scale the old side to 0 after a successful switch. */
    record ScalingDownOld(int attempts) implements BlueGreenPhase {
    }

    /** About to tag the new side's service with the revision it now runs, as its last known good. */
    record Recording(int attempts) implements BlueGreenPhase {
    }

    /** The deployment failed or was stopped with traffic on the old side; about to scale the new side to 0. */
    record ScalingDownNew(Outcome outcome, int attempts) implements BlueGreenPhase {
    }

    record Finished(Outcome outcome) implements BlueGreenPhase {
    }
}
