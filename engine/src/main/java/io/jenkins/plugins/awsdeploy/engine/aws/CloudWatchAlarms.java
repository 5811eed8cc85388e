package io.jenkins.plugins.awsdeploy.engine.aws;

import io.jenkins.plugins.awsdeploy.engine.AlarmState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/** {@link AlarmPort} on CloudWatch: one DescribeAlarms call per 100 alarm names. */
final class CloudWatchAlarms implements AlarmPort {

    private static final int BATCH = 100;

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
                answer.metricAlarms().forEach(a -> found.put(a.alarmName(),
                        new AlarmReading(a.alarmName(), state(a.stateValue()), a.stateReason())));
                answer.compositeAlarms().forEach(a -> found.put(a.alarmName(),
                        new AlarmReading(a.alarmName(), state(a.stateValue()), a.stateReason())));
                token = answer.nextToken();
            } while (token != null && !token.isEmpty());
        }
        return found;
    }

    private static AlarmState state(StateValue value) {
        if (value == StateValue.ALARM) return AlarmState.ALARM;
        if (value == StateValue.OK) return AlarmState.OK;
        if (value == StateValue.INSUFFICIENT_DATA) return AlarmState.INSUFFICIENT_DATA;
        // A state this client does not know yet: not a reason to believe all is well.
        return AlarmState.UNREADABLE;
    }
}
