package io.jenkins.plugins.awsdeploy.engine.ownership;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Markers as tags on Lambda functions (ListTags, TagResource, UntagResource). Lambda tags functions, not aliases, so
 * a canary on one alias of a function marks the whole function: a second canary on another alias of it waits too.
 */
public final class LambdaLeases implements LeasePort {

    private final LambdaClient lambda;

    public LambdaLeases(LambdaClient lambda) {
        this.lambda = lambda;
    }

    /** A function that does not exist carries no mark: the preflight says it does not exist. */
    @Override
    public Optional<Lease> read(String functionArn) {
        Map<String, String> tags;
        try {
            tags = lambda.listTags(r -> r.resource(functionArn)).tags();
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
        return Lease.fromTags(tags == null ? Map.of() : tags);
    }

    @Override
    public void write(String functionArn, Lease lease) {
        lambda.tagResource(r -> r.resource(functionArn).tags(lease.toTags()));
    }

    @Override
    public void remove(String functionArn) {
        lambda.untagResource(r -> r.resource(functionArn).tagKeys(Lease.DEPLOYMENT_KEY, Lease.OWNER_KEY, Lease.UNTIL_KEY));
    }
}
