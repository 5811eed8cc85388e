package io.jenkins.plugins.awsdeploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jenkins.plugins.awsdeploy.engine.testing.MotoAlb;
import io.jenkins.plugins.awsdeploy.localaws.LocalAws;
import io.jenkins.plugins.awsdeploy.localaws.testing.MotoGate;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;

/**
 * ecsRollback in a real Jenkins against moto_server. moto never rolls a deployment out, so these use noWait and
 * dryRun: the service's stored revision is what can be checked.
 */
@ExtendWith(MotoGate.class)
@WithJenkins
class EcsRollbackStepTest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private static LocalAws aws;
    private static SdkHttpClient http;
    private static EcsClient ecs;

    @SuppressWarnings("deprecation") // the Apache client: the SDK line of the API plugins has no other
    @BeforeAll
    static void startMoto() throws IOException {
        aws = LocalAws.start();
        http = ApacheHttpClient.builder().build();
        ecs = EcsClient.builder().endpointOverride(aws.endpoint()).region(Region.of(MotoAlb.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(http).build();
    }

    @AfterAll
    static void stopMoto() {
        if (ecs != null) ecs.close();
        if (http != null) http.close();
        if (aws != null) aws.close();
    }

    /** Service web in cluster prod runs web:3; web:1 and web:2 exist. */
    @BeforeEach
    void world() {
        aws.reset();
        ecs.createCluster(r -> r.clusterName("prod"));
        for (int i = 0; i < 3; i++) {
            ecs.registerTaskDefinition(r -> r.family("web").containerDefinitions(ContainerDefinition.builder()
                    .name("app").image("registry/web:latest").memory(256).build()));
        }
        ecs.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web:3").desiredCount(2));
    }

    @Test
    void rollsTheServiceBackToTheRevisionBelow(JenkinsRule j) throws Exception {
        MotoCredentials.add(aws);
        WorkflowJob p = j.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition("def r = " + rollback("noWait: true")
                + "\necho \"outcome=${r.outcome} from=${r.fromRevision} to=${r.revisions.web}\"", true));
        WorkflowRun b = j.assertBuildStatusSuccess(p.scheduleBuild2(0));
        j.assertLogContains("outcome=Succeeded from=web:3 to=web:2", b);
        assertEquals("web:2", storedRevision());
    }

    @Test
    void aDryRunChangesNothing(JenkinsRule j) throws Exception {
        MotoCredentials.add(aws);
        WorkflowJob p = j.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(rollback("dryRun: true"), true));
        WorkflowRun b = j.assertBuildStatusSuccess(p.scheduleBuild2(0));
        j.assertLogContains("dry run: would roll back service web in cluster prod from web:3 to web:2", b);
        assertEquals("web:3", storedRevision());
    }

    private static String rollback(String more) {
        return "ecsRollback(cluster: 'prod', service: 'web', region: '" + MotoAlb.REGION + "', endpointUrl: '"
                + aws.endpoint() + "', credentialsId: '" + MotoCredentials.ID + "', " + more + ")";
    }

    private static String storedRevision() {
        String arn = ecs.describeServices(r -> r.cluster("prod").services("web")).services().get(0).taskDefinition();
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
