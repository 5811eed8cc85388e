package io.jenkins.plugins.awsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.AlarmState;
import io.jenkins.plugins.awsdeploy.engine.Progress;
import io.jenkins.plugins.awsdeploy.engine.Split;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The live line against a scripted terminal: it is redrawn in place, and events go above it. */
class StatusLineTest {

    final StringWriter written = new StringWriter();
    final StatusLine line = new StatusLine(new PrintWriter(written), 160, true);
    final Instant start = Instant.parse("2026-12-01T14:00:00Z");

    Progress baking(int secondsIn) {
        return new Progress(start.plusSeconds(secondsIn), Progress.Phase.BAKING, "baking step 2/3 at 50%", start,
                start.plus(Duration.ofMinutes(5)), new Split(50, 50), "stable/new", Map.of("5xx", AlarmState.OK),
                "shift to 100%");
    }

    @Test
    void eachPollRedrawsTheSameLineAndNeverScrolls() {
        for (int s = 0; s <= 300; s += 5) line.draw(line.render(baking(s)));

        ScriptedScreen screen = ScriptedScreen.of(written.toString());
        assertThat(screen.scrolls()).isZero();
        assertThat(screen.redraws()).isEqualTo(61);
        assertThat(screen.current()).isEqualTo("baking step 2/3 at 50% [████████████████] 0s of 5m left · 50/50 (stable/new)"
                + " · alarms: 5xx OK · next: shift to 100%");
    }

    @Test
    void theBarAndTheTimeLeftFollowTheWait() {
        assertThat(line.render(baking(75))).isEqualTo("baking step 2/3 at 50% [████░░░░░░░░░░░░] 3m45s of 5m left"
                + " · 50/50 (stable/new) · alarms: 5xx OK · next: shift to 100%");
        StatusLine ascii = new StatusLine(new PrintWriter(new StringWriter()), 100, false);
        assertThat(ascii.render(baking(150))).startsWith("baking step 2/3 at 50% [########........] 2m30s of 5m left | 50/50");
    }

    @Test
    void anEventGoesAboveTheLineWhichIsDrawnAgainBelowIt() {
        line.draw("baking, 3m left");
        line.above(new PrintWriter(written), "14:02:05  alarm 5xx OK → ALARM");
        line.draw("rolling back");

        ScriptedScreen screen = ScriptedScreen.of(written.toString());
        assertThat(screen.lines()).containsExactly("14:02:05  alarm 5xx OK → ALARM");
        assertThat(screen.current()).isEqualTo("rolling back");
        assertThat(screen.scrolls()).isEqualTo(1);
    }

    @Test
    void aLineLongerThanTheTerminalIsCutSoThatItCannotWrap() {
        StatusLine narrow = new StatusLine(new PrintWriter(written), 40, true);
        narrow.draw(narrow.render(baking(60)));

        String shown = ScriptedScreen.of(written.toString()).current();
        assertThat(shown).hasSize(39).endsWith("…");
    }

    @Test
    void erasingLeavesAnEmptyLine() {
        line.draw("waiting");
        line.erase();
        assertThat(ScriptedScreen.of(written.toString()).current()).isEmpty();
    }
}
