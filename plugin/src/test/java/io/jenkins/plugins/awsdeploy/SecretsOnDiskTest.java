package io.jenkins.plugins.awsdeploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * credential the deployment used. credentials.xml holds it encrypted, so its plain text must appear nowhere.
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

    private static void assertNoSecretUnder(File home) throws IOException {
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
                assertFalse(new String(bytes, StandardCharsets.ISO_8859_1).contains(MotoCredentials.SECRET),
                        "the secret key is in " + f);
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
        String page = j.createWebClient().goTo(url, null).getWebResponse().getContentAsString();
        assertFalse(page.contains(MotoCredentials.SECRET), "the secret key is on " + url);
    }
}
