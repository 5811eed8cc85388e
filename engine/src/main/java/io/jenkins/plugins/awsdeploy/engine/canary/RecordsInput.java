package io.jenkins.plugins.awsdeploy.engine.canary;

import io.jenkins.plugins.awsdeploy.engine.Problem;
import io.jenkins.plugins.awsdeploy.engine.params.CanaryParameters;
import io.jenkins.plugins.awsdeploy.engine.routing.Route53Records;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A canary's Route 53 parameters as the user gave them, checked before any call: Route 53 itself (and moto even
 * more so) accepts much that would make the deployment fail halfway or change the wrong record.
 */
record RecordsInput(String hostedZoneId, String recordName, String recordType, String stableSetIdentifier,
                    String canarySetIdentifier) {

    static final List<String> TYPES = List.of("A", "AAAA", "CNAME");
    private static final Pattern ZONE_ID = Pattern.compile("[A-Z0-9]{1,32}");
    /** Letters, digits, hyphens and underscores per label; a leading "*" label for a wildcard. */
    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");
    /** Route 53 takes set identifiers of 1 to 128 characters. */
    private static final int MAX_SET_IDENTIFIER = 128;

    /** Whether any of them was given: the user meant this router. */
    boolean given() {
        return present(hostedZoneId) || present(recordName) || present(recordType) || present(stableSetIdentifier)
                || present(canarySetIdentifier);
    }

    /** The spec, or null with the problems added. */
    Route53Records toSpec(List<Problem> problems) {
        int before = problems.size();
        String zone = zone(problems);
        String name = name(problems);
        String type = present(recordType) ? recordType.trim().toUpperCase(Locale.ROOT) : CanaryParameters.RECORD_TYPE.defaultValue();
        if (!TYPES.contains(type)) {
            problems.add(new Problem("recordType", "'" + recordType + "' is not one of " + String.join(", ", TYPES)));
        }
        String stable = setIdentifier("stableSetIdentifier", stableSetIdentifier, problems);
        String canary = setIdentifier("canarySetIdentifier", canarySetIdentifier, problems);
        if (stable != null && stable.equals(canary)) {
            problems.add(new Problem("canarySetIdentifier", "is the same record as stableSetIdentifier ('" + stable + "')"));
        }
        return problems.size() > before ? null : new Route53Records(zone, name, type, stable, canary);
    }

    /** {@code /hostedzone/Z123} as the console and some CLI output show it is the zone {@code Z123}. */
    private String zone(List<Problem> problems) {
        if (!present(hostedZoneId)) {
            problems.add(new Problem("hostedZoneId", "is required with recordName: the id of the hosted zone, like Z0123456789ABCDEFGHIJ"));
            return null;
        }
        String z = hostedZoneId.trim();
        if (z.startsWith("/hostedzone/")) z = z.substring("/hostedzone/".length());
        if (!ZONE_ID.matcher(z).matches()) {
            problems.add(new Problem("hostedZoneId", "'" + hostedZoneId + "' is not a hosted zone id (capital letters and digits,"
                    + " like Z0123456789ABCDEFGHIJ)"));
            return null;
        }
        return z;
    }

    private String name(List<Problem> problems) {
        if (!present(recordName)) {
            problems.add(new Problem("recordName", "is required with hostedZoneId: the name of the weighted records, like api.example.com"));
            return null;
        }
        String n = recordName.trim().toLowerCase(Locale.ROOT);
        n = n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
        String[] labels = n.split("\\.", -1);
        boolean ok = !n.isEmpty() && n.length() <= 253;
        for (int i = 0; ok && i < labels.length; i++) {
            ok = LABEL.matcher(labels[i]).matches() || (i == 0 && labels[i].equals("*") && labels.length > 1);
        }
        if (!ok) {
            problems.add(new Problem("recordName", "'" + recordName + "' is not a DNS name: dot-separated labels of letters,"
                    + " digits, hyphens and underscores (at most 63 characters each, 253 in all), optionally \"*.\" first"));
            return null;
        }
        return n + ".";
    }

    private static String setIdentifier(String parameter, String value, List<Problem> problems) {
        if (!present(value)) {
            problems.add(new Problem(parameter, "is required with recordName: the set identifier of a weighted record"));
            return null;
        }
        if (value.length() > MAX_SET_IDENTIFIER) {
            problems.add(new Problem(parameter, "is " + value.length() + " characters long; Route 53 takes at most "
                    + MAX_SET_IDENTIFIER));
            return null;
        }
        if (!value.equals(value.trim())) {
            // A set identifier is matched exactly: " blue" is another record than "blue".
            problems.add(new Problem(parameter, "'" + value + "' starts or ends with a space"));
            return null;
        }
        return value;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
