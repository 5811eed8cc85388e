package io.jenkins.plugins.awsdeploy.engine.aws;

import java.util.List;

/**
 * One Route 53 record set as the engine needs it: its identity, its weight and everything a person would have to
 * copy to write it back unchanged (the restore command carries them all).
 *
 * @param setIdentifier null for a record without a routing policy
 * @param weight        null when the record is not weighted
 * @param policy        its routing policy in words: {@code weighted}, {@code simple}, {@code failover}, ...
 * @param ttl           seconds; null for an alias record, whose TTL is its target's
 * @param values        the record's values (addresses, a host name); empty for an alias record
 * @param alias         null unless it is an alias record
 * @param healthCheckId null when none is attached
 */
public record DnsRecord(String name, String type, String setIdentifier, Long weight, String policy, Long ttl,
                        List<String> values, Alias alias, String healthCheckId) {

    public DnsRecord {
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** The target of an alias record. */
    public record Alias(String hostedZoneId, String dnsName, boolean evaluateTargetHealth) {
    }

    public boolean weighted() {
        return setIdentifier != null && weight != null;
    }

    public DnsRecord withWeight(long w) {
        return new DnsRecord(name, type, setIdentifier, w, policy, ttl, values, alias, healthCheckId);
    }

    /**
     * A record name as Route 53 compares it: lower case, with the trailing dot ({@code API.example.com} and
     * {@code api.example.com.} are one name), and the wildcard as Route 53 lists it ({@code \052}).
     */
    public static String normalName(String name) {
        String n = name.trim().toLowerCase(java.util.Locale.ROOT).replace("*", "\\052");
        return n.endsWith(".") ? n : n + ".";
    }
}
