package io.jenkins.plugins.awsdeploy.engine;

import io.jenkins.plugins.awsdeploy.engine.aws.AwsPorts;
import io.jenkins.plugins.awsdeploy.engine.ownership.Ownership;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One way to deploy (canary, blue/green, ECS rollback): everything the engine and the shells need to know about it,
 * so that a new strategy is one package plus one line in {@link Strategies}. Only the strategy looks inside its own
 * checkpoint; everyone else asks it.
 *
 * @param <C> the checkpoint this strategy owns
 */
public interface Strategy<C extends Checkpoint> {

    /** The name its checkpoints carry in JSON ({@code "strategy": "canary"}); never changes, state files rely on it. */
    String type();

    Class<C> checkpointType();

    /** The events its deployments emit; a shell may draw or count exactly these. */
    Set<EventKind> events();

    Reconciler<C> reconciler(AwsPorts ports, Ownership ownership, Clock clock);

    /** Where the deployment stands at {@code now}, for a status line, a heartbeat or a page. */
    Progress progress(C checkpoint, Instant now);

    /** A heading for the deployment: {@code Canary 10% → 100% on listener/app/web/...}. */
    String title(C checkpoint);

    /**
     * What makes two runs the same deployment (the spec): a shell resumes a stored checkpoint only when its
     * identity equals the one asked for.
     */
    Object identity(C checkpoint);

    /** What ran before, in a few words ({@code web-blue (web:41)}); empty until known. */
    Optional<String> from(C checkpoint);

    /** What is being deployed, in a few words; empty until known. */
    Optional<String> to(C checkpoint);

    /** The resources it touches, to list and link. */
    List<Resource> resources(C checkpoint);

    Summary summary(C checkpoint);
}
