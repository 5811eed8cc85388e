package io.jenkins.plugins.awsdeploy.engine.aws;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** CloudWatch alarms, read in batches. */
public interface AlarmPort {

    /**
     * Reads the named alarms with one DescribeAlarms call per 100 names. Alarms that do not exist are
     * absent from the answer. Throws if CloudWatch cannot be read after the client's retries.
     */
    Map<String, AlarmReading> read(List<String> names);

    /**
     * The state changes of one alarm after {@code since} (CloudWatch's clock), oldest first, each as the
     * state it went to (DescribeAlarmHistory, StateUpdate items). Throws if the history cannot be read.
     */
    List<AlarmReading> history(String name, Instant since);
}
