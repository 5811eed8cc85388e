package io.jenkins.plugins.awsdeploy.engine.routing;

import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.RECORD;
import static io.jenkins.plugins.awsdeploy.engine.testing.FakeAws.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.JsonCodec;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.aws.DnsRecord;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryRequest;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAws;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Route 53 router's arithmetic and guards, on the in-memory Route 53. */
class WeightedRecordsRouterTest {

    private final FakeAws aws = FakeAws.standard();
    private final Route53Records spec = new Route53Records(ZONE, "Api.Example.com", "A", "blue", "green");
    private final TrafficRouter router = new Routers(aws.ports()).open(spec);

    private long weight(String id) {
        return aws.records(ZONE).stream().filter(r -> id.equals(r.setIdentifier())).findFirst().orElseThrow().weight();
    }

    @Test
    void everyPercentageIsWrittenAsExactWeightsAndReadsBackAsItself() {
        Split from = Split.ALL_STABLE;
        for (int p = 1; p <= 100; p++) {
            Split next = Split.canaryAt(p);
            Reading found = router.write(from, next);
            assertThat(found.is(from)).as("guard at " + p).isTrue();
            assertThat(found.change()).as("a change to wait for").isNotNull();
            assertThat(weight("blue")).isEqualTo(100 - p);
            assertThat(weight("green")).isEqualTo(p);
            assertThat(router.read().is(next)).isTrue();
            from = next;
        }
        assertThat(aws.calls("ChangeResourceRecordSets")).as("one change batch per write").isEqualTo(100);
    }

    @Test
    void aWriteFromAnotherSplitThanExpectedChangesNothing() {
        aws.setRecordWeight("green", 1); // 50/50 by someone else
        Reading found = router.write(Split.ALL_STABLE, Split.canaryAt(10));

        assertThat(found.split()).contains(new Split(50, 50));
        assertThat(found.change()).isNull();
        assertThat(aws.calls("ChangeResourceRecordSets")).isZero();
    }

    @Test
    void weightsThatAreNoWholePercentSplitReadAsNoSplit() {
        aws.setRecordWeight("blue", 2);
        aws.setRecordWeight("green", 1);
        assertThat(router.read().split()).isEmpty();
        assertThat(router.read().shown()).isEqualTo("blue=2, green=1");
        assertThat(router.inspect().problems()).extracting(p -> p.parameter() + ": " + p.message())
                .anySatisfy(m -> assertThat(m).startsWith("recordName: weights blue=2, green=1: not a split in whole percent"));
    }

    @Test
    void theRecordNameIsNormalisedAndTheTtlReported() {
        assertThat(spec.recordName()).isEqualTo(RECORD);
        Inspection inspection = router.inspect();
        assertThat(inspection.problems()).isEmpty();
        assertThat(inspection.current()).contains(Split.ALL_STABLE);
        assertThat(inspection.cached()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aliasRecordsHaveNoTtlOfTheirOwnToWarnAbout() {
        aws.putRecord(ZONE, new DnsRecord(RECORD, "A", "blue", 1L, "weighted", null, List.of(),
                new DnsRecord.Alias("Z35SXDOTRQ7X7K", "web-blue.elb.amazonaws.com.", true), null));
        aws.putRecord(ZONE, new DnsRecord(RECORD, "A", "green", 0L, "weighted", null, List.of(),
                new DnsRecord.Alias("Z35SXDOTRQ7X7K", "web-green.elb.amazonaws.com.", true), null));
        assertThat(router.inspect().cached()).isNull();
        assertThat(router.restoreInstruction(Split.ALL_STABLE)).contains(
                "\"AliasTarget\":{\"HostedZoneId\":\"Z35SXDOTRQ7X7K\",\"DNSName\":\"web-blue.elb.amazonaws.com.\",\"EvaluateTargetHealth\":true}");
    }

    @Test
    void theRestoreInstructionStillNamesTheWeightsWhenTheRecordsCannotBeRead() {
        aws.onCall(op -> {
            if (op.equals("ListResourceRecordSets")) throw new IllegalStateException("Connection reset (simulated)");
        });
        String instruction = router.restoreInstruction(Split.ALL_STABLE);

        assertThat(instruction).contains("--hosted-zone-id " + ZONE, "\"SetIdentifier\":\"blue\",\"Weight\":100",
                "\"SetIdentifier\":\"green\",\"Weight\":0", "could not be read just now");
    }

    @Test
    void theSpecIsStoredUnderItsKindAndLoadsBack() {
        CanaryCheckpoint cp = CanaryCheckpoint.start(new CanaryRequest().hostedZoneId("/hostedzone/" + ZONE)
                .recordName("api.example.com").stableSetIdentifier("blue").canarySetIdentifier("green")
                .steps(List.of(100)).bake("1m").toSpec());
        String json = JsonCodec.write(cp);

        assertThat(json).contains("\"kind\":\"route53-records\"", "\"hostedZoneId\":\"" + ZONE + "\"",
                "\"recordName\":\"api.example.com.\"", "\"recordType\":\"A\"");
        assertThat(((CanaryCheckpoint) JsonCodec.readCheckpoint(json)).spec().router()).isEqualTo(cp.spec().router());
    }
}
