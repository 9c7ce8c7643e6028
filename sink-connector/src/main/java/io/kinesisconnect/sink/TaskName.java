package io.kinesisconnect.sink;

import java.util.Map;

/**
 * Which task this is, as the connector named it in the task config: the name in logs, thread names
 * and the JMX bean.
 */
record TaskName(String connector, String taskId) {

    static TaskName of(Map<String, String> taskProps) {
        return new TaskName(
                taskProps.getOrDefault("name", "kinesis-sink"),
                taskProps.getOrDefault(KinesisSinkTask.TASK_ID_CONFIG, "0"));
    }

    /** The connector name and the task index, as in "orders-sink-0". */
    String full() {
        return connector + "-" + taskId;
    }

    @Override
    public String toString() {
        return full();
    }
}
