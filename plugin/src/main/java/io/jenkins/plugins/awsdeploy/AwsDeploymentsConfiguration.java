package io.jenkins.plugins.awsdeploy;

import hudson.Extension;
import hudson.ExtensionList;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Contract stub for the approval UI branch ({@code plugin-ui}), which completes it (form, validation, help): defaults
 * that every step falls back to when its own parameter is not given.
 */
@Extension
@Symbol("awsDeployments")
public class AwsDeploymentsConfiguration extends GlobalConfiguration {

    private String defaultRegion;
    private String defaultCredentialsId;
    private String defaultPoll;
    private String defaultApprovers;

    public AwsDeploymentsConfiguration() {
        load();
    }

    public static AwsDeploymentsConfiguration get() {
        return ExtensionList.lookupSingleton(AwsDeploymentsConfiguration.class);
    }

    /** e.g. {@code eu-west-1}; null when not set. */
    public String getDefaultRegion() {
        return defaultRegion;
    }

    @DataBoundSetter
    public void setDefaultRegion(String defaultRegion) {
        this.defaultRegion = defaultRegion;
        save();
    }

    /** The id of an AWS credential; null for the default credential chain of the JVM that calls AWS. */
    public String getDefaultCredentialsId() {
        return defaultCredentialsId;
    }

    @DataBoundSetter
    public void setDefaultCredentialsId(String defaultCredentialsId) {
        this.defaultCredentialsId = defaultCredentialsId;
        save();
    }

    /** How often a deployment reads AWS while it waits, e.g. {@code 5s}; null for the engine's default. */
    public String getDefaultPoll() {
        return defaultPoll;
    }

    @DataBoundSetter
    public void setDefaultPoll(String defaultPoll) {
        this.defaultPoll = defaultPoll;
        save();
    }

    /** Comma-separated users or groups allowed to approve; null or empty for anyone with Item.BUILD. */
    public String getDefaultApprovers() {
        return defaultApprovers;
    }

    @DataBoundSetter
    public void setDefaultApprovers(String defaultApprovers) {
        this.defaultApprovers = defaultApprovers;
        save();
    }
}
