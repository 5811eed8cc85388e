package io.jenkins.plugins.awsdeploy.engine.analysis;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One judged interval: both sides' figures and the verdict, as the checkpoint keeps it and the events, the JSON
 * lines, the timeline and the build page show it.
 *
 * @param stable the stable side's figures; {@link SideFigures#NONE} when the metrics could not be read
 * @param reason why it failed or was inconclusive, a sentence naming the metric and both values; empty on a pass
 */
public record Judgement(Instant start, Instant end, SideFigures stable, SideFigures canary, Verdict verdict,
                        String reason) implements Serializable {

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    public Judgement {
        reason = reason == null ? "" : reason;
    }

    /** {@code 12:01-12:02} (UTC) */
    public String span() {
        return span(start, end);
    }

    static String span(Instant start, Instant end) {
        return HM.format(start) + "-" + HM.format(end);
    }

    /**
     * The event line: {@code analysis 12:01-12:02: fail: 5xx rate 15.0% (30 of 200) on the new side vs 0.5% (9 of 1800)
     * on the stable side, latency 120 ms vs 80 ms; 5xx rate ... }.
     */
    public String describe(String errorName) {
        if (stable == SideFigures.NONE && canary == SideFigures.NONE && verdict == Verdict.FAIL) {
            return "analysis " + span() + ": fail: " + reason;
        }
        String figures = errorName + " " + canary.rateText() + " on the new side vs " + stable.rateText()
                + " on the stable side, latency " + canary.latencyText() + " vs " + stable.latencyText();
        return "analysis " + span() + ": " + verdict.word() + ": " + figures + (reason.isEmpty() ? "" : "; " + reason);
    }
}
