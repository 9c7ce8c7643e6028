package io.kinesisconnect.sink;

import io.kinesisconnect.common.ProjectVersion;
import io.kinesisconnect.sink.config.KinesisSinkConfig;
import io.kinesisconnect.sink.config.SinkWriter;
import io.kinesisconnect.sink.write.KplSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Kafka to Amazon Kinesis Data Streams through the KPL. Wires config, validation and tasks. */
public class KinesisSinkConnector extends SinkConnector {

    private static final Logger log = LoggerFactory.getLogger(KinesisSinkConnector.class);

    private Map<String, String> props;

    @Override
    public String version() {
        return ProjectVersion.get();
    }

    @Override
    public void start(Map<String, String> props) {
        KinesisSinkConfig config = new KinesisSinkConfig(props);
        // the kpl.* keys and the TLS-only endpoint matter only to the KPL writer, as in the task
        Map<String, List<String>> problems =
                config.writer() == SinkWriter.KPL ? KplSettings.validate(props) : new HashMap<>();
        problems.putAll(SinkConfigValidator.crossFieldProblems(config));
        if (!problems.isEmpty()) {
            throw new ConnectException("Invalid Kinesis sink configuration: " + problems);
        }
        this.props = Map.copyOf(props);
        log.info(
                "Started Kinesis sink connector name={} routing={} stream={}",
                props.get("name"),
                config.streamRouting().configValue(),
                config.streamTemplate().orElse("-"));
    }

    @Override
    public Class<? extends Task> taskClass() {
        return KinesisSinkTask.class;
    }

    /**
     * Every task gets the same settings plus its index; Connect spreads the topic partitions over
     * them. With tasks.max=3: three configs, each with kinesis.task.id 0, 1 and 2.
     */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>(maxTasks);
        for (int i = 0; i < maxTasks; i++) {
            Map<String, String> task = new HashMap<>(props);
            task.put(KinesisSinkTask.TASK_ID_CONFIG, Integer.toString(i));
            configs.add(task);
        }
        return configs;
    }

    @Override
    public void stop() {
        log.info("Stopped Kinesis sink connector name={}", props == null ? "-" : props.get("name"));
    }

    @Override
    public ConfigDef config() {
        return KinesisSinkConfig.CONFIG_DEF;
    }

    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        return SinkConfigValidator.validate(connectorConfigs, super.validate(connectorConfigs));
    }
}
