package io.jenkins.plugins.awsdeploy.engine.aws;

import java.util.Map;
import java.util.Optional;

/**
 * The few Lambda calls a canary on an alias makes: read the alias, read a version's configuration, and update the
 * alias only while it still has the revision that was read.
 */
public interface LambdaPort {

    /** The alias as Lambda holds it (GetAlias); empty when the function or the alias does not exist. */
    Optional<LambdaAliasState> alias(String function, String alias);

    /**
     * A version's configuration (GetFunctionConfiguration with the version as qualifier); empty when the function
     * or that version does not exist. {@code $LATEST} reads the function's unpublished code.
     */
    Optional<LambdaVersion> version(String function, String version);

    /**
     * Points the alias at {@code functionVersion} with exactly {@code weights} as its extra versions (none clears
     * the routing), passing {@code revisionId} as the guard (UpdateAlias). Everything else on the alias is kept.
     *
     * @return false, having changed nothing, when the alias no longer has that revision: someone changed it since
     *         it was read
     */
    boolean update(String function, String alias, String revisionId, String functionVersion, Map<String, Double> weights);
}
