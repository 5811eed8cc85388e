package io.jenkins.plugins.awsdeploy.engine.ownership;

import java.util.Optional;

/** Where ownership markers live: with the resource itself, so that every runner anywhere sees them. */
public interface LeasePort {

    /** The marker on the resource, if it carries one. */
    Optional<Lease> read(String resourceArn);

    /** Puts the marker on the resource, replacing any marker it had. */
    void write(String resourceArn, Lease lease);

    /** Takes the marker off the resource. */
    void remove(String resourceArn);
}
