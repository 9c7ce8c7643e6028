package io.kinesisconnect.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.kinesisconnect.common.keys.AwsKeys;
import io.kinesisconnect.source.offset.OffsetMarkers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.Test;

/**
 * The task's promises to the worker thread: poll() never blocks long, even when Kinesis does not
 * answer, and stop() returns within five seconds.
 */
class KinesisSourceTaskTest {

    @Test
    void pollReturnsPromptlyAndStopIsQuickWhileKinesisIsUnreachable() throws IOException {
        KinesisSourceTask task = new KinesisSourceTask();
        task.initialize(new NoOffsetsContext());
        task.start(config(unusedPort()));

        Object polled = assertTimeoutPreemptively(Duration.ofSeconds(2), task::poll);
        assertThat(polled).isNull();

        assertTimeoutPreemptively(Duration.ofSeconds(5), task::stop);
    }

    @Test
    void inLatestModeTheFirstPollReturnsTheStartupMarkerAtOnceWhileKinesisIsUnreachable()
            throws IOException {
        KinesisSourceTask task = new KinesisSourceTask();
        task.initialize(new NoOffsetsContext());
        Map<String, String> config = config(unusedPort());
        config.put(KinesisSourceConfig.STARTUP_POSITION_CONFIG, "latest");
        config.put(KinesisSourceTaskConfig.TASK_START_MILLIS_CONFIG, "1764400000000");
        task.start(config);

        List<SourceRecord> first = assertTimeoutPreemptively(Duration.ofSeconds(2), task::poll);
        assertThat(first).hasSize(1);
        assertThat(first.get(0).sourcePartition()).isEqualTo(OffsetMarkers.STARTUP_PARTITION);
        assertThat(first.get(0).sourceOffset())
                .isEqualTo(Map.of(OffsetMarkers.STARTUP_MILLIS_KEY, 1764400000000L));
        Object second = assertTimeoutPreemptively(Duration.ofSeconds(2), task::poll);
        assertThat(second).as("the marker goes out once").isNull();

        assertTimeoutPreemptively(Duration.ofSeconds(5), task::stop);
    }

    private static Map<String, String> config(int port) {
        Map<String, String> config = new HashMap<>();
        config.put("name", "unreachable");
        config.put(KinesisSourceConfig.STREAMS_CONFIG, "orders");
        config.put(KinesisSourceConfig.STARTUP_POSITION_CONFIG, "earliest");
        config.put(
                KinesisSourceTaskConfig.TASK_SHARDS_CONFIG,
                "orders/shardId-000000000000,orders/shardId-000000000001");
        config.put(KinesisSourceTaskConfig.TASK_START_MILLIS_CONFIG, "-1");
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
