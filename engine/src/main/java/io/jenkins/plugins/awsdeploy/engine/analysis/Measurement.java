package io.jenkins.plugins.awsdeploy.engine.analysis;

/** Both sides' figures for one interval, as a {@link MetricSource} reads them from the answer of one call. */
public record Measurement(SideFigures stable, SideFigures canary) {
}
