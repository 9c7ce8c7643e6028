package io.kinesisconnect.source.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.common.keys.SourceKeys;
import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.processes.StreamWriter;
import io.kinesisconnect.processes.TopicReader;
import io.kinesisconnect.source.KinesisSourceConfig;
import io.kinesisconnect.source.record.KinesisHeaders;
import io.kinesisconnect.testkit.ConnectClusterExtension;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One connector reads three streams (8 shards) on three tasks; one stream fans out to two topics.
 */
class SourceMultiStreamIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESIS_MOCK);

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.withWorkers(2);

    @Test
    void threeStreamsOnThreeTasksWithFanOutDeliverEverythingWhereItBelongs() {
        String users = KINESIS.streams().create("users", 3);
        String orders = KINESIS.streams().create("orders", 3);
        String clicks = KINESIS.streams().create("clicks", 2);
        KeyedRecords userRecords = new KeyedRecords(30);
        KeyedRecords orderRecords = new KeyedRecords(30);
        KeyedRecords clickRecords = new KeyedRecords(30);
        StreamWriter writer = new StreamWriter(KINESIS.client());
        writer.putAll(users, userRecords.next(600));
        writer.putAll(orders, orderRecords.next(600));
        writer.putAll(clicks, clickRecords.next(600));

        Map<String, String> config =
                SourceTestConfigs.forEmulator(
                        KINESIS.emulator(), "multi", List.of(users, orders, clicks), 3);
        config.put(KinesisSourceConfig.STARTUP_POSITION_CONFIG, "earliest");
        config.put(KinesisSourceConfig.TOPIC_TEMPLATE_CONFIG, "kinesis.${stream}");
        config.put(SourceKeys.streamTopics(users), "users.greeter,users.audit");
        config.put(SourceKeys.streamValueType(users), "com.example/User");
        CONNECT.cluster().putConnectorConfig("multi", config).requireSuccess("create");
        CONNECT.cluster().awaitRunning("multi", 3, TIMEOUT);

        String bootstrap = CONNECT.cluster().bootstrapServers();
        for (String topic : List.of("users.greeter", "users.audit")) {
            Delivered delivered =
                    Delivered.awaitAll(bootstrap, topic, userRecords.all(), false, TIMEOUT);
            assertThat(delivered.distinctValues()).isEqualTo(userRecords.all());
            assertThat(delivered.keysOutOfOrder()).isEmpty();
        }
        assertThat(
                        Delivered.awaitAll(
                                        bootstrap,
                                        "kinesis." + orders,
                                        orderRecords.all(),
                                        false,
                                        TIMEOUT)
                                .distinctValues())
                .isEqualTo(orderRecords.all());
        assertThat(
                        Delivered.awaitAll(
                                        bootstrap,
                                        "kinesis." + clicks,
                                        clickRecords.all(),
                                        false,
                                        TIMEOUT)
                                .distinctValues())
                .isEqualTo(clickRecords.all());

        ConsumerRecord<byte[], byte[]> user =
                new TopicReader(bootstrap, false).awaitAtLeast("users.audit", 1, TIMEOUT).get(0);
        assertThat(header(user, KinesisHeaders.VALUE_TYPE)).isEqualTo("com.example/User");
        assertThat(header(user, KinesisHeaders.STREAM)).isEqualTo(users);
        assertThat(header(user, KinesisHeaders.SHARD_ID)).startsWith("shardId-");
        assertThat(header(user, KinesisHeaders.SEQUENCE_NUMBER)).matches("[0-9]+");
        assertThat(CONNECT.cluster().status("multi").json().path("tasks").size()).isEqualTo(3);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
