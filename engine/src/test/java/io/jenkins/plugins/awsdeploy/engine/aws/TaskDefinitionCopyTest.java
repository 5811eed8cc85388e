package io.jenkins.plugins.awsdeploy.engine.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.CPUArchitecture;
import software.amazon.awssdk.services.ecs.model.EphemeralStorage;
import software.amazon.awssdk.services.ecs.model.InferenceAccelerator;
import software.amazon.awssdk.services.ecs.model.IpcMode;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PidMode;
import software.amazon.awssdk.services.ecs.model.ProxyConfiguration;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RuntimePlatform;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionPlacementConstraint;
import software.amazon.awssdk.services.ecs.model.TrustedExecutionConfiguration;
import software.amazon.awssdk.services.ecs.model.Volume;

/** The copy of a task definition that blue/green registers must carry every field RegisterTaskDefinition takes. */
class TaskDefinitionCopyTest {

    @Test
    void everyRegisterableFieldIsCopiedExceptTagsWhichComeBesideTheDefinition() {
        Set<String> registerable = new TreeSet<>();
        RegisterTaskDefinitionRequest.builder().sdkFields().forEach(f -> registerable.add(f.memberName()));
        registerable.removeAll(EcsServices.copiedFields());
        assertThat(registerable).containsExactly("tags");
    }

    @Test
    void aFullyFilledDefinitionIsCopiedFieldByFieldWithTheNewImage() {
        TaskDefinition source = TaskDefinition.builder()
                .taskDefinitionArn("arn:aws:ecs:us-east-1:123456789012:task-definition/web:7").family("web").revision(7)
                .status("ACTIVE")
                .taskRoleArn("arn:aws:iam::123456789012:role/task").executionRoleArn("arn:aws:iam::123456789012:role/exec")
                .networkMode(NetworkMode.AWSVPC)
                .containerDefinitions(
                        ContainerDefinition.builder().name("app").image("web:1.0").memory(512).essential(true).build(),
                        ContainerDefinition.builder().name("sidecar").image("envoy:1").memory(128).build())
                .volumes(Volume.builder().name("data").build())
                .placementConstraints(TaskDefinitionPlacementConstraint.builder().type("memberOf").expression("attribute:x == y").build())
                .requiresCompatibilities(Compatibility.FARGATE)
                .compatibilities(Compatibility.EC2, Compatibility.FARGATE)
                .cpu("256").memory("512")
                .pidMode(PidMode.TASK).ipcMode(IpcMode.TASK)
                .proxyConfiguration(ProxyConfiguration.builder().containerName("sidecar").type("APPMESH").build())
                .inferenceAccelerators(InferenceAccelerator.builder().deviceName("d").deviceType("eia2.medium").build())
                .ephemeralStorage(EphemeralStorage.builder().sizeInGiB(30).build())
                .runtimePlatform(RuntimePlatform.builder().cpuArchitecture(CPUArchitecture.ARM64).build())
                .enableFaultInjection(true)
                // New in SDK 2.59.x: copied by name like every field, and filled here so that this test sees it.
                .trustedExecutionConfiguration(TrustedExecutionConfiguration.builder().attestationPolicy("p").build())
                .build();
        List<Tag> tags = List.of(Tag.builder().key("team").value("web").build());

        RegisterTaskDefinitionRequest copy = EcsServices.copyRequest(source, tags, Map.of("app", "web:2.0"));

        for (SdkField<?> f : copy.sdkFields()) {
            assertThat(f.getValueOrDefault(copy)).as(f.memberName()).isNotNull();
        }
        assertThat(copy.family()).isEqualTo("web");
        assertThat(copy.networkMode()).isEqualTo(NetworkMode.AWSVPC);
        assertThat(copy.requiresCompatibilities()).containsExactly(Compatibility.FARGATE);
        assertThat(copy.runtimePlatform().cpuArchitecture()).isEqualTo(CPUArchitecture.ARM64);
        assertThat(copy.enableFaultInjection()).isTrue();
        assertThat(copy.tags()).isEqualTo(tags);
        assertThat(copy.containerDefinitions()).extracting(ContainerDefinition::image).containsExactly("web:2.0", "envoy:1");
        assertThat(copy.containerDefinitions().get(0)).isEqualTo(source.containerDefinitions().get(0).toBuilder().image("web:2.0").build());
    }

    @Test
    void absentFieldsStayAbsent() {
        TaskDefinition source = TaskDefinition.builder().family("web").revision(1)
                .containerDefinitions(ContainerDefinition.builder().name("app").image("a").memory(64).build()).build();

        RegisterTaskDefinitionRequest copy = EcsServices.copyRequest(source, List.of(), Map.of());

        assertThat(copy.hasVolumes()).isFalse();
        assertThat(copy.hasTags()).isFalse();
        assertThat(copy.hasRequiresCompatibilities()).isFalse();
        assertThat(copy.networkMode()).isNull();
    }

    @Test
    void anUnknownContainerIsRefusedNamingTheRealOnes() {
        TaskDefinition source = TaskDefinition.builder().family("web").revision(3)
                .containerDefinitions(ContainerDefinition.builder().name("app").image("a").build()).build();

        assertThatThrownBy(() -> EcsServices.copyRequest(source, List.of(), Map.of("ap", "b")))
                .hasMessageContaining("no container named ap").hasMessageContaining("[app]");
    }
}
