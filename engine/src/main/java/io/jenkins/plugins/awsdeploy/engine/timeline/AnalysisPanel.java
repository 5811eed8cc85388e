package io.jenkins.plugins.awsdeploy.engine.timeline;

import io.jenkins.plugins.awsdeploy.engine.analysis.Judgement;
import io.jenkins.plugins.awsdeploy.engine.analysis.Verdict;
import java.util.List;
import java.util.Locale;

/**
 * The lower panel of a timeline with a canary analysis: per judged interval, both sides' error rates as a pair of bars
 * on the traffic panel's time axis (stable left, new right), a failed interval's new-side bar in red and an
 * inconclusive pair faded. The scale runs to the highest rate, at least 1%, so that a small difference stays visible.
 */
final class AnalysisPanel {

    /** What the panel adds to the picture's height. */
    static final int HEIGHT = 130;

    private static final String INK = "#1f2328", MUTED = "#59636e", GRID = "#d8dee4", CANARY = "#0969da",
            STABLE = "#8c959f", FAIL = "#cf222e";

    private AnalysisPanel() {
    }

    /** @param top where the panel begins: the bottom of the picture without it */
    static void draw(Svg svg, PlotArea plot, List<Judgement> judged, double top) {
        double from = top + 20, to = top + HEIGHT - 24;
        double max = Math.max(1, Math.ceil(judged.stream()
                .mapToDouble(j -> Math.max(j.stable().errorRate(), j.canary().errorRate()) * 100).max().orElse(0)));
        for (double share : new double[] {0, 0.5, 1}) {
            double y = to - (to - from) * share;
            svg.add("line", "x1", PlotArea.LEFT, "y1", y, "x2", PlotArea.RIGHT, "y2", y, "stroke", share == 0 ? MUTED : GRID,
                    "stroke-width", 1);
            svg.text(percent(max * share), "x", PlotArea.LEFT - 8, "y", y + 4, "text-anchor", "end", "fill", MUTED);
        }
        double middle = (from + to) / 2;
        svg.text("error rate", "x", 16, "y", middle, "text-anchor", "middle", "fill", MUTED,
                "transform", "rotate(-90 16 " + Svg.num(middle) + ")");
        svg.text("canary analysis: error rate per interval, stable side (grey) vs new side (blue; red: failed; faded: "
                + "inconclusive)", "x", PlotArea.LEFT, "y", from - 8, "font-size", 10, "fill", INK);
        for (Judgement j : judged) {
            double left = clamp(plot.xOf(j.start())), right = clamp(plot.xOf(j.end()));
            double gap = Math.min(2, (right - left) / 6), width = Math.max(0.5, (right - left) / 2 - gap);
            double opacity = j.verdict() == Verdict.INCONCLUSIVE ? 0.35 : 1;
            bar(svg, left + gap, width, j.stable().errorRate() * 100, max, from, to, STABLE, opacity);
            bar(svg, left + gap + width, width, j.canary().errorRate() * 100, max, from, to,
                    j.verdict() == Verdict.FAIL ? FAIL : CANARY, opacity);
        }
    }

    private static void bar(Svg svg, double x, double width, double rate, double max, double from, double to, String color,
                            double opacity) {
        double height = Math.max(1, (to - from) * rate / max);
        svg.add("rect", "x", x, "y", to - height, "width", width, "height", height, "fill", color, "fill-opacity", opacity);
    }

    private static double clamp(double x) {
        return Math.max(PlotArea.LEFT, Math.min(PlotArea.RIGHT, x));
    }

    private static String percent(double p) {
        return p == Math.rint(p) ? String.format(Locale.ROOT, "%.0f%%", p) : String.format(Locale.ROOT, "%.1f%%", p);
    }
}
