package io.jenkins.plugins.awsdeploy.engine.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.Engine;
import io.jenkins.plugins.awsdeploy.engine.Outcome;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsSession;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryRequest;
import io.jenkins.plugins.awsdeploy.engine.testing.Moto;
import io.jenkins.plugins.awsdeploy.engine.testing.MotoAlb;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Tag;

/** The marks on the wire: tags on a listener, a rule and an ECS service, through the real SDK, in moto. */
@ExtendWith(Moto.class)
class OwnershipOnMotoTest {

    static int count;

    static Map<String, String> elbTags(MotoAlb alb, String arn) {
        return alb.elb.describeTags(r -> r.resourceArns(arn)).tagDescriptions().get(0).tags().stream()
                .collect(Collectors.toMap(t -> t.key(), t -> t.value()));
    }

    @Test
    void marksOnAListenerAndARuleAreWrittenReadAndRemovedKeepingOtherTags() {
        try (MotoAlb alb = MotoAlb.create("own" + ++count); AwsSession session = new AwsSession(Moto.access())) {
            alb.elb.addTags(r -> r.resourceArns(alb.listenerArn).tags(t -> t.key("team").value("payments")));
            LeasePort port = session.ports().leases();
            Lease lease = new Lease("d-1", "ci.example.com build #42 (job: web/main)", Instant.parse("2026-12-03T15:00:00Z"));
            for (String arn : List.of(alb.listenerArn, alb.ruleArn)) {
                port.write(arn, lease);
                Lease back = port.read(arn).orElseThrow();
                assertThat(back.deploymentId()).isEqualTo("d-1");
                assertThat(back.until()).isEqualTo(lease.until());
                // '#', '(' and ')' are not allowed in tag values
                assertThat(back.owner()).isEqualTo("ci.example.com build _42 _job: web/main_");
                port.remove(arn);
                assertThat(port.read(arn)).isEmpty();
            }
            assertThat(elbTags(alb, alb.listenerArn)).containsExactly(Map.entry("team", "payments"));
        }
    }

    @Test
    void marksOnAnEcsServiceAreWrittenReadAndRemoved() {
        try (AwsSession session = new AwsSession(Moto.access());
             EcsClient ecs = EcsClient.builder().endpointOverride(Moto.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            ecs.createCluster(r -> r.clusterName("own"));
            ecs.registerTaskDefinition(r -> r.family("own").containerDefinitions(c -> c.name("app").image("app:1").memory(128)));
            String service = ecs.createService(r -> r.cluster("own").serviceName("web" + ++count).taskDefinition("own:1")
                    .desiredCount(1).tags(Tag.builder().key("team").value("payments").build())).service().serviceArn();
            LeasePort port = session.ports().leases();

            port.write(service, new Lease("d-2", "host a", Instant.parse("2026-12-03T15:00:00Z")));
            assertThat(port.read(service)).contains(new Lease("d-2", "host a", Instant.parse("2026-12-03T15:00:00Z")));
            port.remove(service);
            assertThat(port.read(service)).isEmpty();
            assertThat(ecs.listTagsForResource(r -> r.resourceArn(service)).tags()).extracting(Tag::key).containsExactly("team");
        }
    }

    @Test
    void aSecondCanaryOnTheSameListenerIsRefusedAndTheFirstEndsWithoutItsMark() {
        try (MotoAlb alb = MotoAlb.create("own" + ++count); AwsSession session = new AwsSession(Moto.access())) {
            VirtualClock clock = new VirtualClock();
            Engine engine = new Engine(session.ports());
            CanaryRequest request = new CanaryRequest().listenerArn(alb.listenerArn).stableTargetGroup(alb.blueTg)
                    .canaryTargetGroup(alb.greenTg).steps(List.of(10, 100)).bake("1m").poll("10s").region(Moto.REGION);
            Ticker first = new Ticker(engine, clock, CanaryCheckpoint.start(request.toSpec(), Claim.of("first", "host a")))
                    .runUntil(x -> alb.listenerSplit().equals(new Split(90, 10)), 100);
            Map<String, Integer> before = alb.listenerWeights();

            Ticker second = new Ticker(engine, clock, CanaryCheckpoint.start(request.toSpec(), Claim.of("second", "host b")))
                    .runToEnd();

            Outcome refused = second.checkpoint().outcome().orElseThrow();
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.message()).contains("is being driven by another deployment first of host a");
            assertThat(alb.listenerWeights()).isEqualTo(before);
            assertThat(elbTags(alb, alb.listenerArn)).containsEntry(Lease.DEPLOYMENT_KEY, "first");

            first.runToEnd();
            assertThat(first.checkpoint().outcome().orElseThrow()).isInstanceOf(Outcome.Succeeded.class);
            assertThat(elbTags(alb, alb.listenerArn)).doesNotContainKey(Lease.DEPLOYMENT_KEY);
        }
    }

    @Test
    void aListenerThatDoesNotExistIsOneProblemNotTwo() {
        try (MotoAlb alb = MotoAlb.create("own" + ++count); AwsSession session = new AwsSession(Moto.access())) {
            String gone = alb.listenerArn.substring(0, alb.listenerArn.lastIndexOf('/') + 1) + "0123456789abcdef";
            Ticker t = new Ticker(new Engine(session.ports()), new VirtualClock(), CanaryCheckpoint.start(new CanaryRequest()
                    .listenerArn(gone).stableTargetGroup(alb.blueTg).canaryTargetGroup(alb.greenTg).steps(List.of(100))
                    .bake("1m").region(Moto.REGION).toSpec())).runToEnd();

            Outcome outcome = t.checkpoint().outcome().orElseThrow();
            assertThat(outcome.exitCode()).isEqualTo(2);
            assertThat(outcome.message()).contains("listenerArn: no listener").doesNotContain("ownership");
            assertThat(session.ports().leases().read(gone)).isEmpty();
        }
    }
}
