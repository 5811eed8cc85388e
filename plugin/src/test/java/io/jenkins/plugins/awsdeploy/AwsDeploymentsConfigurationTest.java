package io.jenkins.plugins.awsdeploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/** The global defaults: Configuration as Code in and out, form validation, and who sees the credentials. */
@WithJenkinsConfiguredWithCode
class AwsDeploymentsConfigurationTest {

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void configurationAsCodeRoundTrip(JenkinsConfiguredWithCodeRule r, @TempDir Path tmp) throws Exception {
        AwsDeploymentsConfiguration config = AwsDeploymentsConfiguration.get();
        assertConfigured(config);

        String block = awsDeploymentsBlock(r.exportToString(false));
        assertTrue(block.contains("defaultRegion: \"eu-west-1\""), block);
        assertTrue(block.contains("defaultCredentialsId: \"aws-deploy-prod\""), block);
        assertTrue(block.contains("defaultPoll: \"10s\""), block);
        assertTrue(block.contains("defaultApprovers: \"alice, release-managers\""), block);
        assertTrue(block.contains("allowControllerCredentials: true"), block);
        assertTrue(block.contains("allowedEndpointUrls: \"http://127.0.0.1:4566\""), block);

        config.setDefaultRegion(null);
        config.setDefaultCredentialsId("");
        config.setDefaultPoll(" ");
        config.setDefaultApprovers(null);
        config.setAllowControllerCredentials(false);
        config.setAllowedEndpointUrls(" ");
        assertNull(config.getAllowedEndpointUrls());
        assertNull(config.getDefaultRegion());
        assertNull(config.getDefaultPoll(), "blank values are stored as unset");

        Path exported = tmp.resolve("exported.yaml");
        Files.writeString(exported, "unclassified:\n" + block, StandardCharsets.UTF_8);
        ConfigurationAsCode.get().configure(exported.toString());
        assertConfigured(AwsDeploymentsConfiguration.get());
    }

    private static void assertConfigured(AwsDeploymentsConfiguration config) {
        assertEquals("eu-west-1", config.getDefaultRegion());
        assertEquals("aws-deploy-prod", config.getDefaultCredentialsId());
        assertEquals("10s", config.getDefaultPoll());
        assertEquals("alice, release-managers", config.getDefaultApprovers());
        assertEquals(List.of("alice", "release-managers"), config.getDefaultApproverList());
        assertTrue(config.isAllowControllerCredentials());
        assertEquals("http://127.0.0.1:4566", config.getAllowedEndpointUrls());
    }

    /** The {@code awsDeployments:} entry of an export, with its indentation, as it sits under {@code unclassified:}. */
    private static String awsDeploymentsBlock(String export) {
        StringBuilder block = new StringBuilder();
        boolean in = false;
        for (String line : export.split("\n")) {
            if (line.equals("  awsDeployments:")) {
                in = true;
            } else if (in && !line.startsWith("    ")) {
                break;
            }
            if (in) block.append(line).append('\n');
        }
        assertTrue(in, "the export has unclassified.awsDeployments:\n" + export);
        return block.toString();
    }

    @Test
    void formValidation(JenkinsConfiguredWithCodeRule r) {
        assertEquals(FormValidation.Kind.OK, AwsDeploymentsConfiguration.checkRegion("eu-west-1").kind);
        assertEquals(FormValidation.Kind.WARNING, AwsDeploymentsConfiguration.checkRegion("").kind, "steps then need their own region");
        assertEquals(FormValidation.Kind.ERROR, AwsDeploymentsConfiguration.checkRegion("Frankfurt").kind);
        assertEquals(FormValidation.Kind.WARNING, AwsDeploymentsConfiguration.checkRegion("xx-mars-1").kind);

        assertEquals(FormValidation.Kind.OK, AwsDeploymentsConfiguration.checkPoll("5s").kind);
        assertEquals(FormValidation.Kind.OK, AwsDeploymentsConfiguration.checkPoll(null).kind);
        assertEquals(FormValidation.Kind.ERROR, AwsDeploymentsConfiguration.checkPoll("often").kind);
        assertEquals(FormValidation.Kind.ERROR, AwsDeploymentsConfiguration.checkPoll("0s").kind);
        assertEquals(FormValidation.Kind.WARNING, AwsDeploymentsConfiguration.checkPoll("10m").kind);
    }

    @Test
    void onlyAdministratorsSeeTheCredentials(JenkinsConfiguredWithCodeRule r) throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials()
                .add(new AWSCredentialsImpl(CredentialsScope.GLOBAL, "aws-prod", "AKIAEXAMPLE", "secret", "prod"));
        SystemCredentialsProvider.getInstance().save();
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader"));
        AwsDeploymentsConfiguration config = AwsDeploymentsConfiguration.get();

        try (ACLContext ignored = ACL.as(User.getById("admin", true))) {
            ListBoxModel items = config.doFillDefaultCredentialsIdItems("");
            assertTrue(items.stream().anyMatch(o -> o.value.equals("aws-prod")), "an administrator picks from the list");
            assertEquals("", items.get(0).value, "with an empty choice for the agent's own credentials");
        }
        try (ACLContext ignored = ACL.as(User.getById("reader", true))) {
            ListBoxModel items = config.doFillDefaultCredentialsIdItems("aws-current");
            assertEquals(1, items.size(), "others see only the current value");
            assertEquals("aws-current", items.get(0).value);
            assertEquals(FormValidation.Kind.OK, config.doCheckDefaultRegion("not a region").kind,
                    "validation answers nothing to those who may not configure");
            assertEquals(FormValidation.Kind.OK, config.doCheckAllowedEndpointUrls("localhost:1").kind);
        }
    }
}
