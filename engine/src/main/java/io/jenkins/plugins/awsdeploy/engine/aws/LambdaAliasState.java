package io.jenkins.plugins.awsdeploy.engine.aws;

import java.util.Map;
import java.util.TreeMap;

/**
 * A Lambda alias as GetAlias reports it.
 *
 * @param aliasArn        {@code arn:aws:lambda:REGION:ACCOUNT:function:NAME:ALIAS}
 * @param functionVersion the version that takes the traffic the extra versions do not
 * @param weights         the routing configuration's extra versions and their share, 0.0 to 1.0; empty for none
 * @param revisionId      changes with every update of the alias: the guard of the next one
 */
public record LambdaAliasState(String aliasArn, String functionVersion, Map<String, Double> weights, String revisionId) {

    public LambdaAliasState {
        weights = java.util.Collections.unmodifiableMap(new TreeMap<>(weights == null ? Map.of() : weights));
    }

    /** The function's own ARN: the alias ARN without its last part, which is where Lambda keeps tags. */
    public String functionArn() {
        int last = aliasArn.lastIndexOf(':');
        return last > 0 && aliasArn.substring(0, last).contains(":function:") ? aliasArn.substring(0, last) : aliasArn;
    }

    /** As AWS shows it: {@code version 41, 0.1 routed to version 42}; {@code version 41, no routing}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("version ").append(functionVersion);
        if (weights.isEmpty()) return b.append(", no routing").toString();
        weights.forEach((v, w) -> b.append(", ").append(w).append(" routed to version ").append(v));
        return b.toString();
    }
}
