package io.kinesisconnect.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * A trivial source for the Connect smoke test: each task emits a fixed number of numbered strings.
 */
public class CountingSourceConnector extends SourceConnector {

    static final String TOPIC_CONFIG = "topic";
    static final String RECORDS_PER_TASK_CONFIG = "records.per.task";

    private Map<String, String> props;

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return CountingSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int task = 0; task < maxTasks; task++) {
            Map<String, String> config = new java.util.HashMap<>(props);
            config.put(CountingSourceTask.TASK_ID_CONFIG, Integer.toString(task));
            configs.add(config);
        }
        return configs;
    }

    @Override
    public void stop() {}

    @Override
    public ConfigDef config() {
        return new ConfigDef()
                .define(
                        TOPIC_CONFIG,
                        ConfigDef.Type.STRING,
                        ConfigDef.Importance.HIGH,
                        "Target topic")
                .define(
                        RECORDS_PER_TASK_CONFIG,
                        ConfigDef.Type.INT,
                        100,
                        ConfigDef.Range.atLeast(0),
                        ConfigDef.Importance.MEDIUM,
                        "Records each task emits");
    }

    @Override
    public String version() {
        return "test";
    }
}
