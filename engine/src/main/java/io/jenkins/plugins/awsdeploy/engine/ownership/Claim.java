package io.jenkins.plugins.awsdeploy.engine.ownership;

import java.io.Serializable;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a deployment's checkpoint knows of its ownership: who it is, the resources it has marked as
 * its own (none before its preflight passed, none again once it released them), and until when.
 *
 * @param deploymentId stays the same for the whole deployment, across restarts from its checkpoint
 * @param owner        who runs it, in words a person can find: a host, a Jenkins build
 * @param resources    ARNs that carry this deployment's marker
 * @param until        when the markers expire unless renewed; null while none are held
 * @param term         how long each renewal holds them; null while none are held
 */
public record Claim(String deploymentId, String owner, List<String> resources, Instant until, Duration term)
        implements Serializable {

    public Claim {
        resources = resources == null ? List.of() : List.copyOf(resources);
        deploymentId = deploymentId == null ? null : Lease.tagValue(deploymentId);
        owner = owner == null ? null : Lease.tagValue(owner);
    }

    /** A new deployment with its own id, run by {@code owner}. */
    public static Claim of(String deploymentId, String owner) {
        return new Claim(deploymentId, owner, List.of(), null, null);
    }

    /** A new deployment with a random id, run by this user on this host ({@code alice@build-7}). */
    public static Claim fresh() {
        return of(UUID.randomUUID().toString(), System.getProperty("user.name", "someone") + "@" + hostName());
    }

    public boolean holds() {
        return !resources.isEmpty();
    }

    public Lease lease() {
        return new Lease(deploymentId, owner, until);
    }

    Claim holding(List<String> arns, Instant expires, Duration renewedFor) {
        return new Claim(deploymentId, owner, arns, expires, renewedFor);
    }

    Claim released() {
        return new Claim(deploymentId, owner, List.of(), null, null);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException | SecurityException e) {
            return "unknown";
        }
    }
}
