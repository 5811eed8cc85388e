package io.jenkins.plugins.awsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.testing.MotoRoute53;
import io.jenkins.plugins.awsdeploy.engine.testing.MotoRoute53.Shape;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.ResourceRecordSetFailover;
import software.amazon.awssdk.services.route53.model.Tag;

/**
 * {@code aws-deploy canary} on Route 53 weighted records: every way to get the input wrong ends with exit code 2, a
 * message naming the option as typed, and the zone (every record, every field, its tags) exactly as it was; a good
 * run and a DNS blue/green switch end on the new record.
 */
class Route53InputTest {

    private static LocalStage stage;
    private static MotoRoute53 zone;

    @BeforeAll
    static void buildScene() throws IOException {
        stage = LocalStage.start();
        zone = MotoRoute53.create(stage.aws.endpoint(), "cli-r53.example.com", Shape.PLAIN);
        stage.resources.alarm("r53-ok", "targetgroup/r53/1");
        stage.resources.alarm("r53-burning", "targetgroup/r53/1");
        stage.alarm("r53-burning", software.amazon.awssdk.services.cloudwatch.model.StateValue.ALARM);
        weighted("other", Map.of("blue", 1L, "green", 0L, "purple", 5L, "spare", 0L));
        weighted("half", Map.of("blue", 70L, "green", 30L));
        weighted("zero", Map.of("blue", 0L, "green", 0L));
        weighted("held", Map.of("blue", 1L, "green", 0L));
        // The two runs that write have set identifiers of their own: moto's DELETE (half of every guarded write) removes
        // each record with that set identifier in the zone, whatever its name, which Route 53 never does.
        weighted("run", Map.of("run-blue", 1L, "run-green", 0L));
        weighted("switch", Map.of("switch-blue", 1L, "switch-green", 0L));
        zone.put(failover("blue", ResourceRecordSetFailover.PRIMARY), failover("green", ResourceRecordSetFailover.SECONDARY));
        zone.route53.changeTagsForResource(r -> r.resourceType("hostedzone").resourceId(zone.zoneId).addTags(Tag.builder()
                .key("aws-deploy:lease:held." + zone.zoneName + "/A")
                .value("2099-01-01T00:00:00Z 0b5c7e0e-other-deployment jenkins.example.com build 7").build()));
    }

    @AfterAll
    static void stop() {
        if (zone != null) zone.close();
        if (stage != null) stage.close();
    }

    private static void weighted(String label, Map<String, Long> weights) {
        int[] host = {40};
        zone.put(weights.entrySet().stream().map(e -> ResourceRecordSet.builder().name(label + "." + zone.zoneName).type("A")
                .setIdentifier(e.getKey()).weight(e.getValue()).ttl(60L).resourceRecords(r -> r.value("192.0.2." + host[0]++))
                .build()).toArray(ResourceRecordSet[]::new));
    }

    private static ResourceRecordSet failover(String id, ResourceRecordSetFailover role) {
        return ResourceRecordSet.builder().name("failover." + zone.zoneName).type("A").setIdentifier(id).failover(role)
                .ttl(60L).resourceRecords(r -> r.value("192.0.2.90")).build();
    }

    static CommandArgs records(String name) {
        return records(name, "blue", "green");
    }

    static CommandArgs records(String name, String stable, String canary) {
        return CommandArgs.of("canary")
                .set("--hosted-zone-id", zone.zoneId)
                .set("--record-name", name + "." + zone.zoneName)
                .set("--stable-set-identifier", stable)
                .set("--canary-set-identifier", canary)
                .set("--steps", "10,50,100")
                .set("--bake", "1s")
                .set("--poll", "1s")
                .set("--alarm", "r53-ok")
                .set("--region", "us-east-1")
                .set("--endpoint-url", stage.aws.endpoint().toString());
    }

