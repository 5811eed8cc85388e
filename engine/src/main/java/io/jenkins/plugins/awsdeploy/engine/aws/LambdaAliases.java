package io.jenkins.plugins.awsdeploy.engine.aws;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AliasRoutingConfiguration;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** {@link LambdaPort} on the Lambda API. */
final class LambdaAliases implements LambdaPort {

    private final LambdaClient lambda;

    LambdaAliases(LambdaClient lambda) {
        this.lambda = lambda;
    }

    @Override
    public Optional<LambdaAliasState> alias(String function, String alias) {
        GetAliasResponse found;
        try {
            found = lambda.getAlias(r -> r.functionName(function).name(alias));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
        Map<String, Double> weights = found.routingConfig() == null || !found.routingConfig().hasAdditionalVersionWeights()
                ? Map.of() : found.routingConfig().additionalVersionWeights();
        return Optional.of(new LambdaAliasState(found.aliasArn(), found.functionVersion(), weights, found.revisionId()));
    }

    @Override
    public Optional<LambdaVersion> version(String function, String version) {
        GetFunctionConfigurationResponse found;
        try {
            found = lambda.getFunctionConfiguration(r -> r.functionName(function).qualifier(version));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
        String deadLetter = found.deadLetterConfig() == null ? null : found.deadLetterConfig().targetArn();
        return Optional.of(new LambdaVersion(found.version(), found.functionArn(), found.role(), deadLetter,
                found.stateAsString()));
    }

    @Override
    public boolean update(String function, String alias, String revisionId, String functionVersion, Map<String, Double> weights) {
        // An empty map is sent as {}, which is how Lambda is told to drop the extra versions.
        AliasRoutingConfiguration routing = AliasRoutingConfiguration.builder().additionalVersionWeights(weights).build();
        try {
            lambda.updateAlias(r -> r.functionName(function).name(alias).functionVersion(functionVersion)
                    .routingConfig(routing).revisionId(revisionId));
            return true;
        } catch (PreconditionFailedException e) {
            return false;
        }
    }
}
