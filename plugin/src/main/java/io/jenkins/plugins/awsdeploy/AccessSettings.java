package io.jenkins.plugins.awsdeploy;

import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsArn;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsRegion;
import io.jenkins.plugins.awsdeploy.engine.aws.EndpointPolicy;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a deployment reaches AWS, without any secret: region, endpoint, which Jenkins credential, which role. This is
 * what the step keeps across restarts; the credentials themselves are looked up again from {@link #credentialsId}.
 */
final class AccessSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String region;
    private final String endpointUrl;
    private final String credentialsId;
    private final String roleArn;
    private final String externalId;

    AccessSettings(String region, String endpointUrl, String credentialsId, String roleArn, String externalId) {
        this.region = region;
        this.endpointUrl = endpointUrl;
        this.credentialsId = credentialsId;
        this.roleArn = roleArn;
        this.externalId = externalId;
    }

    String region() {
        return region;
    }

    /** Null for AWS itself. */
    URI endpoint() {
        return endpointUrl == null ? null : URI.create(endpointUrl);
    }

    boolean emulated() {
        return endpointUrl != null;
    }

    /** Null for the default credential chain of the JVM that makes the calls. */
    String credentialsId() {
        return credentialsId;
    }

    String roleArn() {
        return roleArn;
    }

    String externalId() {
        return externalId;
    }

    /**
     * Why a tick with these settings may not run in the controller's JVM, if it may not: without a credential its
     * calls would use the controller's own AWS identity, which is the administrators' to lend.
     *
     * @param allowed the administrator's {@code allowControllerCredentials}
     */
    Optional<String> controllerIdentityRefusal(boolean allowed) {
        if (credentialsId != null || allowed) return Optional.empty();
        return Optional.of("no credentialsId, and the AWS calls would run on the controller, whose own AWS identity "
                + "a step may not use; nothing was sent to AWS. Give credentialsId (an AWS credential), run the step "
                + "inside a node block on an agent (which then uses its own identity), or ask an administrator to set "
                + "a default credential or to allow the controller's credentials (Manage Jenkins > System > AWS "
                + "Deployments)");
    }

    /**
     * What is wrong with these settings, checked without any I/O (whether the credential exists is not).
     *
     * @param endpoints where an administrator lets steps send signed requests
     */
    List<Problem> problems(EndpointPolicy endpoints) {
        List<Problem> problems = new ArrayList<>();
        if (region == null) {
            problems.add(new Problem("region", "is required (or set a default region under Manage Jenkins > System > "
                    + "AWS deployments), e.g. region: 'eu-west-1'"));
        } else if (!AwsRegion.isName(region)) {
            problems.add(new Problem("region", "'" + region + "' is not an AWS region name like eu-west-1"));
        }
        if (endpointUrl != null) {
            try {
                URI u = new URI(endpointUrl);
                if (u.getHost() == null || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
                    problems.add(new Problem("endpointUrl", "'" + endpointUrl + "' is not an http(s) URL"));
                } else {
                    endpoints.check("endpointUrl", u).ifPresent(problems::add);
                }
            } catch (URISyntaxException e) {
                problems.add(new Problem("endpointUrl", "'" + endpointUrl + "' is not a URL: " + e.getReason()));
            }
        }
        if (roleArn != null) {
            AwsArn.check("roleArn", roleArn, "iam", "role/", "IAM role", null).ifPresent(problems::add);
        } else if (externalId != null) {
            problems.add(new Problem("externalId", "only applies together with roleArn"));
        }
        return problems;
    }
}
