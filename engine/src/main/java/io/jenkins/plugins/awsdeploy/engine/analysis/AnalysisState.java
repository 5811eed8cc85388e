package io.jenkins.plugins.awsdeploy.engine.analysis;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How far the analysis of one deployment got, kept in its checkpoint so that a restarted process neither judges an
 * interval twice nor skips one.
 *
 * @param next       the start of the next interval to judge; intervals lie on a grid of whole intervals since the epoch,
 *                   as CloudWatch's periods do
 * @param stopAt     when all traffic went to the new side: intervals that start then or later have no stable side to
 *                   compare with and are not judged; null while both sides serve
 * @param judgements every judged interval, oldest first
 */
public record AnalysisState(Instant next, Instant stopAt, List<Judgement> judgements) implements Serializable {

    public AnalysisState {
        judgements = List.copyOf(judgements == null ? List.of() : judgements);
    }

    /** The analysis of traffic that reached the new side at {@code from}: the first whole interval after it. */
    public static AnalysisState from(Instant from, Duration interval) {
        long size = interval.toSeconds();
        long s = from.getEpochSecond();
        long start = (s % size == 0 && from.getNano() == 0) ? s : (Math.floorDiv(s, size) + 1) * size;
        return new AnalysisState(Instant.ofEpochSecond(start), null, List.of());
    }

    public AnalysisState stoppedAt(Instant at) {
        return new AnalysisState(next, stopAt == null ? at : stopAt, judgements);
    }

    AnalysisState judged(Judgement j, Duration interval) {
        List<Judgement> all = new ArrayList<>(judgements);
        all.add(j);
        return new AnalysisState(next.plus(interval), stopAt, all);
    }

    /** Whether the interval starting at {@link #next} may be judged at {@code now}. */
    boolean due(Instant now, AnalysisSpec spec) {
        return hasNext() && !next.plus(spec.interval()).plus(spec.delay()).isAfter(now);
    }

    /** Whether an interval with a stable side to compare is still to come. */
    public boolean hasNext() {
        return stopAt == null || next.isBefore(stopAt);
    }

    /** When the next interval can be judged; null when none is left. */
    public Instant nextDue(AnalysisSpec spec) {
        return hasNext() ? next.plus(spec.interval()).plus(spec.delay()) : null;
    }

    /** Failed intervals at the end, in a row; an inconclusive one neither counts nor breaks the row. */
    public int failuresInARow() {
        int n = 0;
        for (int i = judgements.size() - 1; i >= 0; i--) {
            Verdict v = judgements.get(i).verdict();
            if (v == Verdict.PASS) break;
            if (v == Verdict.FAIL) n++;
        }
        return n;
    }

    /** Whether an interval that started at or after {@code since} passed. */
    public boolean passedSince(Instant since) {
        return judgements.stream().anyMatch(j -> j.verdict() == Verdict.PASS && !j.start().isBefore(since));
    }
}
