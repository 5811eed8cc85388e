package io.jenkins.plugins.awsdeploy.engine.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsdeploy.engine.aws.AwsSession;
import io.jenkins.plugins.awsdeploy.engine.aws.EcsPort;
import io.jenkins.plugins.awsdeploy.engine.aws.EcsService;
import io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionInfo;
import io.jenkins.plugins.awsdeploy.engine.aws.TaskDefinitionRef;
import io.jenkins.plugins.awsdeploy.engine.testing.EcsMoto;
import io.jenkins.plugins.awsdeploy.localaws.MotoServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.IpcMode;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PidMode;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;

/**
 * Every ECS call of the SDK adapter behind {@link EcsPort}, through the real SDK against moto: the wire
 * calls, the shapes and what moto stores. Behaviour over time is {@link EcsRollbackTest}'s.
 */
class EcsServicesMotoTest {

    static MotoServer moto;
    static AwsSession session;
    static EcsClient setup;
    EcsPort ecs;

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

    @BeforeEach
    void cleanMoto() {
        moto.reset();
        ecs = session.ports().ecs();
        setup.createCluster(r -> r.clusterName("prod"));
    }

    static String register(String family, String image) {
        return setup.registerTaskDefinition(r -> r.family(family).containerDefinitions(ContainerDefinition.builder()
                .name("app").image(image).memory(256).build())).taskDefinition().taskDefinitionArn();
    }

    // ---- DescribeClusters

    @Test
    void aClusterExistsUntilItIsDeleted() {
        assertThat(ecs.clusterExists("prod")).isTrue();
        assertThat(ecs.clusterExists("arn:aws:ecs:us-east-1:123456789012:cluster/prod")).isTrue();
        assertThat(ecs.clusterExists("staging")).isFalse();
        setup.deleteCluster(r -> r.cluster("prod"));
        assertThat(ecs.clusterExists("prod")).isFalse();
    }

    // ---- DescribeServices (include TAGS) and TagResource

    @Test
    void aServiceReadsWithItsDeploymentAndTags() {
        String web1 = register("web", "web:1.0");
        setup.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web:1").desiredCount(2)
                .tags(Tag.builder().key("team").value("payments").build()));

        EcsService svc = ecs.service("prod", "web").orElseThrow();

