package io.jenkins.plugins.awsdeploy;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.awsdeploy.engine.DurationText;
import io.jenkins.plugins.awsdeploy.engine.Heartbeat;
import io.jenkins.plugins.awsdeploy.engine.InvalidInputException;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsRegion;
import io.jenkins.plugins.awsdeploy.engine.aws.EndpointPolicy;
import java.time.Duration;
import java.util.List;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import software.amazon.awssdk.regions.Region;

/**
 * Defaults for every step, under Manage Jenkins → System → AWS Deployments, and in Configuration as Code as
 * {@code unclassified: awsDeployments: ...}. A step's own parameter always wins over these.
 */
@Extension
@Symbol("awsDeployments")
public class AwsDeploymentsConfiguration extends GlobalConfiguration {

    /** Polling faster than this only spends API quota: DescribeAlarms answers the same within a second. */
    static final Duration MIN_POLL = Duration.ofSeconds(1);
    /** Polling slower than this lets an alarm go unnoticed for too long during a bake. */
    static final Duration MAX_POLL = Duration.ofMinutes(5);

    private String defaultRegion;
    private String defaultCredentialsId;
    private String defaultPoll;
    private String defaultApprovers;
    private String defaultHeartbeat;
    /** Whether steps outside a node block, without credentials, may use the controller's own AWS identity. */
    private boolean allowControllerCredentials;
    /** Endpoints other than AWS's own that steps may send signed requests to; one URL per line. */
    private String allowedEndpointUrls;

    public AwsDeploymentsConfiguration() {
        load();
    }

    public static AwsDeploymentsConfiguration get() {
        return ExtensionList.lookupSingleton(AwsDeploymentsConfiguration.class);
    }

    @Override
    public String getDisplayName() {
        return "AWS Deployments";
    }

    /** e.g. {@code eu-west-1}; null when not set. */
    @CheckForNull
    public String getDefaultRegion() {
        return defaultRegion;
    }

    @DataBoundSetter
    public void setDefaultRegion(String defaultRegion) {
        this.defaultRegion = trimToNull(defaultRegion);
        save();
    }

    /** The id of an AWS credential; null for the default credential chain of the JVM that calls AWS. */
    @CheckForNull
    public String getDefaultCredentialsId() {
        return defaultCredentialsId;
    }

    @DataBoundSetter
    public void setDefaultCredentialsId(String defaultCredentialsId) {
        this.defaultCredentialsId = trimToNull(defaultCredentialsId);
        save();
    }

    /** How often a deployment reads AWS while it waits, e.g. {@code 5s}; null for the engine's default. */
    @CheckForNull
    public String getDefaultPoll() {
        return defaultPoll;
    }

    @DataBoundSetter
    public void setDefaultPoll(String defaultPoll) {
        this.defaultPoll = trimToNull(defaultPoll);
        save();
    }

    /** Comma-separated users or groups allowed to approve; null for anyone with Job/Build. */
    @CheckForNull
    public String getDefaultApprovers() {
        return defaultApprovers;
    }

    @DataBoundSetter
    public void setDefaultApprovers(String defaultApprovers) {
        this.defaultApprovers = trimToNull(defaultApprovers);
        save();
    }

    /** How long a build log may stay silent while a deployment waits before a status line, e.g. {@code 1m}; null for 1m. */
    @CheckForNull
    public String getDefaultHeartbeat() {
        return defaultHeartbeat;
    }

    @DataBoundSetter
    public void setDefaultHeartbeat(String defaultHeartbeat) {
        this.defaultHeartbeat = trimToNull(defaultHeartbeat);
        save();
    }

    /**
     * Off by default: the controller's own AWS identity (its environment, profile or instance role) is the
     * administrator's, and any Pipeline author (sandboxed or not) could otherwise deploy with it by leaving out
     * {@code credentialsId} outside a {@code node} block.
     */
    public boolean isAllowControllerCredentials() {
        return allowControllerCredentials;
    }

    @DataBoundSetter
    public void setAllowControllerCredentials(boolean allowControllerCredentials) {
        this.allowControllerCredentials = allowControllerCredentials;
        save();
    }

    /** One URL per line, e.g. {@code http://127.0.0.1:4566}; null when only AWS's own endpoints are allowed. */
    @CheckForNull
    public String getAllowedEndpointUrls() {
        return allowedEndpointUrls;
    }

    @DataBoundSetter
    public void setAllowedEndpointUrls(String allowedEndpointUrls) {
        this.allowedEndpointUrls = trimToNull(allowedEndpointUrls);
        save();
    }

