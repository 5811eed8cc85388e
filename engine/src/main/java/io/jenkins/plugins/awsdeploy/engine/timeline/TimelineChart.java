package io.jenkins.plugins.awsdeploy.engine.timeline;

import io.jenkins.plugins.awsdeploy.engine.AtomicFile;
import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Progress;
import io.jenkins.plugins.awsdeploy.engine.analysis.Judgement;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Draws a deployment's history as one self-contained SVG: the share of traffic on the new side over time, and the
 * moments that explain its shape (alarms, approvals, rollbacks, the outcome); with a canary analysis, a lower panel
 * with both sides' error rates per judged interval ({@link AnalysisPanel}). The same events always give the same
 * bytes, so a picture can be archived next to the build and compared.
 */
public final class TimelineChart {

    public static final int WIDTH = 900;
    public static final int HEIGHT = 360;

    private static final String INK = "#1f2328", MUTED = "#59636e", GRID = "#d8dee4", CANARY = "#0969da",
            STABLE = "#8c959f", BAKING = "#eef1f4", ALARM = "#cf222e", APPROVAL = "#8250df", ABORT = "#9a6700",
            ROLLBACK = "#e16f24", SUCCESS = "#1a7f37", FAILURE = "#82071e";
    private static final double LANE_TOP = 64, LANE_HEIGHT = 12;
    private static final int LANES = 3, MAX_LABEL = 34;
    /** Average advance of DejaVu Sans, the widest of the fonts asked for, per pixel of font size. */
    private static final double CHAR_EM = 0.56;
    /** A white outline keeps text readable where it crosses a line. */
    private static final String HALO = "paint-order:stroke;stroke:#ffffff;stroke-width:3px;stroke-linejoin:round";
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private record Mark(Instant at, String label, String color, String legend) {}

    private record Label(String text, double x, double y, String anchor, String color) {}

    private record Swatch(String color, String shape) {}

    private record Outcome(String text, String color) {}

    private TimelineChart() {
    }

    public static String render(String title, List<DeploymentEvent> history) {
        return render(title, history, null);
    }

    /**
     * @param end where the time axis stops, for a deployment still running or one whose last event came early;
     *            null (or anything before the last event) to stop at the last event. The last split is carried
     *            forward to it.
     */
    public static String render(String title, List<DeploymentEvent> history, Instant end) {
        return draw(title, history, end, null);
    }

    /**
     * A deployment still running, as it stands at {@code now.at()}: the axis runs on to the end of the current wait,
     * a line marks "now", and the rest of the wait is outlined with the time left.
     */
    public static String renderRunning(String title, List<DeploymentEvent> history, Progress now) {
        return draw(title, history, now.at(), now);
    }

    private static String draw(String title, List<DeploymentEvent> history, Instant end, Progress now) {
        List<DeploymentEvent> events = new ArrayList<>(history);
        // A stable sort: events of the same instant keep the order the engine wrote them in.
        events.sort(Comparator.comparing(DeploymentEvent::at));
        List<Judgement> judged = events.stream().map(DeploymentEvent::judgement).filter(Objects::nonNull).toList();
        int height = judged.isEmpty() ? HEIGHT : HEIGHT + AnalysisPanel.HEIGHT;
        Svg svg = new Svg(WIDTH, height);
        svg.add("rect", "width", WIDTH, "height", height, "fill", "#ffffff");
        if (events.isEmpty()) {
            header(svg, title, "no events recorded yet", new Outcome("No events", MUTED));
            grid(svg, null);
            return svg.finish();
        }
        Instant start = events.get(0).at();
        Instant last = events.get(events.size() - 1).at();
        Instant finish = end != null && end.isAfter(last) ? end : last;
        Instant axisEnd = now != null && now.waitEnds() != null && now.waitEnds().isAfter(finish) ? now.waitEnds() : finish;
        PlotArea plot = PlotArea.covering(start, axisEnd);
        Map<String, Swatch> legend = new LinkedHashMap<>();
        if (events.stream().anyMatch(e -> e.weights() != null)) {
            legend.put("new side %", new Swatch(CANARY, "line"));
            legend.put("stable side %", new Swatch(STABLE, "dashed"));
        }
        header(svg, title, subtitle(events, start, finish), outcome(events));
        bands(svg, plot, events, finish, legend);
        grid(svg, plot);
        List<Label> labels = marks(svg, plot, events, legend);
        weights(svg, plot, events, finish);
        if (now != null) labels.addAll(now(svg, plot, now, legend));
        labels.forEach(l -> svg.text(l.text(), "x", l.x(), "y", l.y(), "font-size", 10, "fill", l.color(),
                "text-anchor", l.anchor(), "style", HALO));
        legend(svg, legend);
        if (!judged.isEmpty()) AnalysisPanel.draw(svg, plot, judged, HEIGHT);
        return svg.finish();
    }

