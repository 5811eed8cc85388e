package io.jenkins.plugins.awsdeploy.engine.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.testing.Moto;
import io.jenkins.plugins.awsdeploy.engine.testing.MotoRoute53;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * The weights written against moto, through a client that checks DELETEs exactly as Route 53 does (moto does not):
 * a change by someone else between the read and the write is never overwritten.
 */
@ExtendWith(Moto.class)
class Route53RecordSetsTest {

    private static Map<String, Long> ninetyTen() {
        Map<String, Long> next = new LinkedHashMap<>();
        next.put("blue", 90L);
        next.put("green", 10L);
        return next;
    }

    @Test
    void anotherWritersChangeBetweenTheReadAndTheWriteIsKeptAndNothingIsWritten() {
        try (MotoRoute53 zone = MotoRoute53.create("race.example.com", MotoRoute53.Shape.PLAIN)) {
            ResourceRecordSet theirs = ResourceRecordSet.builder().name(zone.recordName).type(RRType.A)
                    .setIdentifier("blue").weight(1L).ttl(30L).resourceRecords(r -> r.value("192.0.2.99")).build();
            boolean[] once = {false};
            RecordsPort dns = new Route53RecordSets(zone.exactDeletes(() -> {
                if (!once[0]) zone.put(theirs);
                once[0] = true;
            }));

            RecordsPort.RecordsChange change = dns.write(zone.zoneId, zone.recordName, "A", found -> true, ninetyTen());

            assertThat(change.changeId()).as("nothing written").isNull();
            assertThat(zone.record("blue")).isEqualTo(theirs);
            assertThat(zone.weight("green")).isZero();
            assertThat(change.found()).as("reports what is there now")
                    .anySatisfy(r -> assertThat(r.values()).containsExactly("192.0.2.99"));
        }
    }

    @Test
    void withoutAnotherWriterTheWeightsChangeAndEveryOtherFieldStays() {
        try (MotoRoute53 zone = MotoRoute53.create("calm.example.com", MotoRoute53.Shape.HEALTH_CHECKED)) {
            ResourceRecordSet blue = zone.record("blue");
            RecordsPort dns = new Route53RecordSets(zone.exactDeletes(() -> { }));

            RecordsPort.RecordsChange change = dns.write(zone.zoneId, zone.recordName, "A", found -> true, ninetyTen());

            assertThat(change.changeId()).isNotNull();
            assertThat(zone.record("blue")).isEqualTo(blue.toBuilder().weight(90L).build());
            assertThat(zone.weight("green")).isEqualTo(10L);
        }
    }
}
