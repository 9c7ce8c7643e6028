package io.kinesisconnect.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.common.keys.AwsKeys;
import io.kinesisconnect.common.metrics.JmxNames;
import io.kinesisconnect.source.kinesis.ShardRef;
import io.kinesisconnect.source.metrics.SourceTaskMetrics;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.Test;

/**
 * A task's beans over its lifecycle, on the platform server as a worker has it: there from start,
 * gone at stop, and a restarted task's beans survive the late stop of the instance it replaced.
 * Kinesis is unreachable: the beans do not depend on it answering.
 */
class KinesisSourceTaskMetricsTest {

    private static final String CONNECTOR = "task-metrics-test";
    private static final ShardRef SHARD_0 = new ShardRef("orders", "shardId-000000000000");
    private static final ShardRef SHARD_1 = new ShardRef("orders", "shardId-000000000001");
    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    @Test
    void theBeansLiveFromStartToStopUnderTheTasksNumber() throws Exception {
        KinesisSourceTask task = started();
        ObjectName taskBean = SourceTaskMetrics.taskName(CONNECTOR, "1");

        assertThat(beans())
                .containsExactlyInAnyOrder(
                        taskBean,
                        SourceTaskMetrics.shardName(CONNECTOR, "1", SHARD_0),
                        SourceTaskMetrics.shardName(CONNECTOR, "1", SHARD_1));
        assertThat(SERVER.getAttribute(taskBean, "ShardsOwned")).isEqualTo(2);
        assertThat(SERVER.getAttribute(taskBean, "BufferCapacity")).isEqualTo(123);
        assertThat(SERVER.getAttribute(taskBean, "RecordsTotal")).isEqualTo(0L);

        task.stop();

        assertThat(beans()).isEmpty();
    }

    @Test
    void aRestartedTaskKeepsItsBeansWhenTheOldInstanceStopsLate() throws Exception {
        KinesisSourceTask old = started();
        KinesisSourceTask restarted = started();

        old.stop();

        assertThat(beans()).hasSize(3);
        restarted.stop();
        assertThat(beans()).isEmpty();
    }

    private static KinesisSourceTask started() throws IOException {
        KinesisSourceTask task = new KinesisSourceTask();
        task.initialize(new NoOffsetsContext());
        task.start(config(unusedPort()));
        return task;
    }

    private static Set<ObjectName> beans() throws JMException {
        return SERVER.queryNames(
                new ObjectName(JmxNames.DOMAIN + ":connector=" + CONNECTOR + ",*"), null);
    }

    private static Map<String, String> config(int port) {
        Map<String, String> config = new HashMap<>();
        config.put("name", CONNECTOR);
        config.put(KinesisSourceConfig.STREAMS_CONFIG, "orders");
        config.put(KinesisSourceConfig.STARTUP_POSITION_CONFIG, "earliest");
        config.put(KinesisSourceConfig.BUFFER_CAPACITY_CONFIG, "123");
        config.put(KinesisSourceTaskConfig.TASK_SHARDS_CONFIG, SHARD_0 + "," + SHARD_1);
        config.put(KinesisSourceTaskConfig.TASK_START_MILLIS_CONFIG, "-1");
        config.put(KinesisSourceTaskConfig.TASK_ID_CONFIG, "1");
        config.put(AwsKeys.REGION, "us-east-1");
        config.put(AwsKeys.ENDPOINT, "http://127.0.0.1:" + port);
        config.put(AwsKeys.CREDENTIALS_PROVIDER, "basic");
        config.put(AwsKeys.ACCESS_KEY_ID, "key");
        config.put(AwsKeys.SECRET_ACCESS_KEY, "secret");
        return config;
    }

    /** A loopback port nothing listens on: connections are refused at once. */
    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A task context whose offset store is empty. */
    private static final class NoOffsetsContext implements SourceTaskContext {
        @Override
        public Map<String, String> configs() {
            return Map.of();
        }

        @Override
        public PluginMetrics pluginMetrics() {
            throw new UnsupportedOperationException("not used by the task");
        }

        @Override
        public OffsetStorageReader offsetStorageReader() {
            return new OffsetStorageReader() {
                @Override
                public <T> Map<String, Object> offset(Map<String, T> partition) {
                    return null;
                }

                @Override
                public <T> Map<Map<String, T>, Map<String, Object>> offsets(
                        Collection<Map<String, T>> partitions) {
                    return Map.of();
                }
            };
        }
    }
}
