package io.jenkins.plugins.awsdeploy.engine.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.jenkins.plugins.awsdeploy.engine.AlarmState;
import io.jenkins.plugins.awsdeploy.engine.DeploymentEvent;
import io.jenkins.plugins.awsdeploy.engine.EventKind;
import io.jenkins.plugins.awsdeploy.engine.Progress;
import io.jenkins.plugins.awsdeploy.engine.Split;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class TimelineChartTest {

    @Test
    void everySampleIsWellFormedSvg() throws Exception {
        for (List<DeploymentEvent> history : List.of(SampleHistories.shortRollback(), SampleHistories.realisticRollback(),
                SampleHistories.success(), SampleHistories.declinedAfterHours())) {
            Document svg = parse(TimelineChart.render("checkout-service", history));
            assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
            assertThat(svg.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        }
    }

    @Test
    void theCanaryLineStepsAtTheEventsThatMovedTraffic() throws Exception {
        Element line = canaryLine(parse(TimelineChart.render("canary", SampleHistories.shortRollback())));

        // The run spans 130 s: 10% from 0 s, 50% from 60 s, 0% from 115 s, carried to the end.
        double[][] expected = {{0, 10}, {60, 10}, {60, 50}, {115, 50}, {115, 0}, {130, 0}};
        double[][] points = points(line);
        assertThat(points).hasNumberOfRows(expected.length);
        for (int i = 0; i < expected.length; i++) {
            double x = PlotArea.LEFT + (PlotArea.RIGHT - PlotArea.LEFT) * expected[i][0] / 130;
            double y = PlotArea.BOTTOM - (PlotArea.BOTTOM - PlotArea.TOP) * expected[i][1] / 100;
            assertThat(points[i][0]).as("x of point %d", i).isCloseTo(x, within(0.06));
            assertThat(points[i][1]).as("y of point %d", i).isCloseTo(y, within(0.06));
        }
    }

    @Test
    void theLastSplitIsCarriedToTheGivenEnd() throws Exception {
        List<DeploymentEvent> running = SampleHistories.shortRollback().subList(0, 2);

        double[][] points = points(canaryLine(parse(TimelineChart.render("running", running, SampleHistories.second(240)))));

        assertThat(points[points.length - 1][0]).isCloseTo(PlotArea.RIGHT, within(0.06));
        assertThat(points[points.length - 1][1]).isCloseTo(PlotArea.yOf(50), within(0.06));
    }

    @Test
    void aRunningDeploymentShowsNowAndTheTimeLeftOfItsWait() throws Exception {
        // At 90 s, 30 s into a 5-minute bake at 50%: the axis runs on to the end of the bake at 360 s.
        List<DeploymentEvent> running = SampleHistories.shortRollback().subList(0, 2);
        Progress now = new Progress(SampleHistories.second(90), Progress.Phase.BAKING, "baking step 2/3 at 50%",
                SampleHistories.second(60), SampleHistories.second(360), Split.canaryAt(50), "stable/new", Map.of(), "");
        Document svg = parse(TimelineChart.renderRunning("running", running, now));

        double nowX = PlotArea.LEFT + (PlotArea.RIGHT - PlotArea.LEFT) * 90 / 360;
        Element line = byId(svg, "now");
        assertThat(Double.parseDouble(line.getAttribute("x1"))).isCloseTo(nowX, within(0.06));
        Element left = byId(svg, "time-left");
        assertThat(Double.parseDouble(left.getAttribute("x"))).isCloseTo(nowX, within(0.06));
        assertThat(Double.parseDouble(left.getAttribute("x")) + Double.parseDouble(left.getAttribute("width")))
                .isCloseTo(PlotArea.RIGHT, within(0.06));
        assertThat(texts(svg)).contains("now", "4m30s of 5m left", "In progress");
        // The split is drawn up to now, not into the future.
        double[][] points = points(canaryLine(svg));
        assertThat(points[points.length - 1][0]).isCloseTo(nowX, within(0.06));
    }

    @Test
    void aFailingAlarmIsMarkedWithItsName() throws Exception {
        List<String> texts = texts(parse(TimelineChart.render("canary", SampleHistories.shortRollback())));

        assertThat(texts).contains("alarm: checkout-5xx", "rollback", "rolled back", "failed");
        assertThat(texts).noneMatch(t -> t.contains("checkout-healthy-hosts")); // it stayed OK
    }

    @Test
    void markupInTitlesAndAlarmNamesIsEscaped() throws Exception {
        List<DeploymentEvent> history = new ArrayList<>(SampleHistories.shortRollback());
        history.add(new DeploymentEvent(SampleHistories.second(120), EventKind.ALARM_CHANGED, "", null,
                Map.of("p99<250ms & 5xx>1%", AlarmState.UNREADABLE), ""));
        String title = "<script>alert('x')</script> & \"co\"\u0001";

        String svg = TimelineChart.render(title, history);

        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;", "p99&lt;250ms &amp; 5xx&gt;1%");
        List<String> texts = texts(parse(svg));
        assertThat(texts).contains("<script>alert('x')</script> & \"co\"\ufffd", "alarm: p99<250ms & 5xx>1%");
    }

    @Test
    void theSameHistoryGivesTheSameBytesWhateverTheLocaleOrMapOrder() {
        Map<String, AlarmState> oneOrder = new LinkedHashMap<>(), otherOrder = new LinkedHashMap<>();
        oneOrder.put("b-latency", AlarmState.ALARM);
        oneOrder.put("a-errors", AlarmState.ALARM);
        otherOrder.put("a-errors", AlarmState.ALARM);
        otherOrder.put("b-latency", AlarmState.ALARM);
        List<DeploymentEvent> one = withAlarms(oneOrder), other = withAlarms(otherOrder);
        Locale before = Locale.getDefault();
        String reference = TimelineChart.render("t", one);
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(TimelineChart.render("t", other)).isEqualTo(reference);
            Locale.setDefault(Locale.forLanguageTag("ar-EG"));
            assertThat(TimelineChart.render("t", one)).isEqualTo(reference);
        } finally {
            Locale.setDefault(before);
        }
        assertThat(reference).contains("alarm: a-errors, b-latency").doesNotContain(",5 ");
    }

    @Test
    void anEmptyHistoryIsStillAPicture() throws Exception {
        Document svg = parse(TimelineChart.render("nothing yet", List.of()));

        assertThat(texts(svg)).contains("nothing yet", "No events", "0%", "100%");
        assertThat(svg.getElementsByTagName("polyline").getLength()).isZero();
    }

    @Test
    void aSingleEventStartsTheLineAtTheLeftEdge() throws Exception {
        List<DeploymentEvent> one = List.of(new DeploymentEvent(SampleHistories.START, EventKind.SHIFTED, "", Split.canaryAt(20), Map.of(), ""));

        Document svg = parse(TimelineChart.render("one", one));

        double[][] points = points(canaryLine(svg));
        assertThat(points[0]).containsExactly(new double[] {PlotArea.LEFT, PlotArea.yOf(20)}, within(0.06));
        assertThat(texts(svg)).contains("20%", "In progress", "0:00", "0:10");
    }

    /** A DNS change reaches clients after the weights change: the moment it is in sync has its own mark. */
    @Test
    void aChangeInSyncIsMarkedApartFromTheShift() throws Exception {
        List<DeploymentEvent> dns = List.of(
                new DeploymentEvent(SampleHistories.START, EventKind.SHIFTED, "", Split.canaryAt(10), Map.of(), ""),
                new DeploymentEvent(SampleHistories.second(40), EventKind.INSYNC, "", Split.canaryAt(10), Map.of(), ""));

        Document svg = parse(TimelineChart.render("records", dns));

        assertThat(texts(svg)).contains("in sync", "change in sync (INSYNC)");
    }

    @Test
    void ticksStayFewAndRoundFromSecondsToHours() {
        assertThat(PlotArea.covering(SampleHistories.START, SampleHistories.second(10)).tickSeconds())
                .containsExactly(0L, 2L, 4L, 6L, 8L, 10L);
        PlotArea hours = PlotArea.covering(SampleHistories.START, SampleHistories.second(10_452));
        assertThat(hours.tickSeconds()).hasSizeBetween(4, 9).allMatch(t -> t % 1800 == 0);
        assertThat(hours.tickLabel(5400)).isEqualTo("1:30");
        assertThat(PlotArea.covering(SampleHistories.START, SampleHistories.second(1352)).tickLabel(300)).isEqualTo("5:00");
    }

    @Test
    void writeReplacesTheFileWholeAndLeavesNothingBehind(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("charts/timeline.svg");
        TimelineChart.write(file, "first", List.of(), null);
        TimelineChart.write(file, "second", SampleHistories.shortRollback(), null);

        assertThat(Files.readString(file)).isEqualTo(TimelineChart.render("second", SampleHistories.shortRollback()));
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    private static List<DeploymentEvent> withAlarms(Map<String, AlarmState> alarms) {
        List<DeploymentEvent> history = new ArrayList<>(SampleHistories.shortRollback());
        history.add(new DeploymentEvent(SampleHistories.second(70), EventKind.ALARM_CHANGED, "", null, alarms, ""));
        return history;
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element byId(Document svg, String id) {
        NodeList all = svg.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id"))) return e;
        }
        throw new AssertionError("no element with id " + id);
    }

    private static Element canaryLine(Document svg) {
        NodeList lines = svg.getElementsByTagName("polyline");
        return IntStream.range(0, lines.getLength()).mapToObj(i -> (Element) lines.item(i))
                .filter(e -> e.getAttribute("id").equals("canary")).findFirst().orElseThrow();
    }

    private static double[][] points(Element polyline) {
        String[] pairs = polyline.getAttribute("points").trim().split(" ");
        double[][] points = new double[pairs.length][];
        for (int i = 0; i < pairs.length; i++) {
            String[] xy = pairs[i].split(",");
            points[i] = new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])};
        }
        return points;
    }

    private static List<String> texts(Document svg) {
        NodeList texts = svg.getElementsByTagName("text");
        return IntStream.range(0, texts.getLength()).mapToObj(i -> texts.item(i).getTextContent()).toList();
    }
}
