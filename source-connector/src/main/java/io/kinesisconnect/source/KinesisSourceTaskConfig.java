package io.kinesisconnect.source;

import io.kinesisconnect.common.keys.ConnectKeys;
import io.kinesisconnect.common.keys.StartupMode;
import io.kinesisconnect.source.kinesis.IteratorPosition;
import io.kinesisconnect.source.kinesis.ShardRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * A task's configuration: the connector's, plus the shards the connector assigned to it and the
 * resolved start instant, which the connector computes once so every task agrees on it.
 */
public final class KinesisSourceTaskConfig extends KinesisSourceConfig {

    public static final String TASK_SHARDS_CONFIG = "kinesis.task.shards";
    public static final String TASK_START_MILLIS_CONFIG = "kinesis.task.start.ms";
    public static final String TASK_ID_CONFIG = ConnectKeys.TASK_ID;

    /** {@link #TASK_START_MILLIS_CONFIG} value for "from the trim horizon". */
    public static final long FROM_TRIM_HORIZON = -1;

    static final ConfigDef TASK_CONFIG_DEF =
            configDef()
                    .define(
                            TASK_SHARDS_CONFIG,
                            Type.LIST,
                            Importance.HIGH,
                            "Shards of this task as stream/shardId, set by the connector")
                    .define(
                            TASK_START_MILLIS_CONFIG,
                            Type.LONG,
                            Importance.HIGH,
                            "Where shards without an offset start: epoch millis, or -1 for the trim"
                                    + " horizon; set by the connector")
                    .define(
                            TASK_ID_CONFIG,
                            Type.INT,
                            0,
                            Importance.LOW,
                            "The task's number, 0 to tasks.max - 1, in its JMX bean names; set by"
                                    + " the connector");

    public KinesisSourceTaskConfig(Map<String, String> props) {
        super(TASK_CONFIG_DEF, props);
    }

    public List<ShardRef> shards() {
        return getList(TASK_SHARDS_CONFIG).stream().map(ShardRef::parse).toList();
    }

    /** The task's number among the connector's tasks, as its JMX beans show it. */
    public String taskId() {
        return Integer.toString(getInt(TASK_ID_CONFIG));
    }

    /** Where a shard with no stored offset starts. */
    public IteratorPosition initialPosition() {
        long start = getLong(TASK_START_MILLIS_CONFIG);
        return start == FROM_TRIM_HORIZON
                ? new IteratorPosition.TrimHorizon()
                : new IteratorPosition.AtTimestamp(Instant.ofEpochMilli(start));
    }

    /** Whether "latest" was resolved to the start instant, which tasks then record as a marker. */
    public boolean startsAtResolvedLatest() {
        return startupMode() == StartupMode.LATEST;
    }
}
