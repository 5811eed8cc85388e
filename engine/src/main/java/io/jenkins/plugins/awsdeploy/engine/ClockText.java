package io.jenkins.plugins.awsdeploy.engine;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The time of day as the engine's messages and both shells' pages show it, in UTC and marked so ({@code 14:03:27Z}):
 * a deadline read on the Jenkins approval page must mean the same moment as in the build log of an agent elsewhere.
 */
public final class ClockText {

    public static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ClockText() {
    }

    public static String format(Instant at) {
        return UTC.format(at);
    }
}