    /** Replaces {@code file} at once, so that a reader (a build page, a browser) never sees half a picture. */
    public static void write(Path file, String title, List<DeploymentEvent> history, Instant end) throws IOException {
        AtomicFile.write(file, render(title, history, end), true);
    }

    private static void header(Svg svg, String title, String subtitle, Outcome outcome) {
        double outcomeWidth = outcome.text().length() * 14 * CHAR_EM;
        int room = (int) ((WIDTH - 40 - outcomeWidth) / (16 * 0.65));
        svg.text(shorten(title == null ? "" : title, room), "x", 16, "y", 26, "font-size", 16, "font-weight", "bold", "fill", INK);
        svg.text(subtitle, "x", 16, "y", 44, "fill", MUTED);
        svg.text(outcome.text(), "x", WIDTH - 16, "y", 26, "font-size", 14, "font-weight", "bold",
                "text-anchor", "end", "fill", outcome.color());
    }

    private static String subtitle(List<DeploymentEvent> events, Instant start, Instant finish) {
        String text = "started " + CLOCK.format(start) + "  \u00b7  " + PlotArea.elapsed(Duration.between(start, finish).toSeconds()) + " elapsed";
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).weights() != null) {
                return text + "  \u00b7  latest split: " + events.get(i).weights().canary() + "% on the new side";
            }
        }
        return text;
    }

    private static Outcome outcome(List<DeploymentEvent> events) {
        Outcome outcome = new Outcome("In progress", MUTED);
        boolean rolledBack = false;
        for (DeploymentEvent e : events) {
            switch (e.kind()) {
                case SUCCEEDED -> outcome = new Outcome("Succeeded", SUCCESS);
                case ROLLED_BACK -> {
                    rolledBack = true;
                    outcome = new Outcome("Rolled back", ALARM);
                }
                case FAILED -> outcome = new Outcome(rolledBack ? "Failed \u00b7 rolled back" : "Failed", FAILURE);
                default -> { }
            }
        }
        return outcome;
    }

    /** Shades the time spent baking and the time spent waiting for a person, which explain flat stretches. */
    private static void bands(Svg svg, PlotArea plot, List<DeploymentEvent> events, Instant finish, Map<String, Swatch> legend) {
        for (int i = 0; i < events.size(); i++) {
            EventKind kind = events.get(i).kind();
            if (kind != EventKind.BAKING && kind != EventKind.APPROVAL_REQUESTED) {
                continue;
            }
            Instant to = finish;
            for (int j = i + 1; j < events.size(); j++) {
                if (endsBand(kind, events.get(j).kind())) {
                    to = events.get(j).at();
                    break;
                }
            }
            double from = plot.xOf(events.get(i).at());
            boolean baking = kind == EventKind.BAKING;
            svg.add("rect", "x", from, "y", PlotArea.TOP, "width", Math.max(1, plot.xOf(to) - from),
                    "height", PlotArea.BOTTOM - PlotArea.TOP, "fill", baking ? BAKING : APPROVAL, "fill-opacity", baking ? 1 : 0.1);
            legend.put(baking ? "baking" : "waiting for approval", new Swatch(baking ? BAKING : "#e6dcf7", "band"));
        }
    }

    private static boolean endsBand(EventKind band, EventKind next) {
        return switch (next) {
            case APPROVED, DECLINED, ABORT_REQUESTED, ROLLBACK_STARTED, ROLLED_BACK, SUCCEEDED, FAILED -> true;
            case SHIFTED, BAKING, APPROVAL_REQUESTED -> band == EventKind.BAKING;
            default -> false;
        };
    }

    private static void grid(Svg svg, PlotArea plot) {
        for (int percent = 0; percent <= 100; percent += 25) {
            double y = PlotArea.yOf(percent);
            svg.add("line", "x1", PlotArea.LEFT, "y1", y, "x2", PlotArea.RIGHT, "y2", y,
                    "stroke", percent == 0 ? MUTED : GRID, "stroke-width", 1);
            svg.text(percent + "%", "x", PlotArea.LEFT - 8, "y", y + 4, "text-anchor", "end", "fill", MUTED);
        }
        double middle = (PlotArea.TOP + PlotArea.BOTTOM) / 2;
        svg.text("traffic on new side", "x", 16, "y", middle, "text-anchor", "middle", "fill", MUTED,
                "transform", "rotate(-90 16 " + Svg.num(middle) + ")");
        if (plot == null) {
            return;
        }
        for (long seconds : plot.tickSeconds()) {
            double x = plot.xOf(plot.start().plusSeconds(seconds));
            svg.add("line", "x1", x, "y1", PlotArea.BOTTOM, "x2", x, "y2", PlotArea.BOTTOM + 5, "stroke", MUTED);
            svg.text(plot.tickLabel(seconds), "x", x, "y", PlotArea.BOTTOM + 18, "text-anchor", "middle", "fill", MUTED);
        }
        svg.text(plot.inHours() ? "h:mm" : "m:ss", "x", PlotArea.LEFT - 24, "y", PlotArea.BOTTOM + 18,
                "text-anchor", "end", "fill", MUTED, "font-style", "italic");
    }

    /** The "now" line of a running deployment, and the rest of its current wait outlined, labelled with the time left. */
    private static List<Label> now(Svg svg, PlotArea plot, Progress now, Map<String, Swatch> legend) {
        List<Label> labels = new ArrayList<>();
        double x = plot.xOf(now.at());
        if (now.waitEnds() != null && now.waitEnds().isAfter(now.at())) {
            double to = plot.xOf(now.waitEnds());
            svg.add("rect", "id", "time-left", "x", x, "y", PlotArea.TOP, "width", Math.max(1, to - x),
                    "height", PlotArea.BOTTOM - PlotArea.TOP, "fill", "none", "stroke", MUTED, "stroke-width", 1,
                    "stroke-dasharray", "3 3");
            String left = shorten(now.timeWords(), MAX_LABEL);
            boolean fits = to - x > left.length() * 10 * CHAR_EM + 8;
            labels.add(new Label(left, fits ? (x + to) / 2 : x + 4, PlotArea.TOP + 14, fits ? "middle" : "start", MUTED));
            legend.put("still to wait", new Swatch("#ffffff", "band"));
        }
        svg.add("line", "id", "now", "x1", x, "y1", PlotArea.TOP - 6, "x2", x, "y2", PlotArea.BOTTOM, "stroke", INK,
                "stroke-width", 1.5, "stroke-dasharray", "4 2");
        labels.add(new Label("now", x, PlotArea.TOP - 9, "middle", INK));
        return labels;
    }

    /** Draws the marks' lines now and returns their labels, which go on top of everything else. */
    private static List<Label> marks(Svg svg, PlotArea plot, List<DeploymentEvent> events, Map<String, Swatch> legend) {
        LabelLanes lanes = new LabelLanes(LANES);
        List<Label> labels = new ArrayList<>();
        Instant asked = null;
        for (DeploymentEvent e : events) {
            Mark mark = markFor(e, asked);
            if (e.kind() == EventKind.APPROVAL_REQUESTED) {
                asked = e.at();
            }
            if (mark == null) {
                continue;
            }
            double x = plot.xOf(mark.at());
            double width = mark.label().length() * 10 * CHAR_EM;
            // Near the right edge a label hangs to the left of its line instead of running off the picture.
            boolean flip = x + 4 + width > WIDTH - 8;
            double from = flip ? x - 4 - width : x + 4;
            double y = LANE_TOP + lanes.place(from, from + width) * LANE_HEIGHT;
            svg.add("line", "x1", x, "y1", y - 9, "x2", x, "y2", PlotArea.BOTTOM, "stroke", mark.color(), "stroke-width", 1.5);
            labels.add(new Label(mark.label(), flip ? x - 4 : x + 4, y, flip ? "end" : "start", mark.color()));
            legend.put(mark.legend(), new Swatch(mark.color(), "mark"));
        }
        return labels;
    }

    private static Mark markFor(DeploymentEvent e, Instant asked) {
        String waited = asked == null ? "" : " after " + PlotArea.elapsed(Duration.between(asked, e.at()).toSeconds());
        return switch (e.kind()) {
            case ALARM_CHANGED -> {
                // Sorted: the alarms map has no stable order, and the picture must.
                List<String> failing = e.alarms().entrySet().stream().filter(a -> a.getValue().failing())
                        .map(Map.Entry::getKey).sorted().toList();
                yield failing.isEmpty() ? null : mark(e, "alarm: " + String.join(", ", failing), ALARM, "alarm");
            }
            case APPROVAL_REQUESTED -> mark(e, "approval requested", APPROVAL, "approval");
            case APPROVED -> mark(e, "approved" + waited, APPROVAL, "approval");
            case DECLINED -> mark(e, "declined" + waited, ABORT, "declined / abort");
            case ABORT_REQUESTED -> mark(e, "abort requested", ABORT, "declined / abort");
            case ROLLBACK_STARTED -> mark(e, "rollback", ROLLBACK, "rollback");
            case ROLLED_BACK -> mark(e, "rolled back", ROLLBACK, "rollback");
            // Apart from the shift: a DNS change reaches clients later than the weights change, and the bake starts here.
            case INSYNC -> mark(e, "in sync", MUTED, "change in sync (INSYNC)");
            case SUCCEEDED -> mark(e, "succeeded", SUCCESS, "succeeded");
            case FAILED -> mark(e, "failed", FAILURE, "failed");
            default -> null;
        };
    }

    private static Mark mark(DeploymentEvent e, String label, String color, String legend) {
        return new Mark(e.at(), shorten(label, MAX_LABEL), color, legend);
    }

    /** The new side's share as a step line: a split holds from the event that set it until the next one. */
    private static void weights(Svg svg, PlotArea plot, List<DeploymentEvent> events, Instant finish) {
        List<double[]> changes = new ArrayList<>();
        for (DeploymentEvent e : events) {
            if (e.weights() != null && (changes.isEmpty() || changes.get(changes.size() - 1)[1] != e.weights().canary())) {
                changes.add(new double[] {plot.xOf(e.at()), e.weights().canary()});
            }
        }
        if (changes.isEmpty()) {
            return;
        }
        StringBuilder canary = new StringBuilder(), stable = new StringBuilder();
        for (int i = 0; i < changes.size(); i++) {
            if (i > 0) {
                point(canary, stable, changes.get(i)[0], changes.get(i - 1)[1]);
            }
            point(canary, stable, changes.get(i)[0], changes.get(i)[1]);
        }
        double endX = plot.xOf(finish);
        point(canary, stable, endX, changes.get(changes.size() - 1)[1]);
        String bottom = Svg.num(PlotArea.BOTTOM);
        String area = canary + " " + Svg.num(endX) + "," + bottom + " " + Svg.num(changes.get(0)[0]) + "," + bottom;
        svg.add("polygon", "points", area, "fill", CANARY, "fill-opacity", 0.1);
        svg.add("polyline", "points", stable, "fill", "none", "stroke", STABLE, "stroke-width", 1.5, "stroke-dasharray", "5 4");
        svg.add("polyline", "id", "canary", "points", canary, "fill", "none", "stroke", CANARY, "stroke-width", 2.5,
                "stroke-linejoin", "round");
        for (double[] change : changes) {
            double y = PlotArea.yOf(change[1]);
            svg.add("circle", "cx", change[0], "cy", y, "r", 3, "fill", CANARY);
            svg.text((int) change[1] + "%", "x", change[0] + 5, "y", change[1] > 90 ? y + 14 : y - 6, "font-size", 10,
                    "font-weight", "bold", "fill", CANARY, "style", HALO);
        }
    }

    private static void point(StringBuilder canary, StringBuilder stable, double x, double percent) {
        String separator = canary.isEmpty() ? "" : " ";
        canary.append(separator).append(Svg.num(x)).append(',').append(Svg.num(PlotArea.yOf(percent)));
        stable.append(separator).append(Svg.num(x)).append(',').append(Svg.num(PlotArea.yOf(100 - percent)));
    }

    /** One row, or two when a run used every kind of mark. */
    private static void legend(Svg svg, Map<String, Swatch> legend) {
        double total = legend.keySet().stream().mapToDouble(TimelineChart::legendWidth).sum();
        double x = PlotArea.LEFT, y = total > PlotArea.RIGHT - PlotArea.LEFT ? HEIGHT - 32 : HEIGHT - 18;
        for (Map.Entry<String, Swatch> entry : legend.entrySet()) {
            if (x + legendWidth(entry.getKey()) > PlotArea.RIGHT + 20) {
                x = PlotArea.LEFT;
                y += 18;
            }
            Swatch swatch = entry.getValue();
            switch (swatch.shape()) {
                case "band" -> svg.add("rect", "x", x, "y", y - 9, "width", 16, "height", 11, "fill", swatch.color(), "stroke", GRID);
                case "mark" -> svg.add("rect", "x", x + 6, "y", y - 10, "width", 3, "height", 13, "fill", swatch.color());
                default -> svg.add("line", "x1", x, "y1", y - 4, "x2", x + 16, "y2", y - 4, "stroke", swatch.color(),
                        "stroke-width", 2.5, "stroke-dasharray", swatch.shape().equals("dashed") ? "5 3" : "none");
            }
            svg.text(entry.getKey(), "x", x + 21, "y", y, "font-size", 10, "fill", INK);
            x += legendWidth(entry.getKey());
        }
    }

    private static double legendWidth(String label) {
        return 21 + label.length() * 10 * CHAR_EM + 16;
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "\u2026";
    }
}
