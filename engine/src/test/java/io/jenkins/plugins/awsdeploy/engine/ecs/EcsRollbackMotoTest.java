package io.jenkins.plugins.awsdeploy.engine.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsSession;
import io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef;
import io.jenkins.plugins.awsdeploy.engine.testing.EcsMoto;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualClock;
import io.jenkins.plugins.awsdeploy.localaws.MotoServer;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * Whole rollbacks through the engine and the real SDK against moto. moto's UpdateService never starts a
 * deployment, so what can be shown here is what moto stores (task definition, desired count, tags), the
 * preflight, and that the rollback then refuses to call the service restored.
 */
class EcsRollbackMotoTest {

    static MotoServer moto;
    static AwsSession session;
    static EcsClient setup;
    final VirtualClock clock = new VirtualClock();
    String web2;
    String web3;

    static EcsMoto world;

    @BeforeAll
    static void startMoto() throws IOException {
        world = EcsMoto.start();
        moto = world.moto;
        session = world.session;
        setup = world.setup;
    }

    @AfterAll
    static void stopMoto() {
        if (world != null) world.close();
    }

    /** web:1 to web:3; service "web" in cluster "prod" runs web:3 with 2 tasks. */
    @BeforeEach
    void world() {
        moto.reset();
        setup.createCluster(r -> r.clusterName("prod"));
        register();
        web2 = register();
        web3 = register();
        setup.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web:3").desiredCount(2));
    }

    static String register() {
        return setup.registerTaskDefinition(r -> r.family("web").containerDefinitions(ContainerDefinition.builder()
                .name("app").image("registry/web:latest").memory(256).build())).taskDefinition().taskDefinitionArn();
    }

    static Service stored() {
        return setup.describeServices(r -> r.cluster("prod").services("web")).services().get(0);
    }

    Outcome run(RollbackRequest request) {
        Ticker t = new Ticker(new Engine(session.ports(), clock), clock,
                RollbackCheckpoint.start(request.cluster("prod").service("web").region("us-east-1").toSpec()));
        return t.runToEnd().checkpoint().outcome().orElseThrow();
    }

    @Test
    void noWaitPointsTheServiceAtTheRevisionBelowAndKeepsItsDesiredCount() {
        Outcome o = run(new RollbackRequest().noWait(true));

        assertThat(o.exitCode()).isZero();
        assertThat(o.message()).contains("service web now points at web:2 (from web:3)", "not waited");
        assertThat(stored().taskDefinition()).isEqualTo(web2);
        assertThat(stored().desiredCount()).isEqualTo(2);
    }

    @Test
    void theKnownGoodTagWrittenThroughThePortChoosesTheTarget() {
        session.ports().ecs().tag(stored().serviceArn(), KnownGoodTag.of(new TaskDefinitionRef("web", 1)));

        Outcome o = run(new RollbackRequest().noWait(true));

        assertThat(o.message()).contains("now points at web:1");
        assertThat(TaskDefinitionRef.of(stored().taskDefinition())).isEqualTo(new TaskDefinitionRef("web", 1));
    }

    @Test
    void aDryRunChangesNothing() {
        Service before = stored();

        Outcome o = run(new RollbackRequest().dryRun(true));

        assertThat(o.message()).startsWith("dry run: would roll back service web in cluster prod from web:3 to web:2");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void alreadyOnTheTargetAndStableChangesNothing() {
        Service before = stored();

        Outcome o = run(new RollbackRequest().toRevision(web3));

        assertThat(o.exitCode()).isZero();
        assertThat(o.message()).contains("already runs web:3", "nothing was changed");
        assertThat(stored()).isEqualTo(before);
    }

    /** moto keeps the only deployment on web:3 after the update: the rollback must not call that restored. */
    @Test
    void whileTheOnlyDeploymentStillRunsTheOldRevisionTheRollbackNeverSucceeds() {
        Outcome o = run(new RollbackRequest().toRevision("web:2").timeout("1m").poll("10s"));

        assertThat(o).isInstanceOf(Outcome.Failed.class);
        assertThat(o.message()).contains("was not stable on web:2 within 1m", "points at web:2 but 2/2 running",
                "web:3 PRIMARY 2/2 COMPLETED", "ECS reported no service events");
        assertThat(stored().taskDefinition()).isEqualTo(web2);
    }

    @Test
    void codeDeployAndExternalServicesAreRefusedUnchanged() {
        for (DeploymentControllerType type : new DeploymentControllerType[] {DeploymentControllerType.CODE_DEPLOY,
                DeploymentControllerType.EXTERNAL}) {
            String name = "web-" + type.toString().toLowerCase().replace('_', '-');
            setup.createService(r -> r.cluster("prod").serviceName(name).taskDefinition("web:3").desiredCount(2)
                    .deploymentController(c -> c.type(type)));

            Ticker t = new Ticker(new Engine(session.ports(), clock), clock, RollbackCheckpoint.start(new RollbackRequest()
                    .cluster("prod").service(name).toRevision("web:2").toSpec())).runToEnd();

            Outcome o = t.checkpoint().outcome().orElseThrow();
            assertThat(o.exitCode()).as(name).isEqualTo(2);
            assertThat(o.message()).as(name).contains(type.toString());
            assertThat(setup.describeServices(r -> r.cluster("prod").services(name)).services().get(0).taskDefinition())
                    .isEqualTo(web3);
        }
    }

    @Test
    void aDeregisteredRevisionIsSkippedWhenChoosingAndRefusedWhenAskedFor() {
        setup.deregisterTaskDefinition(r -> r.taskDefinition("web:2"));
        Service before = stored();

        Outcome chosen = run(new RollbackRequest().dryRun(true));
        Outcome asked = run(new RollbackRequest().toRevision("web:2"));

        assertThat(chosen.message()).contains("from web:3 to web:1", "web:2 is not ACTIVE");
        assertThat(asked.exitCode()).isEqualTo(2);
        assertThat(asked.message()).contains("web:2 (the revision asked for) was deregistered (status INACTIVE)",
                "ACTIVE revisions of web: web:1");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aMissingClusterOrServiceIsRefused() {
        Ticker t = new Ticker(new Engine(session.ports(), clock), clock, RollbackCheckpoint.start(new RollbackRequest()
                .cluster("staging").service("web").toSpec())).runToEnd();
        assertThat(t.checkpoint().outcome().orElseThrow().message()).contains("cluster: no cluster staging exists");

        t = new Ticker(new Engine(session.ports(), clock), clock, RollbackCheckpoint.start(new RollbackRequest()
                .cluster("prod").service("api").toSpec())).runToEnd();
        assertThat(t.checkpoint().outcome().orElseThrow().message()).contains("service: no service api exists in cluster prod");
    }
}
