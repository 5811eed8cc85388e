package io.jenkins.plugins.awsdeploy.engine.params;

import static io.jenkins.plugins.awsdeploy.engine.params.Parameter.Type.ARN;
import static io.jenkins.plugins.awsdeploy.engine.params.Parameter.Type.DURATION;
import static io.jenkins.plugins.awsdeploy.engine.params.Parameter.Type.TEXT;

import io.jenkins.plugins.awsdeploy.engine.params.Parameter.Limits;
import java.time.Duration;
import java.util.List;

/**
 * The parameters every deployment takes, whatever its strategy: where AWS is and how often the shells report.
 * The CLI's storage and printing options (state file, timeline, JSON) and Jenkins' own (credentials, approvers)
 * belong to one shell and are not declared here.
 */
public final class CommonParameters {

    public static final Parameter REGION = Parameter.of("region", TEXT, "--region", null, Limits.NONE,
            "the AWS region to deploy in; ARNs of another region are refused up front");
    public static final Parameter ENDPOINT_URL = Parameter.of("endpointUrl", TEXT, "--endpoint-url", null, Limits.NONE,
            "send every AWS call to this endpoint instead, e.g. a local emulator");
    public static final Parameter HEARTBEAT = Parameter.of("heartbeat", DURATION, "--heartbeat", "1m", Limits.NONE,
            "a line saying where the deployment stands whenever the log was silent this long; 0 for none");
    /** Only the CLI lets a person choose it; the steps use the default. */
    public static final Parameter CALL_TIMEOUT = new Parameter("callTimeout", DURATION, "--call-timeout", false, "20s",
            Limits.atLeast(Duration.ofSeconds(1)), "the longest one AWS call may take, retries included");
    /** Only the steps take a role to assume; the CLI uses whatever credentials its environment has. */
    public static final Parameter ROLE_ARN = new Parameter("roleArn", ARN, null, true, null, Limits.NONE,
            "a role to assume for the deployment, typically in another account");
    public static final Parameter EXTERNAL_ID = new Parameter("externalId", TEXT, null, true, null, Limits.NONE,
            "the external id the role's trust policy asks for");

    /** Every strategy's poll interval has these bounds and this default; each says what it reads. */
    static Parameter poll(String help) {
        return Parameter.of("poll", DURATION, "--poll", "5s", Limits.atLeast(Duration.ofSeconds(1)), help);
    }

    private CommonParameters() {
    }

    public static List<Parameter> all() {
        return List.of(REGION, ENDPOINT_URL, HEARTBEAT, CALL_TIMEOUT, ROLE_ARN, EXTERNAL_ID);
    }
}
