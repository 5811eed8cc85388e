package io.jenkins.plugins.awsdeploy.engine.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Writes the samples for a person to look at: {@code -Dtimeline.samples=/some/dir}. Skipped otherwise. */
class TimelineChartSampleTest {

    @Test
    void writeSamples() throws Exception {
        String dir = System.getProperty("timeline.samples");
        Assumptions.assumeTrue(dir != null && !dir.isBlank(), "no -Dtimeline.samples directory given");
        Map<String, List<DeploymentEvent>> samples = Map.of(
                "timeline-sample", SampleHistories.realisticRollback(),
                "timeline-short", SampleHistories.shortRollback(),
                "timeline-success", SampleHistories.success(),
                "timeline-hours", SampleHistories.declinedAfterHours(),
                "timeline-seconds", SampleHistories.tenSeconds(),
                "timeline-empty", List.of());
        for (var sample : samples.entrySet()) {
            Path file = Path.of(dir, sample.getKey() + ".svg");
            TimelineChart.write(file, "checkout-service v2.14.0 \u2192 prod-eu-west-1 (canary)", sample.getValue(), null);
            assertThat(Files.size(file)).isPositive();
        }
    }
}
