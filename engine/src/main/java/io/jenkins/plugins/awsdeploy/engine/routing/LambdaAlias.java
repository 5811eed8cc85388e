package io.jenkins.plugins.awsdeploy.engine.routing;

import io.jenkins.plugins.awsdeploy.engine.Resource;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsArn;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Lambda alias whose weighted routing carries the canary: the alias's own version is the stable side, the
 * published version {@code canaryVersion} the new one.
 *
 * @param function      the function's name or its unqualified ARN, as the user gave it
 * @param stableVersion the version the alias pointed at when the preflight passed; null until then. The alias
 *                      itself forgets it once all traffic is on the new version, and a rollback from there needs it.
 */
public record LambdaAlias(String function, String alias, String canaryVersion, String stableVersion) implements RouterSpec {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern FUNCTION_ARN = Pattern.compile("arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:([A-Za-z0-9_-]{1,64})(:.*)?");
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,19}");

    /**
     * The alias a user named, every problem with the three parameters added to {@code problems}; null when there
     * were any.
     */
    public static LambdaAlias requested(String function, String alias, String canaryVersion, String region,
                                        List<Problem> problems) {
        int before = problems.size();
        String f = function == null ? "" : function.trim();
        String a = alias == null ? "" : alias.trim();
        String v = canaryVersion == null ? "" : canaryVersion.trim();
        checkFunction(f, region, problems);
        if (a.isEmpty()) {
            problems.add(new Problem("lambdaAlias", "is required: the alias whose traffic moves, like live"));
        } else if (a.equals("$LATEST") || a.chars().allMatch(Character::isDigit)) {
            problems.add(new Problem("lambdaAlias", "'" + a + "' is a version, not an alias: name the alias that callers "
                    + "invoke, like live"));
        } else if (!ALIAS.matcher(a).matches()) {
            problems.add(new Problem("lambdaAlias", "'" + a + "' is not an alias name (letters, digits, - and _, at most 128)"));
        }
        if (v.isEmpty()) {
            problems.add(new Problem("canaryVersion", "is required: the published version to shift traffic to, like 42"));
        } else if (v.equalsIgnoreCase("$LATEST")) {
            problems.add(new Problem("canaryVersion", "must be a published version number, never $LATEST, whose code can "
                    + "change under the alias: publish it first (aws lambda publish-version)"));
        } else if (!VERSION.matcher(v).matches()) {
            problems.add(new Problem("canaryVersion", "'" + v + "' is not a published version number like 42"));
        }
        return problems.size() > before ? null : new LambdaAlias(f, a, v, null);
    }

    private static void checkFunction(String f, String region, List<Problem> problems) {
        if (f.isEmpty()) {
            problems.add(new Problem("lambdaFunction", "is required: the function's name or ARN"));
            return;
        }
        if (!f.startsWith("arn:")) {
            if (f.contains(":")) {
                problems.add(new Problem("lambdaFunction", "'" + f + "' names a version or an alias; give the function's "
                        + "name alone, and the alias in lambdaAlias"));
            } else if (!NAME.matcher(f).matches()) {
                problems.add(new Problem("lambdaFunction", "'" + f + "' is not a function name (letters, digits, - and _, "
                        + "at most 64) or a function ARN"));
            }
            return;
        }
        Matcher m = FUNCTION_ARN.matcher(f);
        if (!m.matches()) {
            problems.add(new Problem("lambdaFunction", "'" + f + "' is not the ARN of a Lambda function "
                    + "(arn:aws:lambda:REGION:ACCOUNT:function:NAME)"));
        } else if (m.group(2) != null) {
            problems.add(new Problem("lambdaFunction", "'" + f + "' names a version or an alias; give the function's "
                    + "unqualified ARN, and the alias in lambdaAlias"));
        } else {
            AwsArn.check("lambdaFunction", f, "lambda", "function:", "function", region).ifPresent(problems::add);
        }
    }

    /** The same alias once the preflight found its stable version. */
    public LambdaAlias withStable(String version) {
        return new LambdaAlias(function, alias, canaryVersion, version);
    }

    /** The function's name, also when it was given as an ARN. */
    public String functionName() {
        Matcher m = FUNCTION_ARN.matcher(function);
        return m.matches() ? m.group(1) : function;
    }

    /** What the user asked for, without what the preflight found. */
    @Override
    public RouterSpec asRequested() {
        return stableVersion == null ? this : new LambdaAlias(function, alias, canaryVersion, null);
    }

    @Override
    public String parameter() {
        return "lambdaAlias";
    }

    @Override
    public String describe() {
        return "alias " + alias + " of function " + functionName();
    }

    /** {@code api:live}, or the alias's ARN when the function was given by ARN: how Lambda itself names it. */
    @Override
    public String resource() {
        return function + ":" + alias;
    }

    @Override
    public String stableSide() {
        return stableVersion;
    }

    @Override
    public String canarySide() {
        return canaryVersion;
    }

    /** Versions read as Lambda's qualified names ({@code api:41}); the stable one is known once the preflight passed. */
    @Override
    public String stableName() {
        return stableVersion == null ? null : functionName() + ":" + stableVersion;
    }

    @Override
    public String canaryName() {
        return functionName() + ":" + canaryVersion;
    }

    @Override
    public List<Resource> resources() {
        return List.of(Resource.of(Resource.Kind.LAMBDA_ALIAS, "alias", resource()));
    }
}
