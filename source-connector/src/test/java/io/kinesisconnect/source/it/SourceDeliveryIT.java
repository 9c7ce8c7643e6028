package io.kinesisconnect.source.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.processes.StreamWriter;
import io.kinesisconnect.processes.TopicReader;
import io.kinesisconnect.source.KinesisSourceConfig;
import io.kinesisconnect.testkit.ConnectClusterExtension;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Records reach Kafka completely and in per-key order, spread over tasks, across a stop and resume,
 * with either reader type.
 */
class SourceDeliveryIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final String TOPIC_TEMPLATE_CONFIG = KinesisSourceConfig.TOPIC_TEMPLATE_CONFIG;

    private static String spreadStream;
    private static KeyedRecords spreadRecords;

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESIS_MOCK);

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.withWorkers(2);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"polling", "efo"})
    void fourShardsOnTwoTasksDeliverEveryRecordInPerKeyOrderFromBothWorkers(String readerType) {
        String name = "spread-" + readerType;
        String stream = spreadStream();
        String topic = stream + "-" + readerType;
        CONNECT.cluster().embedded().kafka().createTopic(topic, 4);

        start(
                name,
                stream,
                2,
                readerType,
                Map.of(TOPIC_TEMPLATE_CONFIG, "${stream}-" + readerType));

        Delivered delivered = new Delivered(reader().awaitAtLeast(topic, 20_000, TIMEOUT));
        assertThat(delivered.distinctValues()).isEqualTo(spreadRecords.all());
        assertThat(delivered.keysOutOfOrder()).isEmpty();
        JsonNode status = CONNECT.cluster().status(name).json();
        Set<String> taskWorkers = new HashSet<>();
        status.path("tasks").forEach(task -> taskWorkers.add(task.path("worker_id").asText()));
        assertThat(taskWorkers).as("the two tasks run on both workers").hasSize(2);
        // The other reader type reads the same stream next: this one's CPU is not to slow it.
        CONNECT.cluster().delete(name).requireSuccess("delete " + name);
        System.out.printf(
                "Spread (%s): 20000 records over 4 shards and 2 tasks, %d duplicates%n",
                readerType, delivered.duplicates());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"polling", "efo"})
    void stoppingMidStreamAndResumingLosesAndRepeatsNothing(String readerType) {
        String name = "restart-" + readerType;
        String stream = KINESIS.streams().create(name, 2);
        KeyedRecords records = new KeyedRecords(50);
        StreamWriter writer = new StreamWriter(KINESIS.client());
        writer.putAll(stream, records.next(3_000));
        start(name, stream, 2, readerType);
        reader().awaitAtLeast(stream, 1_000, TIMEOUT);

        CONNECT.cluster().stop(name).requireSuccess("stop");
        CONNECT.cluster().awaitStopped(name, TIMEOUT);
        writer.putAll(stream, records.next(3_000));
        CONNECT.cluster().resume(name).requireSuccess("resume");
        CONNECT.cluster().awaitRunning(name, 2, TIMEOUT);

        Delivered delivered =
                Delivered.awaitAll(
                        CONNECT.cluster().bootstrapServers(),
                        stream,
                        records.all(),
                        false,
                        TIMEOUT);
        assertThat(delivered.distinctValues()).isEqualTo(records.all());
        assertThat(delivered.keysOutOfOrder()).isEmpty();
        // Stop commits the offsets of everything delivered, so a resume repeats nothing.
        assertThat(delivered.duplicates()).isZero();
        System.out.printf(
                "Restart (%s): 6000 records, %d duplicates%n", readerType, delivered.duplicates());
    }

    /**
     * One stream of 20,000 records for both reader types, each with its own connector and topic:
     * kinesis-mock takes about half a minute to take them in.
     */
    private static synchronized String spreadStream() {
        if (spreadStream == null) {
            spreadStream = KINESIS.streams().create("spread", 4);
            spreadRecords = new KeyedRecords(500);
            new StreamWriter(KINESIS.client()).putAll(spreadStream, spreadRecords.next(20_000));
        }
        return spreadStream;
    }

    private static void start(String name, String stream, int tasks, String readerType) {
        start(name, stream, tasks, readerType, Map.of());
    }

    private static void start(
            String name, String stream, int tasks, String readerType, Map<String, String> extra) {
        Map<String, String> config =
                SourceTestConfigs.forReader(
                        KINESIS.emulator(), name, List.of(stream), tasks, readerType);
        config.putAll(extra);
        config.put(KinesisSourceConfig.STARTUP_POSITION_CONFIG, "earliest");
        CONNECT.cluster().putConnectorConfig(name, config).requireSuccess("create " + name);
        CONNECT.cluster().awaitRunning(name, tasks, TIMEOUT);
    }

    private static TopicReader reader() {
        return new TopicReader(CONNECT.cluster().bootstrapServers(), false);
    }
}
