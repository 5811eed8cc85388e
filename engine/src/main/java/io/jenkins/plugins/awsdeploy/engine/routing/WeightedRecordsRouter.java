package io.jenkins.plugins.awsdeploy.engine.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.Split;
import io.jenkins.plugins.awsdeploy.engine.aws.AwsFailure;
import io.jenkins.plugins.awsdeploy.engine.aws.DnsRecord;
import io.jenkins.plugins.awsdeploy.engine.aws.RecordsPort;
import io.jenkins.plugins.awsdeploy.engine.ownership.Route53Leases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Routes by the weights of two Route 53 weighted record sets. A split of p% on the new side is written as weight
 * 100-p on the stable record and p on the canary record (Route 53 weights are 0-255, so every percentage maps
 * exactly), both in ONE change batch so that no resolver ever sees one without the other. Route 53 applies a change
 * to its name servers over a while: the write returns the change's id, and the engine waits for INSYNC.
 */
final class WeightedRecordsRouter implements TrafficRouter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordsPort dns;
    private final Route53Records spec;

    WeightedRecordsRouter(RecordsPort dns, Route53Records spec) {
        this.dns = dns;
        this.spec = spec;
    }

    @Override
    public Route53Records spec() {
        return spec;
    }

    @Override
    public Inspection inspect() {
        List<Problem> problems = new ArrayList<>();
        Optional<Split> current = Optional.empty();
        Duration cached = null;
        try {
            Optional<List<DnsRecord>> found = dns.read(spec.hostedZoneId(), spec.recordName(), spec.recordType());
            if (found.isEmpty()) {
                problems.add(new Problem("hostedZoneId", "no hosted zone " + spec.hostedZoneId() + " exists"));
            } else {
                List<DnsRecord> records = found.get();
                DnsRecord stable = side(records, spec.stableSetIdentifier(), "stableSetIdentifier", problems);
                DnsRecord canary = side(records, spec.canarySetIdentifier(), "canarySetIdentifier", problems);
                List<String> others = records.stream().filter(r -> !isSide(r) && r.weighted() && r.weight() > 0)
                        .map(r -> "'" + r.setIdentifier() + "' (weight " + r.weight() + ")").toList();
                if (!others.isEmpty()) {
                    problems.add(new Problem("recordName", "has other weighted records carrying traffic: "
                            + String.join(", ", others) + "; set their weight to 0 first, only the stable and the canary "
                            + "record may carry traffic"));
                }
                if (stable != null && canary != null && others.isEmpty()) {
                    current = splitOf(records);
                    if (current.isEmpty()) {
                        problems.add(new Problem("recordName", "weights " + shown(records) + (stable.weight() + canary.weight() == 0
                                ? ": both carry weight 0, so Route 53 answers with both alike; give the stable record a weight first"
                                : ": not a split in whole percent between the stable and the canary record")));
                    }
                    cached = longestTtl(stable, canary);
                }
            }
        } catch (RuntimeException e) {
            problems.add(new Problem("hostedZoneId", "the records could not be read: " + AwsFailure.describe(e)));
        }
        return new Inspection(problems, current, "the weighted records '" + spec.stableSetIdentifier() + "' and '"
                + spec.canarySetIdentifier() + "' of " + spec.resource() + " in hosted zone " + spec.hostedZoneId(), cached);
    }

    @Override
    public Reading read() {
        List<DnsRecord> records = dns.read(spec.hostedZoneId(), spec.recordName(), spec.recordType())
                .orElseThrow(() -> new IllegalStateException("the hosted zone " + spec.hostedZoneId() + " no longer exists"));
        return new Reading(splitOf(records), shown(records));
    }

    /**
     * Already at {@code next}, it writes the same weights again: a checkpoint lost between a write and its store
     * left no change id to wait for, and Route 53 propagates a zone's changes in the order it accepted them, so
     * this new change being in sync means the lost one is too.
     */
    @Override
    public Reading write(Split expected, Split next) {
        RecordsPort.RecordsChange change = dns.write(spec.hostedZoneId(), spec.recordName(), spec.recordType(),
                found -> splitOf(found).equals(Optional.of(expected)) || splitOf(found).equals(Optional.of(next)),
                weights(next));
        return new Reading(splitOf(change.found()), shown(change.found()), change.changeId());
    }

    @Override
    public boolean inSync(String change) {
        return dns.inSync(change);
    }

    @Override
    public String sides(Split split) {
        return spec.stableSetIdentifier() + " " + split.stable() + "%, " + spec.canarySetIdentifier() + " " + split.canary() + "%";
    }

    /**
     * The batch as the AWS CLI takes it, with each record as it reads now (or, if it cannot be read, only the fields
     * the engine knows) and the weights of {@code split}.
     */
    @Override
    public String restoreInstruction(Split split) {
        Map<String, Long> weights = weights(split);
        List<DnsRecord> records;
        try {
            records = dns.read(spec.hostedZoneId(), spec.recordName(), spec.recordType()).orElse(List.of());
        } catch (RuntimeException e) {
            records = List.of();
        }
        List<Object> changes = new ArrayList<>();
        boolean complete = true;
        for (String id : List.of(spec.stableSetIdentifier(), spec.canarySetIdentifier())) {
            DnsRecord record = records.stream().filter(r -> id.equals(r.setIdentifier())).findFirst().orElse(null);
            complete &= record != null;
            DnsRecord written = record == null
                    ? new DnsRecord(spec.recordName(), spec.recordType(), id, weights.get(id), "weighted", null, List.of(), null, null)
                    : record.withWeight(weights.get(id));
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("Action", "UPSERT");
            change.put("ResourceRecordSet", recordJson(written));
            changes.add(change);
        }
        String batch;
        try {
            batch = JSON.writeValueAsString(Map.of("Changes", changes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return "set the weights to " + sides(split) + " in one change: aws route53 change-resource-record-sets"
                + " --hosted-zone-id " + spec.hostedZoneId() + " --change-batch '" + batch.replace("'", "'\\''") + "'"
                + (complete ? "" : " (the records could not be read just now: add each record's TTL and ResourceRecords,"
                + " or its AliasTarget, and its HealthCheckId as list-resource-record-sets shows them)")
                + "; then check it with aws route53 list-resource-record-sets --hosted-zone-id " + spec.hostedZoneId()
                + " --start-record-name " + spec.recordName() + " --start-record-type " + spec.recordType();
    }

    @Override
    public Map<String, String> marked() {
        return Map.of(Route53Leases.address(spec.hostedZoneId(), spec.recordName(), spec.recordType()), "recordName");
    }

    @Override
    public List<RoutedResource> resources() {
        return List.of(new RoutedResource("hosted zone", "arn:aws:route53:::hostedzone/" + spec.hostedZoneId()),
                new RoutedResource("stable record " + spec.stableSetIdentifier(), spec.resource()),
                new RoutedResource("canary record " + spec.canarySetIdentifier(), spec.resource()));
    }

    /** Percent as weight: 100-p and p, exact in Route 53's 0-255. */
    private Map<String, Long> weights(Split split) {
        Map<String, Long> w = new LinkedHashMap<>();
        w.put(spec.stableSetIdentifier(), (long) split.stable());
        w.put(spec.canarySetIdentifier(), (long) split.canary());
        return w;
    }

    /** The split, when only the two records carry weight and their weights are whole percentages of the sum. */
    private Optional<Split> splitOf(List<DnsRecord> records) {
        DnsRecord stable = find(records, spec.stableSetIdentifier());
        DnsRecord canary = find(records, spec.canarySetIdentifier());
        if (stable == null || canary == null || !stable.weighted() || !canary.weighted()) return Optional.empty();
        if (records.stream().anyMatch(r -> !isSide(r) && r.weight() != null && r.weight() > 0)) return Optional.empty();
        long s = stable.weight();
        long c = canary.weight();
        if (s + c == 0 || (c * 100) % (s + c) != 0) return Optional.empty();
        return Optional.of(Split.canaryAt((int) (c * 100 / (s + c))));
    }

    private DnsRecord side(List<DnsRecord> records, String id, String parameter, List<Problem> problems) {
        DnsRecord r = find(records, id);
        if (r == null) {
            List<String> ids = records.stream().map(DnsRecord::setIdentifier).filter(Objects::nonNull).toList();
            problems.add(new Problem(parameter, "no " + spec.recordType() + " record " + spec.recordName()
                    + " with set identifier '" + id + "' exists in hosted zone " + spec.hostedZoneId()
                    + (ids.isEmpty() ? " (that name and type has no records with set identifiers)" : " (it has " + ids + ")")));
            return null;
        }
        if (!r.weighted()) {
            problems.add(new Problem(parameter, "'" + id + "' is not a weighted record: its routing policy is " + r.policy()));
            return null;
        }
        return r;
    }

    private boolean isSide(DnsRecord r) {
        return spec.stableSetIdentifier().equals(r.setIdentifier()) || spec.canarySetIdentifier().equals(r.setIdentifier());
    }

    private static DnsRecord find(List<DnsRecord> records, String id) {
        return records.stream().filter(r -> id.equals(r.setIdentifier())).findFirst().orElse(null);
    }

    /** An alias record's TTL is its target's, which Route 53 does not say: only plain records count. */
    private static Duration longestTtl(DnsRecord a, DnsRecord b) {
        long ttl = Math.max(a.ttl() == null ? 0 : a.ttl(), b.ttl() == null ? 0 : b.ttl());
        return ttl == 0 ? null : Duration.ofSeconds(ttl);
    }

    private static String shown(List<DnsRecord> records) {
        StringBuilder b = new StringBuilder();
        for (DnsRecord r : records) {
            if (r.setIdentifier() == null) continue;
            b.append(b.length() == 0 ? "" : ", ").append(r.setIdentifier()).append('=')
                    .append(r.weight() == null ? r.policy() : r.weight());
        }
        return b.length() == 0 ? "(no weighted records)" : b.toString();
    }

    private static Map<String, Object> recordJson(DnsRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Name", r.name());
        m.put("Type", r.type());
        m.put("SetIdentifier", r.setIdentifier());
        m.put("Weight", r.weight());
        if (r.ttl() != null) m.put("TTL", r.ttl());
        if (!r.values().isEmpty()) m.put("ResourceRecords", r.values().stream().map(v -> Map.of("Value", v)).toList());
        if (r.alias() != null) {
            Map<String, Object> alias = new LinkedHashMap<>();
            alias.put("HostedZoneId", r.alias().hostedZoneId());
            alias.put("DNSName", r.alias().dnsName());
            alias.put("EvaluateTargetHealth", r.alias().evaluateTargetHealth());
            m.put("AliasTarget", alias);
        }
        if (r.healthCheckId() != null) m.put("HealthCheckId", r.healthCheckId());
        return m;
    }
}
