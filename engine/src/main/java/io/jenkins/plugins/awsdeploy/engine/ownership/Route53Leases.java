package io.jenkins.plugins.awsdeploy.engine.ownership;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.NoSuchHostedZoneException;
import software.amazon.awssdk.services.route53.model.Tag;
import software.amazon.awssdk.services.route53.model.TagResourceType;

/**
 * Markers on Route 53 weighted records, stored as tags of their hosted zone (ListTagsForResource,
 * ChangeTagsForResource): record sets carry no tags of their own. A deployment holds one record name and type,
 * not the whole zone, so each gets ONE tag of its own, {@code aws-deploy:lease:NAME/TYPE} = {@code UNTIL ID OWNER}:
 * two canaries on two names of one zone do not block each other, and a zone (at most 10 tags) has room for several.
 *
 * <p>A marked record is addressed as {@link #address}: its zone's ARN with the name and type appended (Route 53
 * gives record sets no ARN).
 */
public final class Route53Leases implements LeasePort {

    private static final Pattern ADDRESS = Pattern.compile("arn:aws[a-z-]*:route53:::hostedzone/([^/]+)/recordset/(.+)/([A-Z]+)");
    private static final String KEY_PREFIX = "aws-deploy:lease:";
    private static final int MAX_KEY = 128;

    private final Route53Client route53;

    public Route53Leases(Route53Client route53) {
        this.route53 = route53;
    }

    /** How a record set is named where an ARN is expected: in ownership markers and claims. */
    public static String address(String zoneId, String normalName, String type) {
        return "arn:aws:route53:::hostedzone/" + zoneId + "/recordset/" + normalName + "/" + type;
    }

    @Override
    public Optional<Lease> read(String address) {
        Place p = place(address);
        try {
            return route53.listTagsForResource(r -> r.resourceType(TagResourceType.HOSTEDZONE).resourceId(p.zone()))
                    .resourceTagSet().tags().stream().filter(t -> t.key().equals(p.key())).findFirst()
                    .flatMap(t -> fromValue(t.value()));
        } catch (NoSuchHostedZoneException e) {
            return Optional.empty();
        }
    }

    @Override
    public void write(String address, Lease lease) {
        Place p = place(address);
        Tag tag = Tag.builder().key(p.key()).value(toValue(lease)).build();
        route53.changeTagsForResource(r -> r.resourceType(TagResourceType.HOSTEDZONE).resourceId(p.zone()).addTags(tag));
    }

    @Override
    public void remove(String address) {
        Place p = place(address);
        route53.changeTagsForResource(r -> r.resourceType(TagResourceType.HOSTEDZONE).resourceId(p.zone())
                .removeTagKeys(p.key()));
    }

    /** {@code 2026-12-03T14:30:00Z 3f2a... jenkins.example.com build 42}: the fixed-form parts first, the free text last. */
    static String toValue(Lease lease) {
        return Lease.tagValue(lease.until() + " " + lease.deploymentId().replace(' ', '_') + " " + lease.owner());
    }

    static Optional<Lease> fromValue(String value) {
        String[] parts = value.split(" ", 3);
        if (parts.length < 2 || parts[1].isBlank()) return Optional.empty();
        Instant until;
        try {
            until = Instant.parse(parts[0]);
        } catch (DateTimeParseException e) {
            until = Instant.EPOCH; // unreadable: it still names its deployment, but holds nothing
        }
        return Optional.of(new Lease(parts[1], parts.length == 3 ? parts[2] : "an unknown owner", until));
    }

    /** The tag key of one record: readable where it fits, else cut and made unique by a digest of the whole. */
    static String key(String normalName, String type) {
        String whole = KEY_PREFIX + normalName + "/" + type;
        String clean = whole.replaceAll("[^\\p{L}\\p{N} _.:/=+\\-@]", "_");
        if (clean.length() <= MAX_KEY && clean.equals(whole)) return clean;
        String digest = sha256(whole).substring(0, 16);
        String head = clean.length() > MAX_KEY - 17 ? clean.substring(0, MAX_KEY - 17) : clean;
        return head + "@" + digest;
    }

    private static Place place(String address) {
        Matcher m = ADDRESS.matcher(address);
        if (!m.matches()) throw new IllegalArgumentException("not a Route 53 record set's marker address: " + address);
        return new Place(m.group(1), key(m.group(2), m.group(3)));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private record Place(String zone, String key) {
    }
}
