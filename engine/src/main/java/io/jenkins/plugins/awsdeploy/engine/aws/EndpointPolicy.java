package io.jenkins.plugins.awsdeploy.engine.aws;

import io.jenkins.plugins.awsdeploy.engine.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which endpoints may receive a deployment's signed requests, and with them its session credentials. The endpoints
 * of the AWS services the engine calls (over https) always may; anything else (a local emulator, a proxy, any other
 * host under an AWS domain) only when someone trusted listed it. A shell that lets untrusted authors pick the endpoint (a Jenkinsfile) checks it before it resolves credentials.
 *
 * @param allowed endpoints listed as allowed, compared by scheme, host and port (the path does not matter: the SDK
 *                signs for the host)
 */
public record EndpointPolicy(List<URI> allowed) {

    /**
     * The services the engine calls, FIPS variants included. Only their endpoints: a host that merely ends in an
     * AWS domain may belong to a customer (API Gateway's execute-api, a load balancer's own DNS name, an S3 bucket)
     * and would receive signed requests with the session token, and could answer with made-up successes.
     */
    private static final String SERVICE = "(elasticloadbalancing|monitoring|ecs|sts|logs)(-fips)?";
    private static final String REGION = "[a-z]{2,4}(-[a-z]+)+-\\d{1,2}";
    /** The commercial, China, European sovereign and isolated partitions. */
    private static final String DOMAIN = "(amazonaws\\.com|amazonaws\\.com\\.cn|amazonaws\\.eu|c2s\\.ic\\.gov|sc2s\\.sgov\\.gov)";
    private static final Pattern AWS_ENDPOINT = Pattern.compile(String.join("|",
            SERVICE + "(\\.dualstack)?\\." + REGION + "\\." + DOMAIN,
            SERVICE + "\\." + REGION + "\\.api\\.aws",
            "sts\\.amazonaws\\.com",
            // Interface VPC endpoints (their regional and per-zone names), which are AWS's, like the public ones.
            "vpce-[a-z0-9]+(-[a-z0-9]+)*\\." + SERVICE + "\\." + REGION + "\\.vpce\\.amazonaws\\.com(\\.cn)?"));

    public EndpointPolicy {
        allowed = List.copyOf(allowed);
    }

    /** Only AWS endpoints. */
    public static EndpointPolicy awsOnly() {
        return new EndpointPolicy(List.of());
    }

    /**
     * The policy an administrator wrote: one URL per line (commas and spaces separate too). Entries that are not
     * http(s) URLs with a host allow nothing; {@link #problemsIn} names them.
     */
    public static EndpointPolicy parse(String text) {
        List<URI> uris = new ArrayList<>();
        for (String entry : entries(text)) {
            endpoint(entry).ifPresent(uris::add);
        }
        return new EndpointPolicy(uris);
    }

    /** Every entry of {@code text} that {@link #parse} ignores, with the reason. */
    public static List<String> problemsIn(String text) {
        List<String> problems = new ArrayList<>();
        for (String entry : entries(text)) {
            if (endpoint(entry).isEmpty()) problems.add("'" + entry + "' is not an http(s) URL with a host");
        }
        return problems;
    }

    /** Whether requests signed with a deployment's credentials may go to {@code endpoint} (null: AWS's default). */
    public boolean permits(URI endpoint) {
        if (endpoint == null || isAws(endpoint)) return true;
        return allowed.stream().anyMatch(a -> sameOrigin(a, endpoint));
    }

    /** The problem with {@code endpointUrl} for a deployment, if this policy refuses it. */
    public Optional<Problem> check(String parameter, URI endpoint) {
        if (permits(endpoint)) return Optional.empty();
        return Optional.of(new Problem(parameter, "'" + endpoint + "' is not an AWS endpoint, and an administrator has "
                + "not allowed it: no credentials are sent there. An administrator can list it under Allowed endpoint "
                + "URLs (Manage Jenkins > System > AWS Deployments)"));
    }

    /** An https endpoint of one of the AWS services the engine calls, with no user name in it. */
    public static boolean isAws(URI endpoint) {
        String host = endpoint.getHost();
        if (host == null || endpoint.getUserInfo() != null || !"https".equalsIgnoreCase(endpoint.getScheme())) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
        return AWS_ENDPOINT.matcher(h).matches();
    }

    /** Whether {@code endpoint} names this machine literally (no DNS lookup): localhost, 127.x.x.x or [::1]. */
    public static boolean isLoopback(URI endpoint) {
        String host = endpoint.getHost();
        if (host == null) return false;
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.matches("127(\\.\\d{1,3}){3}");
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost().equalsIgnoreCase(b.getHost() == null ? "" : b.getHost())
                && port(a) == port(b)
                && b.getUserInfo() == null;
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) return u.getPort();
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static List<String> entries(String text) {
        if (text == null) return List.of();
        return List.of(text.trim().split("[\\s,]+")).stream().filter(s -> !s.isEmpty()).toList();
    }

    private static Optional<URI> endpoint(String entry) {
        try {
            URI u = new URI(entry);
            String scheme = u.getScheme();
            if (u.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                return Optional.empty();
            }
            return Optional.of(u);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
