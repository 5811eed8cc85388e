package io.jenkins.plugins.awsdeploy.engine.aws;

import java.util.List;
import java.util.Map;

/** CloudWatch alarms, read in batches. */
public interface AlarmPort {

    /**
     * Reads the named alarms with one DescribeAlarms call per 100 names. Alarms that do not exist are
     * absent from the answer. Throws if CloudWatch cannot be read after the client's retries.
     */
    Map<String, AlarmReading> read(List<String> names);
}
