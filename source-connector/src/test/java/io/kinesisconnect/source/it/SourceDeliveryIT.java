package io.kinesisconnect.source.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisconnect.source.KinesisSourceConfig;
import io.kinesisconnect.testkit.ConnectClusterExtension;
import io.kinesisconnect.testkit.EmulatorKind;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import io.kinesisconnect.testkit.StreamWriter;
import io.kinesisconnect.testkit.TopicReader;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Records reach Kafka completely and in per-key order, spread over tasks, across a stop and resume.
 */
class SourceDeliveryIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESIS_MOCK);

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.withWorkers(2);

    @Test
    void fourShardsOnTwoTasksDeliverEveryRecordInPerKeyOrderFromBothWorkers() {
        String stream = KINESIS.streams().create("spread", 4);
        CONNECT.cluster().embedded().kafka().createTopic(stream, 4);
        KeyedRecords records = new KeyedRecords(500);
        new StreamWriter(KINESIS.client()).putAll(stream, records.next(20_000));

        start("spread", stream, 2);

        Delivered delivered = new Delivered(reader().awaitAtLeast(stream, 20_000, TIMEOUT));
        assertThat(delivered.distinctValues()).isEqualTo(records.all());
        assertThat(delivered.keysOutOfOrder()).isEmpty();
        JsonNode status = CONNECT.cluster().status("spread").json();
        Set<String> taskWorkers = new HashSet<>();
        status.path("tasks").forEach(task -> taskWorkers.add(task.path("worker_id").asText()));
        assertThat(taskWorkers).as("the two tasks run on both workers").hasSize(2);
        System.out.printf(
                "Spread: 20000 records over 4 shards and 2 tasks, %d duplicates%n",
                delivered.duplicates());
    }

    @Test
    void stoppingMidStreamAndResumingLosesNothing() {
        String stream = KINESIS.streams().create("restart", 2);
        KeyedRecords records = new KeyedRecords(50);
        StreamWriter writer = new StreamWriter(KINESIS.client());
        writer.putAll(stream, records.next(3_000));
        start("restart", stream, 2);
        reader().awaitAtLeast(stream, 1_000, TIMEOUT);

        CONNECT.cluster().stop("restart").requireSuccess("stop");
        CONNECT.cluster().awaitStopped("restart", TIMEOUT);
        writer.putAll(stream, records.next(3_000));
        CONNECT.cluster().resume("restart").requireSuccess("resume");
        CONNECT.cluster().awaitRunning("restart", 2, TIMEOUT);

        Delivered delivered =
                Delivered.awaitAll(
                        CONNECT.cluster().bootstrapServers(),
                        stream,
                        records.all(),
                        false,
                        TIMEOUT);
        assertThat(delivered.distinctValues()).isEqualTo(records.all());
        assertThat(delivered.keysOutOfOrder()).isEmpty();
        System.out.printf("Restart: 6000 records, %d duplicates%n", delivered.duplicates());
    }

    private static void start(String name, String stream, int tasks) {
        Map<String, String> config =
                SourceTestConfigs.forEmulator(KINESIS.emulator(), name, List.of(stream), tasks);
        config.put(KinesisSourceConfig.STARTUP_POSITION_CONFIG, "earliest");
        CONNECT.cluster().putConnectorConfig(name, config).requireSuccess("create " + name);
        CONNECT.cluster().awaitRunning(name, tasks, TIMEOUT);
    }

    private static TopicReader reader() {
        return new TopicReader(CONNECT.cluster().bootstrapServers(), false);
    }
}
