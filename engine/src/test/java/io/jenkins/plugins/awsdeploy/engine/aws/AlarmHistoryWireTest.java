package io.jenkins.plugins.awsdeploy.engine.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.awsdeploy.engine.AlarmState;
import io.jenkins.plugins.awsdeploy.engine.testing.Moto;
import io.jenkins.plugins.awsdeploy.localaws.CloudWatchBridge;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;

/**
 * The real path of a flap, which moto cannot answer: CloudWatch's answers as AWS documents them (JSON 1.0,
 * StateTransitionedTimestamp, history items with their JSON data), served by a stand-in behind the project's
 * CBOR bridge, read by the engine's adapter through the current SDK.
 */
class AlarmHistoryWireTest {

    static final ObjectMapper JSON = new ObjectMapper();

    HttpServer cloudWatch;
    CloudWatchBridge bridge;
    final Map<String, JsonNode> requests = new ConcurrentHashMap<>();

    static final String ALARMS = """
            {"MetricAlarms":[{"AlarmName":"web-5xx","StateValue":"OK","StateReason":"fine",
              "StateUpdatedTimestamp":1796310000.0,"StateTransitionedTimestamp":1796309000.0}],"CompositeAlarms":[]}""";

    static final String HISTORY = """
            {"AlarmHistoryItems":[
              {"AlarmName":"web-5xx","AlarmType":"MetricAlarm","Timestamp":1796308000.0,"HistoryItemType":"StateUpdate",
               "HistorySummary":"Alarm updated from ALARM to OK","HistoryData":"{}"},
              {"AlarmName":"web-5xx","AlarmType":"MetricAlarm","Timestamp":1796308500.0,"HistoryItemType":"StateUpdate",
               "HistorySummary":"Alarm updated from OK to ALARM",
               "HistoryData":"{\\"version\\":\\"1.0\\",\\"oldState\\":{\\"stateValue\\":\\"OK\\"},\\"newState\\":{\\"stateValue\\":\\"ALARM\\",\\"stateReason\\":\\"Threshold Crossed: 1 datapoint [12.0] > 5.0\\"}}"},
              {"AlarmName":"web-5xx","AlarmType":"MetricAlarm","Timestamp":1796309000.0,"HistoryItemType":"StateUpdate",
               "HistorySummary":"Alarm updated from ALARM to OK","HistoryData":"not json"}]}""";

    @BeforeEach
    void start() throws Exception {
        cloudWatch = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cloudWatch.createContext("/", exchange -> {
            String op = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            op = op.substring(op.indexOf('.') + 1);
            requests.put(op, JSON.readTree(exchange.getRequestBody().readAllBytes()));
            byte[] answer = (op.equals("DescribeAlarms") ? ALARMS : HISTORY).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        cloudWatch.start();
        bridge = CloudWatchBridge.start(URI.create("http://127.0.0.1:" + cloudWatch.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        bridge.close();
        cloudWatch.stop(0);
    }

    @Test
    void theStateTimeIsTheTransitionAndTheHistoryYieldsEachStateWentTo() {
        try (AwsSession session = new AwsSession(Moto.access(bridge.endpoint()), AwsRetryStrategy.doNotRetry())) {
            AlarmPort alarms = session.ports().alarms();

            AlarmReading now = alarms.read(List.of("web-5xx")).get("web-5xx");
            // StateTransitionedTimestamp, not the later StateUpdatedTimestamp
            assertThat(now.changedAt()).isEqualTo(Instant.ofEpochSecond(1796309000L));

            List<AlarmReading> changes = alarms.history("web-5xx", Instant.ofEpochSecond(1796308000L));
            // the item at the start time itself was seen before; the unparseable data falls back to the summary
            assertThat(changes).extracting(AlarmReading::state).containsExactly(AlarmState.ALARM, AlarmState.OK);
            assertThat(changes.get(0).reason()).isEqualTo("Threshold Crossed: 1 datapoint [12.0] > 5.0");
            assertThat(changes.get(0).changedAt()).isEqualTo(Instant.ofEpochSecond(1796308500L));

            JsonNode asked = requests.get("DescribeAlarmHistory");
            assertThat(asked.get("AlarmName").asText()).isEqualTo("web-5xx");
            assertThat(asked.get("HistoryItemType").asText()).isEqualTo("StateUpdate");
            assertThat(asked.get("AlarmTypes").toString()).contains("MetricAlarm", "CompositeAlarm");
            assertThat(asked.get("StartDate").asDouble()).isEqualTo(1796308000.0);
        }
    }
}
