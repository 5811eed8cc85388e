package io.jenkins.plugins.awsdeploy.engine.routing;

import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsFailure;
import io.jenkins.plugins.awsdeploy.engine.aws.LambdaAliasState;
import io.jenkins.plugins.awsdeploy.engine.aws.LambdaPort;
import io.jenkins.plugins.awsdeploy.engine.aws.LambdaVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Routes by a Lambda alias's weighted routing, as CodeDeploy's Lambda canaries do: at p% the alias stays on the
 * stable version with {@code AdditionalVersionWeights = {canary: p/100}}; at 100% it points at the canary version
 * with no routing; at 0% it points at the stable version with no routing. Every update passes the RevisionId of the
 * read before it, so a change by someone else in between is refused by Lambda itself, not overwritten.
 */
final class AliasRouter implements TrafficRouter {

    private static final String LATEST = "$LATEST";

    private final LambdaPort lambda;
    private final LambdaAlias spec;
    /** The function's ARN once a read of the alias told it, so that one preflight does not read it again to mark it. */
    private String functionArn;

    AliasRouter(LambdaPort lambda, LambdaAlias spec) {
        if (lambda == null) throw new IllegalStateException("this session has no access to Lambda");
        this.lambda = lambda;
        this.spec = spec;
        this.functionArn = spec.function().startsWith("arn:") ? spec.function() : null;
    }

    @Override
    public LambdaAlias spec() {
        return spec;
    }

    @Override
    public Inspection inspect() {
        List<Problem> problems = new ArrayList<>();
        Optional<Split> current = Optional.empty();
        String checked = "the " + spec.describe() + ", version " + spec.canaryVersion();
        try {
            Optional<LambdaAliasState> found = lambda.alias(spec.function(), spec.alias());
            if (found.isEmpty()) {
                problems.add(lambda.version(spec.function(), LATEST).isPresent()
                        ? new Problem("lambdaAlias", "function " + spec.functionName() + " has no alias " + spec.alias())
                        : new Problem("lambdaFunction", "no function " + spec.functionName() + " exists in this region"));
                return new Inspection(problems, current, checked);
            }
            LambdaAliasState alias = found.get();
            functionArn = alias.functionArn();
            String stable = spec.stableVersion() != null ? spec.stableVersion() : alias.functionVersion();
            current = splitOf(alias, stable);
            checkAlias(alias, stable, problems);
            checkVersions(stable, problems);
            Optional<RouterSpec> settled = problems.isEmpty() ? Optional.of(spec.withStable(stable)) : Optional.empty();
            return new Inspection(problems, current, checked + " and its stable version " + stable, settled);
        } catch (RuntimeException e) {
            problems.add(new Problem("lambdaAlias", "could not be read: " + AwsFailure.describe(e)));
            return new Inspection(problems, current, checked);
        }
    }

    private void checkAlias(LambdaAliasState alias, String stable, List<Problem> problems) {
        String canary = spec.canaryVersion();
        if (alias.functionVersion().equals(LATEST)) {
            problems.add(new Problem("lambdaAlias", "points at $LATEST; Lambda routes by weight only between published "
                    + "versions: point the alias at the published version that serves now first"));
        } else if (alias.functionVersion().equals(canary)) {
            problems.add(new Problem("canaryVersion", "is version " + canary + ", which the alias " + spec.alias()
                    + " already points at (" + alias + "); nothing to shift. Is it the version that serves now?"));
        }
        TreeSet<String> others = new TreeSet<>(alias.weights().keySet());
        others.remove(canary);
        if (!others.isEmpty()) {
            problems.add(new Problem("lambdaAlias", "routes traffic to version(s) " + String.join(", ", others)
                    + " besides its own (" + alias + "); only version " + stable + " and canaryVersion " + canary
                    + " may carry traffic: finish or undo that other shift first"));
        }
    }

    private void checkVersions(String stable, List<Problem> problems) {
        String canary = spec.canaryVersion();
        Optional<LambdaVersion> next = lambda.version(spec.function(), canary);
        if (next.isEmpty()) {
            problems.add(new Problem("canaryVersion", "function " + spec.functionName() + " has no version " + canary
                    + "; publish it first (aws lambda publish-version)"));
            return;
        }
        String state = next.get().state();
        if ("Failed".equals(state) || "Pending".equals(state)) {
            problems.add(new Problem("canaryVersion", "version " + canary + " is " + state + ", not ready to serve"));
        }
        if (stable.equals(LATEST) || stable.equals(canary)) return;
        Optional<LambdaVersion> old = lambda.version(spec.function(), stable);
        if (old.isEmpty()) return;
        // Lambda refuses weighted routing between versions that differ in these; say so before anything changes.
        if (!Objects.equals(old.get().role(), next.get().role())) {
            problems.add(new Problem("canaryVersion", "version " + canary + " runs with the role " + next.get().role()
                    + " but version " + stable + " with " + old.get().role() + "; Lambda routes an alias between two "
                    + "versions only when both have the same execution role"));
        }
        if (!Objects.equals(old.get().deadLetterTarget(), next.get().deadLetterTarget())) {
            problems.add(new Problem("canaryVersion", "version " + canary + " has the dead-letter target "
                    + next.get().deadLetterTarget() + " but version " + stable + " has " + old.get().deadLetterTarget()
                    + "; Lambda routes an alias between two versions only when both have the same one"));
        }
    }