    /** Where steps may send signed requests: AWS's endpoints and {@link #getAllowedEndpointUrls()}. */
    EndpointPolicy endpointPolicy() {
        return EndpointPolicy.parse(allowedEndpointUrls);
    }

    /** {@link #getDefaultApprovers()} as a list; empty when not set. */
    public List<String> getDefaultApproverList() {
        return Approvers.parse(defaultApprovers);
    }

    // ---- form validation and the credentials drop-down; the page itself needs Overall/Administer

    @POST
    public FormValidation doCheckDefaultRegion(@QueryParameter String value) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) return FormValidation.ok();
        return checkRegion(value);
    }

    static FormValidation checkRegion(@CheckForNull String value) {
        String v = trimToNull(value);
        if (v == null) {
            return FormValidation.warning("Without a default region every step must give its own region.");
        }
        if (!AwsRegion.isName(v)) {
            return FormValidation.error("'" + v + "' is not an AWS region name; write it like eu-west-1");
        }
        if (!Region.regions().contains(Region.of(v))) {
            return FormValidation.warning("'" + v + "' is not a region this AWS SDK knows; check the spelling "
                    + "(fine for a region newer than the SDK)");
        }
        return FormValidation.ok();
    }

    @POST
    public FormValidation doCheckDefaultPoll(@QueryParameter String value) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) return FormValidation.ok();
        return checkPoll(value);
    }

    static FormValidation checkPoll(@CheckForNull String value) {
        String v = trimToNull(value);
        if (v == null) return FormValidation.ok();
        Duration poll;
        try {
            poll = DurationText.parse("defaultPoll", v);
        } catch (InvalidInputException e) {
            return FormValidation.error("'" + v + "' is not a duration; write it like 5s, 30s or 1m");
        }
        if (poll.compareTo(MIN_POLL) < 0) {
            return FormValidation.error("poll at most once a second (1s): faster only spends API quota");
        }
        if (poll.compareTo(MAX_POLL) > 0) {
            return FormValidation.warning("an alarm could go unnoticed for up to " + DurationText.format(poll)
                    + " during a bake; 5s to 30s is usual");
        }
        return FormValidation.ok();
    }

    @POST
    public FormValidation doCheckDefaultHeartbeat(@QueryParameter String value) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) return FormValidation.ok();
        return checkHeartbeat(value);
    }

    static FormValidation checkHeartbeat(@CheckForNull String value) {
        try {
            Heartbeat.parse("defaultHeartbeat", trimToNull(value));
            return FormValidation.ok();
        } catch (InvalidInputException e) {
            return FormValidation.error(e.problems().get(0).message());
        }
    }

    @POST
    public FormValidation doCheckDefaultApprovers(@QueryParameter String value) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) return FormValidation.ok();
        List<String> names = Approvers.parse(value);
        if (names.isEmpty()) return FormValidation.ok("Without approvers, anyone with Job/Build may approve.");
        return FormValidation.ok();
    }

    @POST
    public FormValidation doCheckAllowedEndpointUrls(@QueryParameter String value) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) return FormValidation.ok();
        return checkAllowedEndpointUrls(value);
    }

    static FormValidation checkAllowedEndpointUrls(@CheckForNull String value) {
        List<String> problems = EndpointPolicy.problemsIn(value);
        if (!problems.isEmpty()) return FormValidation.error(String.join("; ", problems) + " (write one URL per line)");
        if (EndpointPolicy.parse(value).allowed().stream().anyMatch(u -> "http".equalsIgnoreCase(u.getScheme())
                && !EndpointPolicy.isLoopback(u))) {
            return FormValidation.warning("Plain http sends the session token of every deployment unencrypted; use it "
                    + "only for an emulator on this network.");
        }
        return FormValidation.ok();
    }

    /** AWS credentials of the global scope, for administrators only; others see only the current value. */
    @POST
    public ListBoxModel doFillDefaultCredentialsIdItems(@QueryParameter String defaultCredentialsId) {
        Jenkins jenkins = Jenkins.get();
        StandardListBoxModel model = new StandardListBoxModel();
        String current = trimToNull(defaultCredentialsId);
        if (!jenkins.hasPermission(Jenkins.ADMINISTER)) {
            if (current != null) model.includeCurrentValue(current);
            return model;
        }
        model.includeEmptyValue();
        model.includeMatchingAs(ACL.SYSTEM2, jenkins, AmazonWebServicesCredentials.class, List.of(),
                CredentialsMatchers.always());
        if (current != null) model.includeCurrentValue(current);
        return model;
    }

    @CheckForNull
    private static String trimToNull(@CheckForNull String s) {
        if (s == null) return null;
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }
}
