package io.jenkins.plugins.awsdeploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl;
import com.cloudbees.plugins.credentials.CredentialsScope;
import io.jenkins.plugins.awsdeploy.engine.aws.SessionCredentials;
import io.jenkins.plugins.awsdeploy.engine.testing.MotoAlb;
import io.jenkins.plugins.awsdeploy.localaws.LocalAws;
import io.jenkins.plugins.awsdeploy.localaws.testing.MotoGate;
import java.io.IOException;
import java.time.Instant;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The Jenkins credential is found by id, exchanged on the controller for session credentials, and never logged. */
@ExtendWith(MotoGate.class)
@WithJenkins
class CredentialsTest {

    private static LocalAws aws;

    @BeforeAll
    static void startMoto() throws IOException {
        aws = LocalAws.start();
    }

    @AfterAll
    static void stopMoto() {
        if (aws != null) aws.close();
    }

    @Test
    void longTermKeysBecomeASessionOnTheController(JenkinsRule j) {
        AWSCredentialsImpl keys = new AWSCredentialsImpl(CredentialsScope.GLOBAL, "k", "AKIAMOTOEXAMPLE0002",
                MotoCredentials.SECRET, "keys");
        Instant now = Instant.now();
        SessionCredentials session = ShortLivedCredentials.issue(keys, MotoAlb.REGION, aws.endpoint(), null, null,
                ShortLivedCredentials.sessionName("p#1"), now);
        assertNotNull(session.sessionToken());
        assertTrue(session.expiration().isAfter(now));
        assertFalse(session.toString().contains(session.secretAccessKey()));
        assertFalse(session.secretAccessKey().equals(MotoCredentials.SECRET));
    }

    @Test
    void theStepRoleIsAssumedOnTheController(JenkinsRule j) {
        AWSCredentialsImpl keys = new AWSCredentialsImpl(CredentialsScope.GLOBAL, "k", "AKIAMOTOEXAMPLE0003",
                MotoCredentials.SECRET, "keys");
        SessionCredentials session = ShortLivedCredentials.issue(keys, MotoAlb.REGION, aws.endpoint(),
                "arn:aws:iam::123456789012:role/deployer", "ext-42", ShortLivedCredentials.sessionName("folder/p#7"),
                Instant.now());
        assertNotNull(session.sessionToken());
    }

    @Test
    void theStepFindsTheCredentialByIdAndNeverLogsASecret(JenkinsRule j) throws Exception {
        MotoCredentials.add(aws);
        try (MotoAlb lb = MotoAlb.create(aws.endpoint(), "creds")) {
            WorkflowJob p = j.createProject(WorkflowJob.class, "p");
            p.setDefinition(new CpsFlowDefinition(StepCall.canaryShift(lb, aws.endpoint().toString(),
                    "preset: 'AllAtOnce', roleArn: 'arn:aws:iam::123456789012:role/deployer', externalId: 'ext-42'"), true));
            WorkflowRun b = j.assertBuildStatusSuccess(p.scheduleBuild2(0));
            j.assertLogNotContains(MotoCredentials.SECRET, b);
            j.assertLogNotContains("AKIAMOTOEXAMPLE0001", b);
        }
    }

    @Test
    void sessionNamesSayWhichBuildMadeTheCalls(JenkinsRule j) {
        assertEquals("jenkins-folder-deploy-42", ShortLivedCredentials.sessionName("folder/deploy#42"));
        assertEquals(64, ShortLivedCredentials.sessionName("x".repeat(100)).length());
    }
}
