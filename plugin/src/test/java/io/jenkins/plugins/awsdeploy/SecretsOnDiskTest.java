package io.jenkins.plugins.awsdeploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.awsdeploy.engine.aws.SessionCredentials;
import io.jenkins.plugins.awsdeploy.engine.testing.MotoAlb;
import io.jenkins.plugins.awsdeploy.localaws.LocalAws;
import io.jenkins.plugins.awsdeploy.localaws.testing.MotoGate;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * No secret anywhere a build leaves it: every file under JENKINS_HOME (build.xml, the log, program.dat while the
 * deployment waits, the job and plugin configuration) and the build's pages are searched for the secret key of the
 * credential the deployment used, and for the secret key and token of the STS session when the step assumes a role.
 * credentials.xml holds the key encrypted, so its plain text must appear nowhere.
 */
@ExtendWith(MotoGate.class)
@WithJenkins
class SecretsOnDiskTest {

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
    void theSecretKeyIsInNoFileAndOnNoPage(JenkinsRule j) throws Exception {
        MotoCredentials.add(aws);
        try (MotoAlb lb = MotoAlb.create(aws.endpoint(), "secrets")) {
            WorkflowJob p = j.createProject(WorkflowJob.class, "p");
            p.setDefinition(new CpsFlowDefinition(StepCall.canaryShift(lb, aws.endpoint().toString(),
                    "steps: [50, 100], bake: '1s', approveBefore: [100]"), true));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            j.waitForMessage("waiting for approval to shift to 100%", b);
            // Mid-deployment: the saved program holds the execution's state.
            assertTrue(Files.exists(b.getRootDir().toPath().resolve("program.dat")), "program.dat while waiting");
            assertNoSecretUnder(j.jenkins.getRootDir());
            assertNoSecretOn(j, b.getUrl());
            assertNoSecretOn(j, b.getUrl() + DeploymentsAction.URL_NAME + "/");

            CanaryShiftStepTest.waitingIn(b).proceed("alice");
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            assertTrue(Files.exists(b.getRootDir().toPath().resolve("build.xml")));
            assertNoSecretUnder(j.jenkins.getRootDir());
            assertNoSecretOn(j, b.getUrl());
            assertNoSecretOn(j, b.getUrl() + "console");
            assertNoSecretOn(j, b.getUrl() + DeploymentsAction.URL_NAME + "/");
        }
    }

    /**
     * With a role to assume, the agent gets an STS session: its secret key and token are secrets too, and the only
     * place they may be is the controller's memory.
     */
    @Test
    void theSessionOfAnAssumedRoleIsInNoFileAndOnNoPage(JenkinsRule j) throws Exception {
        MotoCredentials.add(aws);
        try (MotoAlb lb = MotoAlb.create(aws.endpoint(), "session")) {
            WorkflowJob p = j.createProject(WorkflowJob.class, "p");
            p.setDefinition(new CpsFlowDefinition(StepCall.canaryShift(lb, aws.endpoint().toString(),
                    "steps: [50, 100], bake: '1s', approveBefore: [100], "
                            + "roleArn: 'arn:aws:iam::123456789012:role/deployer', externalId: 'ext-42'"), true));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            j.waitForMessage("waiting for approval to shift to 100%", b);
            SessionCredentials session = ((DeploymentExecution) CanaryShiftStepTest.waitingIn(b)).sessionInMemory();
            assertNotNull(session, "the controller holds the assumed role's session");
            List<String> secrets = List.of(MotoCredentials.SECRET, session.secretAccessKey(), session.sessionToken());
            assertTrue(Files.exists(b.getRootDir().toPath().resolve("program.dat")), "program.dat while waiting");
            assertNoSecretUnder(j.jenkins.getRootDir(), secrets);
            assertNoSecretOn(j, b.getUrl(), secrets);
            assertNoSecretOn(j, b.getUrl() + DeploymentsAction.URL_NAME + "/", secrets);

            CanaryShiftStepTest.waitingIn(b).proceed("alice");
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            assertNoSecretUnder(j.jenkins.getRootDir(), secrets);
            assertNoSecretOn(j, b.getUrl() + "console", secrets);
            assertNoSecretOn(j, b.getUrl() + DeploymentsAction.URL_NAME + "/", secrets);
        }
    }

    private static void assertNoSecretUnder(File home) throws IOException {
        assertNoSecretUnder(home, List.of(MotoCredentials.SECRET));
    }

    private static void assertNoSecretUnder(File home, List<String> secrets) throws IOException {
        List<String> searched = new ArrayList<>();
        Files.walkFileTree(home.toPath(), new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(f);
                } catch (NoSuchFileException e) {
                    return FileVisitResult.CONTINUE; // a temporary file Jenkins replaced while we walked
                }
                // ISO-8859-1 maps every byte to one char, so binary files (program.dat) are searched as they are.
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    assertFalse(text.contains(secret), "a secret (" + secret.length() + " characters) is in " + f);
                }
                searched.add(f.getFileName().toString());
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        assertTrue(searched.contains("log") && searched.contains("credentials.xml"),
                "searched " + searched.size() + " files");
    }

    private static void assertNoSecretOn(JenkinsRule j, String url) throws Exception {
        assertNoSecretOn(j, url, List.of(MotoCredentials.SECRET));
    }

    private static void assertNoSecretOn(JenkinsRule j, String url, List<String> secrets) throws Exception {
        String page = j.createWebClient().goTo(url, null).getWebResponse().getContentAsString();
        for (String secret : secrets) {
            assertFalse(page.contains(secret), "a secret (" + secret.length() + " characters) is on " + url);
        }
    }
}