    /** Everything a refused run must leave as it was: every record set with every field, and the zone's tags. */
    static Map<String, Object> snapshot() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("records", zone.all().stream().map(ResourceRecordSet::toString).toList());
        all.put("tags", zone.tags());
        all.put("alarms", stage.resources.alarmStates());
        return all;
    }

    static Stream<BadInput> badInputs() {
        String listener = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2";
        return Stream.of(
                new BadInput("records and a listener at once", "--hosted-zone-id", "two different routers",
                        a -> a.set("--listener-arn", listener)),
                new BadInput("records and a target group at once", "--hosted-zone-id", "two different routers",
                        a -> a.set("--stable-target-group", "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/b/1")),
                new BadInput("no record name", "--record-name", "is required", a -> a.remove("--record-name")),
                new BadInput("no hosted zone", "--hosted-zone-id", "is required", a -> a.remove("--hosted-zone-id")),
                new BadInput("zone id that is no id", "--hosted-zone-id", "is not a hosted zone id",
                        a -> a.set("--hosted-zone-id", "example.com")),
                new BadInput("zone that does not exist", "--hosted-zone-id", "no hosted zone ZNOSUCHZONE0000 exists",
                        a -> a.set("--hosted-zone-id", "ZNOSUCHZONE0000")),
                new BadInput("record type MX", "--record-type", "is not one of A, AAAA, CNAME", a -> a.set("--record-type", "MX")),
                new BadInput("record name with an empty label", "--record-name", "is not a DNS name",
                        a -> a.set("--record-name", "api..example.com")),
                new BadInput("no stable set identifier", "--stable-set-identifier", "is required",
                        a -> a.remove("--stable-set-identifier")),
                new BadInput("the same record twice", "--canary-set-identifier", "is the same record",
                        a -> a.set("--canary-set-identifier", "blue")),
                new BadInput("a set identifier with a space", "--stable-set-identifier", "starts or ends with a space",
                        a -> a.set("--stable-set-identifier", "blue ")),
                new BadInput("a set identifier too long", "--canary-set-identifier", "at most 128",
                        a -> a.set("--canary-set-identifier", "g".repeat(129))),
                new BadInput("unknown stable record", "--stable-set-identifier", "set identifier 'purple'",
                        a -> a.set("--stable-set-identifier", "purple")),
                new BadInput("records of another type", "--stable-set-identifier", "no AAAA record",
                        a -> a.set("--record-type", "AAAA")),
                new BadInput("a name without records", "--stable-set-identifier", "no A record nothing.",
                        a -> a.set("--record-name", "nothing." + zone.zoneName)),
                new BadInput("set identifiers swapped", "--record-name", "swapped",
                        a -> a.set("--stable-set-identifier", "green").set("--canary-set-identifier", "blue")),
                new BadInput("another weighted record carries traffic", "--record-name", "'purple' (weight 5)",
                        a -> a.set("--record-name", "other." + zone.zoneName)),
                new BadInput("failover records, not weighted", "--stable-set-identifier", "routing policy is failover",
                        a -> a.set("--record-name", "failover." + zone.zoneName)),
                new BadInput("split off the plan", "--record-name", "neither 100/0 nor a step of this plan",
                        a -> a.set("--record-name", "half." + zone.zoneName)),
                new BadInput("both records at weight 0", "--record-name", "both carry weight 0",
                        a -> a.set("--record-name", "zero." + zone.zoneName)),
                new BadInput("records driven by another deployment", "--record-name", "is being driven by another deployment",
                        a -> a.set("--record-name", "held." + zone.zoneName)),
                new BadInput("an alarm in ALARM", "--alarm", "r53-burning", a -> a.set("--alarm", "r53-burning")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void isRefusedBeforeAnyChange(BadInput bad) {
        Map<String, Object> before = snapshot();

        CommandLineRun.Result result = CommandLineRun.run(bad.change().apply(records("api")).toArray());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).as(result.toString()).contains(bad.option()).contains(bad.says());
        assertThat(result.out()).as(result.toString()).doesNotContain("shifted");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aRunShiftsTheWeightsAndReportsEachChangeInSync() {
        CommandLineRun.Result result = CommandLineRun.run(records("RUN", "run-blue", "run-green").flag("--json").toArray());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("\"INSYNC\"");
        assertThat(zone.record("green").weight()).isEqualTo(0); // "api": untouched
        assertThat(weights("run")).isEqualTo(List.of(0L, 100L));
    }

    @Test
    void aBlueGreenSwitchOfRecordsIsOneApprovedStepWithABake() {
        CommandLineRun.Result result = CommandLineRun.run(records("switch", "switch-blue", "switch-green").set("--steps", "100")
                .set("--approve-before", "100").flag("--auto-approve").set("--bake", "2s").toArray());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("approved", "in sync");
        assertThat(weights("switch")).isEqualTo(List.of(0L, 100L));
    }

    private static List<Long> weights(String label) {
        String name = label + "." + zone.zoneName;
        List<ResourceRecordSet> sets = zone.all().stream().filter(s -> s.name().equals(name)).toList();
        long blue = sets.stream().filter(s -> (label + "-blue").equals(s.setIdentifier())).findFirst().orElseThrow().weight();
        long green = sets.stream().filter(s -> (label + "-green").equals(s.setIdentifier())).findFirst().orElseThrow().weight();
        return List.of(blue, green);
    }
}
