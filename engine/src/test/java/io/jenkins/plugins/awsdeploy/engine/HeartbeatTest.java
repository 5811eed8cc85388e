package io.jenkins.plugins.awsdeploy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsdeploy.engine.canary.CanaryCheckpoint;
import io.jenkins.plugins.awsdeploy.engine.canary.CanaryRequest;
import io.jenkins.plugins.awsdeploy.engine.testing.FakeAws;
import io.jenkins.plugins.awsdeploy.engine.testing.Ticker;
import io.jenkins.plugins.awsdeploy.engine.testing.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The heartbeat cadence of a log that cannot redraw, over a canary run in virtual time as a shell drives it. */
class HeartbeatTest {

    final VirtualClock clock = new VirtualClock();

    /** A log as a shell writes it: every event, and a heartbeat whenever one is due while the deployment waits. */
    record Line(Instant at, boolean heartbeat, String text) {
    }

    List<Line> run(String bake, Duration every) {
        CanaryRequest request = new CanaryRequest().listenerArn(FakeAws.LISTENER).stableTargetGroup(FakeAws.BLUE_TG)
                .canaryTargetGroup(FakeAws.GREEN_TG).steps(List.of(10, 50, 100)).bake(bake).poll("5s")
                .alarms(List.of("5xx")).region("us-east-1");
        Ticker t = new Ticker(new Engine(FakeAws.standard().ports(), clock), clock, CanaryCheckpoint.start(request.toSpec()));
        Heartbeat heartbeat = new Heartbeat(every, clock.instant());
        EventLine format = new EventLine(ZoneOffset.UTC);
        List<Line> log = new ArrayList<>();
        int seen = 0;
        while (t.step()) {
            for (DeploymentEvent e : t.events().subList(seen, t.events().size())) {
                log.add(new Line(e.at(), false, format.format(e)));
                heartbeat.wrote(e.at());
            }
            seen = t.events().size();
            // Only while it waits: a tick due at once (the step after a bake) tells its own event.
            boolean waiting = t.wakeAt() != null && t.wakeAt().isAfter(clock.instant());
            if (waiting && heartbeat.due(clock.instant())) {
                log.add(new Line(clock.instant(), true, format.format(Progress.of(t.checkpoint(), clock.instant()))));
                heartbeat.wrote(clock.instant());
            }
        }
        return log;
    }

    @Test
    void aLongBakeGetsALineEveryMinuteAndNeverALongerSilence() {
        List<Line> log = run("10m", Duration.ofMinutes(1));

        // Three bakes of 10 minutes: nine heartbeats in each, the tenth minute ends with the next event.
        assertThat(log).filteredOn(Line::heartbeat).hasSize(27);
        for (int i = 1; i < log.size(); i++) {
            assertThat(Duration.between(log.get(i - 1).at(), log.get(i).at())).isLessThanOrEqualTo(Duration.ofMinutes(1));
        }
        assertThat(log).filteredOn(Line::heartbeat).first().extracting(Line::text)
                .isEqualTo("12:01:00  status: baking step 1/3 at 10%, 9m of 10m left | traffic 90/10 (stable/new)"
                        + " | alarms: 5xx OK | next: shift to 50%");
    }

    @Test
    void aBusyStretchGetsNoHeartbeatBetweenItsEvents() {
        // Bakes of 30 s: an event at least every 30 s, so a minute of silence never comes.
        assertThat(run("30s", Duration.ofMinutes(1))).noneMatch(Line::heartbeat);
    }

    @Test
    void zeroTurnsTheHeartbeatOff() {
        assertThat(run("10m", Duration.ZERO)).noneMatch(Line::heartbeat);
        assertThat(new Heartbeat(Duration.ZERO, clock.instant()).nextDue()).isNull();
    }

    @Test
    void theParameterTakesDurationsAndZeroAndNamesItselfWhenWrong() {
        assertThat(Heartbeat.parse("heartbeat", null)).isEqualTo(Heartbeat.DEFAULT);
        assertThat(Heartbeat.parse("heartbeat", "0")).isZero();
        assertThat(Heartbeat.parse("heartbeat", "30s")).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> Heartbeat.parse("heartbeat", "soon")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("heartbeat");
        assertThatThrownBy(() -> Heartbeat.parse("heartbeat", "2d")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Heartbeat.parse("heartbeat", "48h")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("outside 1s..24h");
        assertThatThrownBy(() -> Heartbeat.parse("heartbeat", "99999999999999999999h")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("longer than 7 days");
    }
}
