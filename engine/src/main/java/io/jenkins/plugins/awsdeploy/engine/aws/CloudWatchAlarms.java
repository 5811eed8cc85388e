package io.jenkins.plugins.awsdeploy.engine.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.awsdeploy.engine.AlarmState;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * {@link AlarmPort} on CloudWatch: one DescribeAlarms call per 100 alarm names; DescribeAlarmHistory
 * only for an alarm that changed state since it was last read.
 */
final class CloudWatchAlarms implements AlarmPort {

    private static final int BATCH = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudWatchClient cloudWatch;

    CloudWatchAlarms(CloudWatchClient cloudWatch) {
        this.cloudWatch = cloudWatch;
    }

    @Override
    public Map<String, AlarmReading> read(List<String> names) {
        Map<String, AlarmReading> found = new HashMap<>();
        for (int from = 0; from < names.size(); from += BATCH) {
            List<String> batch = names.subList(from, Math.min(names.size(), from + BATCH));
            String token = null;
            do {
                String page = token;
                DescribeAlarmsResponse answer = cloudWatch.describeAlarms(r -> r.alarmNames(batch).maxRecords(BATCH)
                        .alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM).nextToken(page));
                answer.metricAlarms().forEach(a -> found.put(a.alarmName(), new AlarmReading(a.alarmName(),
                        state(a.stateValue()), a.stateReason(), changedAt(a.stateTransitionedTimestamp(), a.stateUpdatedTimestamp()))));
                answer.compositeAlarms().forEach(a -> found.put(a.alarmName(), new AlarmReading(a.alarmName(),
                        state(a.stateValue()), a.stateReason(), changedAt(a.stateTransitionedTimestamp(), a.stateUpdatedTimestamp()))));
                token = answer.nextToken();
            } while (token != null && !token.isEmpty());
        }
        return found;
    }

    @Override
    public List<AlarmReading> history(String name, Instant since) {
        List<AlarmReading> changes = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            // Without alarm types, CloudWatch answers for metric alarms only and a composite's history reads empty.
            DescribeAlarmHistoryResponse answer = cloudWatch.describeAlarmHistory(r -> r.alarmName(name)
                    .alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM).historyItemType(HistoryItemType.STATE_UPDATE)
                    .startDate(since).scanBy(ScanBy.TIMESTAMP_ASCENDING).maxRecords(BATCH).nextToken(page));
            for (AlarmHistoryItem item : answer.alarmHistoryItems()) {
                if (item.timestamp() != null && item.timestamp().isAfter(since)) changes.add(change(name, item));
            }
            token = answer.nextToken();
        } while (token != null && !token.isEmpty());
        return changes;
    }

    /** StateTransitionedTimestamp is the last change of state; StateUpdatedTimestamp also moves on other updates. */
    private static Instant changedAt(Instant transitioned, Instant updated) {
        return transitioned != null ? transitioned : updated;
    }

    /**
     * The state an item of history went to: from its JSON data ({@code newState.stateValue}), else from its
     * summary ("Alarm updated from OK to ALARM"); an item that says neither counts as unreadable.
     */
    private static AlarmReading change(String name, AlarmHistoryItem item) {
        String summary = item.historySummary() == null ? "" : item.historySummary();
        try {
            JsonNode next = JSON.readTree(item.historyData() == null ? "{}" : item.historyData()).path("newState");
            if (next.hasNonNull("stateValue")) {
                return new AlarmReading(name, state(StateValue.fromValue(next.get("stateValue").asText())),
                        next.path("stateReason").asText(summary), item.timestamp());
            }
        } catch (IOException e) {
            // fall back to the summary
        }
        int to = summary.lastIndexOf(" to ");
        StateValue value = to < 0 ? null : StateValue.fromValue(summary.substring(to + 4).trim());
        return new AlarmReading(name, state(value), summary, item.timestamp());
    }

    private static AlarmState state(StateValue value) {
        if (value == StateValue.ALARM) return AlarmState.ALARM;
        if (value == StateValue.OK) return AlarmState.OK;
        if (value == StateValue.INSUFFICIENT_DATA) return AlarmState.INSUFFICIENT_DATA;
        // A state this client does not know yet: not a reason to believe all is well.
        return AlarmState.UNREADABLE;
    }
}