    @Override
    public Reading read() {
        return reading(current());
    }

    @Override
    public Reading write(Split expected, Split next) {
        String stable = spec.stableVersion();
        if (stable == null) throw new IllegalStateException("the stable version of the " + spec.describe() + " is not known yet");
        // One more try when the revision moved but the routing did not (someone edited the description): the guard is
        // there to keep someone else's traffic change, and there was none.
        for (int attempt = 1; ; attempt++) {
            LambdaAliasState alias = current();
            Reading found = reading(alias);
            if (!found.is(expected) || expected.equals(next)) return found;
            if (lambda.update(spec.function(), spec.alias(), alias.revisionId(), versionAt(next), weightsAt(next))) return found;
            if (attempt == 2) return read();
        }
    }

    @Override
    public String sides(Split split) {
        String stable = spec.stableVersion() == null ? "the alias's own version" : "version " + spec.stableVersion();
        return stable + " " + split.stable() + "%, version " + spec.canaryVersion() + " " + split.canary() + "%";
    }

    @Override
    public String restoreInstruction(Split split) {
        String version = split.canary() == 100 ? spec.canaryVersion()
                : spec.stableVersion() == null ? "STABLE_VERSION" : spec.stableVersion();
        String weights = split.canary() == 0 || split.canary() == 100 ? ""
                : "\"" + spec.canaryVersion() + "\":" + split.canary() / 100.0;
        return "point the alias at version " + version + (weights.isEmpty() ? " with no routing" : " routing "
                + split.canary() + "% to version " + spec.canaryVersion()) + ": aws lambda update-alias --function-name "
                + spec.function() + " --name " + spec.alias() + " --function-version " + version
                + " --routing-config '{\"AdditionalVersionWeights\":{" + weights + "}}' (it changes only the alias's "
                + "version and routing; then check it with aws lambda get-alias --function-name " + spec.function()
                + " --name " + spec.alias() + ")";
    }

    /**
     * Lambda keeps tags on functions, not on aliases, so the function carries the mark. Empty only when the alias
     * cannot be found, which the inspection reports as a problem first: then nothing is marked or continued.
     */
    @Override
    public Map<String, String> marked() {
        if (functionArn == null) {
            functionArn = lambda.alias(spec.function(), spec.alias()).map(LambdaAliasState::functionArn).orElse(null);
        }
        return functionArn == null ? Map.of() : Map.of(functionArn, "lambdaFunction");
    }

    @Override
    public List<RoutedResource> resources() {
        List<RoutedResource> all = new ArrayList<>();
        all.add(new RoutedResource("alias", spec.resource()));
        if (spec.stableVersion() != null) {
            all.add(new RoutedResource("stable version " + spec.stableVersion(), spec.function() + ":" + spec.stableVersion()));
        }
        all.add(new RoutedResource("canary version " + spec.canaryVersion(), spec.function() + ":" + spec.canaryVersion()));
        return all;
    }

    private LambdaAliasState current() {
        return lambda.alias(spec.function(), spec.alias())
                .orElseThrow(() -> new IllegalStateException("the " + spec.describe() + " no longer exists"));
    }

    private Reading reading(LambdaAliasState alias) {
        String stable = spec.stableVersion() != null ? spec.stableVersion() : alias.functionVersion();
        return new Reading(splitOf(alias, stable), alias.toString());
    }

    /**
     * The split, when the alias holds exactly one of the shapes this router writes: on the stable version alone, on
     * it with a whole percent routed to the canary version, or on the canary version alone.
     */
    private Optional<Split> splitOf(LambdaAliasState alias, String stable) {
        String canary = spec.canaryVersion();
        Map<String, Double> weights = alias.weights();
        if (alias.functionVersion().equals(canary)) return weights.isEmpty() ? Optional.of(Split.canaryAt(100)) : Optional.empty();
        if (!alias.functionVersion().equals(stable)) return Optional.empty();
        if (weights.isEmpty()) return Optional.of(Split.ALL_STABLE);
        if (weights.size() != 1 || !weights.containsKey(canary) || weights.get(canary) == null) return Optional.empty();
        double percent = weights.get(canary) * 100;
        long whole = Math.round(percent);
        if (Math.abs(percent - whole) > 1e-6 || whole < 0 || whole > 100) return Optional.empty();
        return Optional.of(Split.canaryAt((int) whole));
    }

    private String versionAt(Split split) {
        return split.canary() == 100 ? spec.canaryVersion() : spec.stableVersion();
    }

    private Map<String, Double> weightsAt(Split split) {
        return split.canary() == 0 || split.canary() == 100 ? Map.of() : Map.of(spec.canaryVersion(), split.canary() / 100.0);
    }
}