        assertThat(svc.name()).isEqualTo("web");
        assertThat(svc.arn()).startsWith("arn:aws:ecs:us-east-1:123456789012:service/");
        assertThat(svc.status()).isEqualTo("ACTIVE");
        assertThat(svc.taskDefinition()).isEqualTo(web1);
        assertThat(svc.desiredCount()).isEqualTo(2);
        assertThat(svc.runningCount()).isEqualTo(2);
        assertThat(svc.deploymentController()).isEqualTo("ECS");
        assertThat(svc.deployments()).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo("PRIMARY");
            assertThat(d.taskDefinition()).isEqualTo(web1);
            assertThat(d.rolloutState()).isEqualTo("COMPLETED");
            assertThat(d.id()).startsWith("ecs-svc/");
            assertThat(d.createdAt()).isNotNull();
        });
        assertThat(svc.tags()).isEqualTo(Map.of("team", "payments"));
        assertThat(svc.stableOn(TaskDefinitionRef.of(web1))).isTrue();
    }

    @Test
    void tagsWrittenOnTheServiceAreReadBack() {
        register("web", "web:1.0");
        setup.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web:1").desiredCount(2));
        String arn = ecs.service("prod", "web").orElseThrow().arn();

        ecs.tag(arn, KnownGoodTag.of(new TaskDefinitionRef("web", 1)));

        assertThat(ecs.service("prod", "web").orElseThrow().tags()).isEqualTo(Map.of(KnownGoodTag.KEY, "web:1"));
    }

    @Test
    void theDeploymentControllerAndTargetGroupsAreRead() {
        register("web", "web:1.0");
        String tg = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-blue/73e2d6bc24d8a067";
        setup.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web:1").desiredCount(2)
                .deploymentController(c -> c.type(DeploymentControllerType.CODE_DEPLOY))
                .loadBalancers(lb -> lb.targetGroupArn(tg).containerName("app").containerPort(8080)));

        EcsService svc = ecs.service("prod", "web").orElseThrow();

        assertThat(svc.deploymentController()).isEqualTo("CODE_DEPLOY");
        assertThat(svc.targetGroups()).containsExactly(tg);
    }

    @Test
    void aMissingOrDeletedServiceOrClusterReadsAsAbsent() {
        register("web", "web:1.0");
        setup.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web:1").desiredCount(0));

        assertThat(ecs.service("prod", "api")).isEmpty();
        assertThat(ecs.service("staging", "web")).isEmpty();
        setup.deleteService(r -> r.cluster("prod").service("web"));
        assertThat(ecs.service("prod", "web")).isEmpty();
    }

    // ---- DescribeTaskDefinition and ListTaskDefinitions

    @Test
    void aTaskDefinitionIsFoundByArnOrFamilyRevisionAndShowsWhenItWasDeregistered() {
        String arn = register("web", "registry/web:1.0");

        TaskDefinitionInfo byName = ecs.taskDefinition("web:1").orElseThrow();

        assertThat(byName).isEqualTo(new TaskDefinitionInfo(arn, "web", 1, "ACTIVE", Map.of("app", "registry/web:1.0")));
        assertThat(ecs.taskDefinition(arn)).contains(byName);
        assertThat(ecs.taskDefinition("web:2")).isEmpty();
        assertThat(ecs.taskDefinition("nothing:1")).isEmpty();
        setup.deregisterTaskDefinition(r -> r.taskDefinition("web:1"));
        assertThat(ecs.taskDefinition("web:1").orElseThrow().status()).isEqualTo("INACTIVE");
    }

    @Test
    void activeRevisionsAreOfExactlyTheFamilyNewestFirst() {
        for (int i = 1; i <= 4; i++) register("web", "web:" + i);
        register("web-worker", "worker:1");
        setup.deregisterTaskDefinition(r -> r.taskDefinition("web:3"));

        List<String> active = ecs.activeRevisions("web");

        assertThat(active).extracting(a -> TaskDefinitionRef.of(a).toString()).containsExactly("web:4", "web:2", "web:1");
        assertThat(active).allMatch(a -> a.startsWith("arn:aws:ecs:us-east-1:123456789012:task-definition/web:"));
        assertThat(ecs.activeRevisions("nothing")).isEmpty();
    }

    // ---- RegisterTaskDefinition

    @Test
    void aCopyCarriesEveryRegisterableFieldAndTagsWithOnlyTheImageReplaced() {
        setup.registerTaskDefinition(r -> r.family("web")
                .taskRoleArn("arn:aws:iam::123456789012:role/web-task")
                .executionRoleArn("arn:aws:iam::123456789012:role/web-exec")
                .networkMode(NetworkMode.AWSVPC)
                .containerDefinitions(
                        ContainerDefinition.builder().name("app").image("registry/web:1.0").memory(256).cpu(128)
                                .essential(true).environment(e -> e.name("MODE").value("prod")).build(),
                        ContainerDefinition.builder().name("envoy").image("envoy:1.29").memory(128).build())
                .volumes(v -> v.name("scratch"))
                .placementConstraints(p -> p.type("memberOf").expression("attribute:ecs.instance-type =~ t3.*"))
                .requiresCompatibilities(Compatibility.EC2)
                .cpu("512").memory("1024")
                .pidMode(PidMode.TASK).ipcMode(IpcMode.TASK)
                .proxyConfiguration(p -> p.containerName("envoy").type("APPMESH"))
                .inferenceAccelerators(a -> a.deviceName("gpu0").deviceType("eia2.medium"))
                .ephemeralStorage(e -> e.sizeInGiB(40))
                .runtimePlatform(p -> p.operatingSystemFamily("LINUX").cpuArchitecture("X86_64"))
                .tags(Tag.builder().key("team").value("payments").build()));

        TaskDefinitionInfo copy = ecs.registerCopy("web:1", Map.of("app", "registry/web:2.0"));

        assertThat(copy.familyRevision()).isEqualTo("web:2");
        assertThat(copy.imageByContainer()).containsExactly(Map.entry("app", "registry/web:2.0"), Map.entry("envoy", "envoy:1.29"));
        DescribeTaskDefinitionResponse source = describe("web:1");
        DescribeTaskDefinitionResponse copied = describe("web:2");
        assertThat(copied.tags()).isEqualTo(source.tags()).isNotEmpty();
        Set<String> compared = new TreeSet<>();
        for (SdkField<?> f : RegisterTaskDefinitionRequest.builder().sdkFields()) {
            SdkField<?> described = TaskDefinition.builder().sdkFields().stream()
                    .filter(d -> d.memberName().equals(f.memberName())).findFirst().orElse(null);
            if (described == null || f.memberName().equals("containerDefinitions")) continue;
            assertThat(described.getValueOrDefault(copied.taskDefinition())).as(f.memberName())
                    .isEqualTo(described.getValueOrDefault(source.taskDefinition()));
            if (described.getValueOrDefault(source.taskDefinition()) != null) compared.add(f.memberName());
        }
        // What moto echoes back, so that the comparison above is not of nulls.
        assertThat(compared).contains("family", "taskRoleArn", "executionRoleArn", "networkMode", "volumes",
                "placementConstraints", "requiresCompatibilities", "cpu", "memory", "pidMode", "ipcMode",
                "proxyConfiguration", "inferenceAccelerators", "ephemeralStorage", "runtimePlatform");
        assertThat(copied.taskDefinition().containerDefinitions().get(0))
                .isEqualTo(source.taskDefinition().containerDefinitions().get(0).toBuilder().image("registry/web:2.0").build());
    }

    @Test
    void aCopyNamingAContainerTheDefinitionDoesNotHaveRegistersNothing() {
        register("web", "web:1.0");

        assertThatThrownBy(() -> ecs.registerCopy("web:1", Map.of("api", "x"))).hasMessageContaining("no container named api");
        assertThat(ecs.activeRevisions("web")).hasSize(1);
    }

    // ---- UpdateService

    @Test
    void anUpdateChangesTheTaskDefinitionAndKeepsTheDesiredCountUnlessOneIsGiven() {
        register("web", "web:1.0");
        String web2 = register("web", "web:2.0");
        setup.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web:1").desiredCount(2));

        ecs.updateService("prod", "web", web2, null);

        EcsService svc = ecs.service("prod", "web").orElseThrow();
        assertThat(svc.taskDefinition()).isEqualTo(web2);
        assertThat(svc.desiredCount()).isEqualTo(2);
        // moto adds no deployment: the only one still runs web:1, so the service is not stable on web:2.
        assertThat(svc.stableOn(TaskDefinitionRef.of(web2))).isFalse();

        ecs.updateService("prod", "web", "web:1", 4);
        svc = ecs.service("prod", "web").orElseThrow();
        assertThat(svc.taskDefinition()).isEqualTo("web:1");
        assertThat(TaskDefinitionRef.of(svc.taskDefinition())).isEqualTo(new TaskDefinitionRef("web", 1));
        assertThat(svc.desiredCount()).isEqualTo(4);
    }

    @Test
    void scalingChangesOnlyTheDesiredCount() {
        String web1 = register("web", "web:1.0");
        setup.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web:1").desiredCount(2));

        ecs.scale("prod", "web", 5);

        EcsService svc = ecs.service("prod", "web").orElseThrow();
        assertThat(svc.desiredCount()).isEqualTo(5);
        assertThat(svc.taskDefinition()).isEqualTo(web1);
    }

    private static DescribeTaskDefinitionResponse describe(String revision) {
        return setup.describeTaskDefinition(r -> r.taskDefinition(revision).include(TaskDefinitionField.TAGS));
    }
}
