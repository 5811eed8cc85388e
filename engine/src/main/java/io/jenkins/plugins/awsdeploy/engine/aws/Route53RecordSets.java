package io.jenkins.plugins.awsdeploy.engine.aws;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.InvalidChangeBatchException;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.NoSuchHostedZoneException;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/** {@link RecordsPort} on Route 53 (ListResourceRecordSets, ChangeResourceRecordSets, GetChange). */
final class Route53RecordSets implements RecordsPort {

    private final Route53Client route53;

    Route53RecordSets(Route53Client route53) {
        this.route53 = route53;
    }

    @Override
    public Optional<List<DnsRecord>> read(String zoneId, String name, String type) {
        return sets(zoneId, name, type).map(sets -> sets.stream().map(Route53RecordSets::record).toList());
    }

    @Override
    public RecordsChange write(String zoneId, String name, String type, Predicate<List<DnsRecord>> guard,
                               Map<String, Long> next) {
        List<ResourceRecordSet> sets = sets(zoneId, name, type)
                .orElseThrow(() -> new IllegalStateException("the hosted zone " + zoneId + " no longer exists"));
        List<DnsRecord> found = sets.stream().map(Route53RecordSets::record).toList();
        Map<String, ResourceRecordSet> byId = new HashMap<>();
        sets.forEach(s -> byId.put(s.setIdentifier(), s));
        if (!guard.test(found) || !byId.keySet().containsAll(next.keySet())) return new RecordsChange(found, null);
        // Each record DELETEd exactly as read and CREATEd with only its weight changed. Route 53 rejects the whole
        // batch when a DELETE does not match the record field for field, so a change by someone else between the
        // read and this write (weights, TTL, values, alias target, health check) is never overwritten: the batch
        // is the conditional write Route 53 has no other way to express. An UPSERT would overwrite it silently.
        List<Change> changes = new ArrayList<>();
        next.forEach((id, w) -> {
            ResourceRecordSet asRead = byId.get(id);
            changes.add(Change.builder().action(ChangeAction.DELETE).resourceRecordSet(asRead).build());
            changes.add(Change.builder().action(ChangeAction.CREATE)
                    .resourceRecordSet(asRead.toBuilder().weight(w).build()).build());
        });
        String id;
        try {
            id = route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(changes)
                    .comment("aws-deploy: weights " + next))).changeInfo().id();
        } catch (InvalidChangeBatchException e) {
            // Changed by someone else since the read: nothing was written; report what is there now.
            List<DnsRecord> now = read(zoneId, name, type)
                    .orElseThrow(() -> new IllegalStateException("the hosted zone " + zoneId + " no longer exists"));
            return new RecordsChange(now, null);
        }
        return new RecordsChange(found, bareChangeId(id));
    }

    @Override
    public boolean inSync(String changeId) {
        // The SDK escapes the slash of "/change/C123" into a path that does not exist: pass the bare id.
        return route53.getChange(r -> r.id(bareChangeId(changeId))).changeInfo().status() == ChangeStatus.INSYNC;
    }

    static String bareChangeId(String id) {
        return id.startsWith("/change/") ? id.substring("/change/".length()) : id;
    }

    /** The record sets of exactly this name and type, following the listing across pages. */
    private Optional<List<ResourceRecordSet>> sets(String zoneId, String name, String type) {
        String wanted = DnsRecord.normalName(name);
        Map<String, ResourceRecordSet> found = new LinkedHashMap<>();
        String startName = wanted;
        String startType = type;
        String startId = null;
        try {
            while (true) {
                String n = startName;
                String t = startType;
                String i = startId;
                ListResourceRecordSetsResponse page = route53.listResourceRecordSets(r -> r.hostedZoneId(zoneId)
                        .startRecordName(n).startRecordType(t).startRecordIdentifier(i).maxItems("100"));
                boolean past = false;
                for (ResourceRecordSet s : page.resourceRecordSets()) {
                    if (DnsRecord.normalName(s.name()).equals(wanted) && s.typeAsString().equals(type)) {
                        found.putIfAbsent(String.valueOf(s.setIdentifier()), s);
                    } else if (!found.isEmpty()) {
                        past = true;
                    }
                }
                if (past || !Boolean.TRUE.equals(page.isTruncated()) || page.nextRecordName() == null
                        || !DnsRecord.normalName(page.nextRecordName()).equals(wanted)) {
                    break;
                }
                startName = page.nextRecordName();
                startType = page.nextRecordTypeAsString();
                startId = page.nextRecordIdentifier();
            }
        } catch (NoSuchHostedZoneException e) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(found.values()));
    }

    private static DnsRecord record(ResourceRecordSet s) {
        DnsRecord.Alias alias = s.aliasTarget() == null ? null : new DnsRecord.Alias(s.aliasTarget().hostedZoneId(),
                s.aliasTarget().dnsName(), Boolean.TRUE.equals(s.aliasTarget().evaluateTargetHealth()));
        return new DnsRecord(DnsRecord.normalName(s.name()), s.typeAsString(), s.setIdentifier(), s.weight(), policy(s),
                s.ttl(), s.resourceRecords().stream().map(ResourceRecord::value).toList(), alias, s.healthCheckId());
    }

    private static String policy(ResourceRecordSet s) {
        if (s.weight() != null) return "weighted";
        if (s.failover() != null) return "failover";
        if (s.geoLocation() != null) return "geolocation";
        if (s.region() != null) return "latency";
        if (Boolean.TRUE.equals(s.multiValueAnswer())) return "multivalue answer";
        if (s.cidrRoutingConfig() != null) return "IP-based";
        if (s.geoProximityLocation() != null) return "geoproximity";
        return s.setIdentifier() == null ? "simple" : "unknown";
    }
}
