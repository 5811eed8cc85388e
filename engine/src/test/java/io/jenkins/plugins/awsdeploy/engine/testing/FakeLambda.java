package io.jenkins.plugins.awsdeploy.engine.testing;

import io.jenkins.plugins.awsdeploy.engine.aws.LambdaAliasState;
import io.jenkins.plugins.awsdeploy.engine.aws.LambdaPort;
import io.jenkins.plugins.awsdeploy.engine.aws.LambdaVersion;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * An in-memory Lambda for what moto does not show: a RevisionId that changes with every update of an alias (moto's
 * never does, so its guard is never exercised), someone else updating the alias between the engine's read and its
 * write, and throttling. It counts every call.
 */
public final class FakeLambda implements LambdaPort {

    public static final String FUNCTION = "api";
    public static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:" + FUNCTION;
    public static final String ROLE = "arn:aws:iam::123456789012:role/api-runs";

    private final Map<String, LambdaVersion> versions = new LinkedHashMap<>();
    private final Map<String, LambdaAliasState> aliases = new HashMap<>();
    private final Map<String, Integer> calls = new HashMap<>();
    private int revisions;
    private int throttled;
    /** Runs after each read of an alias, with the alias's name: to play someone else updating it right then. */
    private Consumer<String> afterAliasRead = a -> { };

    /** Function "api" with versions 1 to 3 (and $LATEST), alias "live" on version 1 without routing. */
    public static FakeLambda standard() {
        FakeLambda lambda = new FakeLambda();
        lambda.publish("$LATEST", ROLE).publish("1", ROLE).publish("2", ROLE).publish("3", ROLE);
        lambda.setAlias("live", "1", Map.of());
        return lambda;
    }

    // ---- test controls

    public synchronized FakeLambda publish(String version, String role) {
        versions.put(version, new LambdaVersion(version, FUNCTION_ARN + (version.equals("$LATEST") ? "" : ":" + version),
                role, null, "Active"));
        return this;
    }

    public synchronized FakeLambda version(LambdaVersion v) {
        versions.put(v.version(), v);
        return this;
    }

    /** Someone (or the test's setup) points the alias: its revision changes, as Lambda's does. */
    public synchronized FakeLambda setAlias(String alias, String version, Map<String, Double> weights) {
        aliases.put(alias, new LambdaAliasState(FUNCTION_ARN + ":" + alias, version, weights, nextRevision()));
        return this;
    }

    /** Someone edits the alias without touching its routing (its description): only the revision changes. */
    public synchronized void touch(String alias) {
        LambdaAliasState a = aliases.get(alias);
        aliases.put(alias, new LambdaAliasState(a.aliasArn(), a.functionVersion(), a.weights(), nextRevision()));
    }

    public synchronized LambdaAliasState alias(String alias) {
        return aliases.get(alias);
    }

    public synchronized void afterAliasRead(Consumer<String> hook) {
        afterAliasRead = hook;
    }

    /** The next {@code n} calls fail as Lambda fails them under load, after the SDK's retries gave up. */
    public synchronized void throttleNext(int n) {
        throttled = n;
    }

    public synchronized int calls(String operation) {
        return calls.getOrDefault(operation, 0);
    }

    public synchronized void resetCalls() {
        calls.clear();
    }

    // ---- LambdaPort

    @Override
    public synchronized Optional<LambdaAliasState> alias(String function, String alias) {
        count("GetAlias");
        if (!isFunction(function)) return Optional.empty();
        Optional<LambdaAliasState> found = Optional.ofNullable(aliases.get(alias));
        afterAliasRead.accept(alias);
        return found;
    }

    @Override
    public synchronized Optional<LambdaVersion> version(String function, String version) {
        count("GetFunctionConfiguration");
        if (!isFunction(function)) return Optional.empty();
        return Optional.ofNullable(versions.get(version));
    }

    @Override
    public synchronized boolean update(String function, String alias, String revisionId, String functionVersion,
                                       Map<String, Double> weights) {
        count("UpdateAlias");
        LambdaAliasState a = aliases.get(alias);
        if (!isFunction(function) || a == null) throw new IllegalStateException("ResourceNotFoundException (simulated)");
        if (!a.revisionId().equals(revisionId)) return false;
        aliases.put(alias, new LambdaAliasState(a.aliasArn(), functionVersion, weights, nextRevision()));
        return true;
    }

    private boolean isFunction(String function) {
        return function.equals(FUNCTION) || function.equals(FUNCTION_ARN);
    }

    private void count(String operation) {
        calls.merge(operation, 1, Integer::sum);
        if (throttled > 0) {
            throttled--;
            throw TooManyRequestsException.builder().statusCode(429)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("TooManyRequestsException")
                            .errorMessage("Rate exceeded (simulated)").build()).build();
        }
    }

    private String nextRevision() {
        return "rev-" + ++revisions;
    }
}
