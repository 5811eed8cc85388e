package io.jenkins.plugins.awsdeploy.engine.aws;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Route 53 as the engine sees it: the weighted record sets of one name and type in a hosted zone, their
 * weights changed in one change batch, and the change's propagation to Route 53's name servers.
 */
public interface RecordsPort {

    /** A port for a session that cannot reach Route 53: every call fails and says so. */
    RecordsPort NONE = new RecordsPort() {
        @Override
        public Optional<List<DnsRecord>> read(String zoneId, String name, String type) {
            throw unavailable();
        }

        @Override
        public RecordsChange write(String zoneId, String name, String type, Predicate<List<DnsRecord>> guard,
                                   Map<String, Long> next) {
            throw unavailable();
        }

        @Override
        public boolean inSync(String changeId) {
            throw unavailable();
        }

        private IllegalStateException unavailable() {
            return new IllegalStateException("Route 53 is not reachable from this session");
        }
    };

    /**
     * Every record set of {@code name} (normalised, {@link DnsRecord#normalName}) and {@code type} in the zone, each
     * set identifier once; empty if the hosted zone does not exist.
     */
    Optional<List<DnsRecord>> read(String zoneId, String name, String type);

    /**
     * Sets the weights of the record sets named in {@code next} (set identifier to weight) in ONE change batch,
     * each record otherwise written back exactly as found (TTL, values, alias target, health check), if and only if
     * {@code guard} holds for the records as read right before the change and nobody changed them since: the batch
     * DELETEs each record exactly as read and CREATEs it anew, and Route 53 rejects it whole if a DELETE does not
     * match. Returns what it found (after such a rejection: what it found on reading again) and, when it wrote,
     * the change's id.
     */
    RecordsChange write(String zoneId, String name, String type, Predicate<List<DnsRecord>> guard, Map<String, Long> next);

    /** Whether the change has reached every Route 53 name server (GetChange says INSYNC rather than PENDING). */
    boolean inSync(String changeId);

    /**
     * What a write found, and the id of the change it submitted (bare, without {@code /change/}); null when the
     * guard did not hold and nothing was written.
     */
    record RecordsChange(List<DnsRecord> found, String changeId) {
        public RecordsChange {
            found = List.copyOf(found);
        }
    }
}
