package io.jenkins.plugins.awsdeploy;

/**
 * Short, readable names for ARNs in titles and summaries. A listener ARN
 * ({@code ...:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2}) reads as {@code web/f2f7dc8e}.
 */
final class ArnNames {

    private ArnNames() {
    }

    static String listener(String arn) {
        return afterType(arn, ":listener/");
    }

    static String rule(String arn) {
        return afterType(arn, ":listener-rule/");
    }

    /** {@code app/NAME/LB-ID/LISTENER-ID[/RULE-ID]} becomes NAME and the last id, shortened. */
    private static String afterType(String arn, String marker) {
        int at = arn.indexOf(marker);
        if (at < 0) return arn;
        String[] parts = arn.substring(at + marker.length()).split("/");
        if (parts.length < 3) return arn;
        String last = parts[parts.length - 1];
        return parts[1] + "/" + (last.length() > 8 ? last.substring(0, 8) : last);
    }
}
