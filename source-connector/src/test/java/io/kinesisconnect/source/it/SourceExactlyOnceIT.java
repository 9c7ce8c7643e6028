package io.kinesisconnect.source.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.processes.Await;
import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.processes.StreamWriter;
import io.kinesisconnect.processes.TopicReader;
import io.kinesisconnect.source.KinesisSourceConfig;
import io.kinesisconnect.testkit.ConnectClusterExtension;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With exactly.once.source.support=enabled, a read_committed consumer sees every record exactly
 * once although tasks restart and a worker leaves mid-stream.
 */
class SourceExactlyOnceIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final Duration MARKER_DEADLINE = Duration.ofSeconds(15);

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESIS_MOCK);

    @RegisterExtension
    static final ConnectClusterExtension CONNECT =
            ConnectClusterExtension.withWorkers(
                    3,
                    b ->
                            b.workerProperty("exactly.once.source.support", "enabled")
                                    // A minute, as shipped: only a transaction can then store
                                    // the startup marker within seconds.
                                    .workerProperty("offset.flush.interval.ms", "60000")
                                    .brokerProperty("transaction.state.log.replication.factor", "1")
                                    .brokerProperty("transaction.state.log.min.isr", "1"));

    @Test
    void latestIsStoredInTheFirstTransactionWithinSecondsAndWithoutData() {
        String stream = KINESIS.streams().create("eos-latest", 2);
        Map<String, String> config =
                SourceTestConfigs.forEmulator(KINESIS.emulator(), "eos-latest", List.of(stream), 2);
        config.put(KinesisSourceConfig.STARTUP_POSITION_CONFIG, "latest");
        config.put("exactly.once.support", "required");
        Instant beforeCreate = Instant.now();
        CONNECT.cluster().putConnectorConfig("eos-latest", config).requireSuccess("create");
        CONNECT.cluster().awaitRunning("eos-latest", 2, TIMEOUT);
        Instant running = Instant.now();

        // Far below the 60 s offset flush: only the first transaction can have stored it.
        Instant stored =
                Await.value(
                        "the startup marker in GET /connectors/eos-latest/offsets",
                        MARKER_DEADLINE,
                        () -> StoredStartup.of(CONNECT.cluster(), "eos-latest").orElse(null));
        Instant seen = Instant.now();
        assertThat(stored).isBetween(beforeCreate, running);
        System.out.printf(
                "latest with exactly-once: marker stored %d ms after the tasks ran, %d ms after"
                        + " the start instant%n",
                Duration.between(running, seen).toMillis(),
                Duration.between(stored, seen).toMillis());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"polling", "efo"})
    void everyRecordExactlyOnceAcrossTaskRestartsAndALostWorker(String readerType) {
        String name = "eos-" + readerType;
        String stream = KINESIS.streams().create(name, 4);
        CONNECT.cluster().embedded().kafka().createTopic(stream, 4);
        KeyedRecords records = new KeyedRecords(100);
        StreamWriter writer = new StreamWriter(KINESIS.client());
        writer.putAll(stream, records.next(3_000));

        Map<String, String> config =
                SourceTestConfigs.forReader(
                        KINESIS.emulator(), name, List.of(stream), 2, readerType);
        config.put(KinesisSourceConfig.STARTUP_POSITION_CONFIG, "earliest");
        config.put("exactly.once.support", "required");
        // Small polls: many transactions, so restarts land between and inside them.
        config.put(KinesisSourceConfig.POLL_BATCH_CONFIG, "100");
        CONNECT.cluster().putConnectorConfig(name, config).requireSuccess("create");
        CONNECT.cluster().awaitRunning(name, 2, TIMEOUT);
        TopicReader committed = new TopicReader(CONNECT.cluster().bootstrapServers(), true);
        committed.awaitAtLeast(stream, 500, TIMEOUT);

        CONNECT.cluster().restart(name, true, false).requireSuccess("restart tasks");
        writer.putAll(stream, records.next(3_000));
        CONNECT.cluster().awaitRunning(name, 2, TIMEOUT);
        committed.awaitAtLeast(stream, 3_500, TIMEOUT);

        WorkerHandle leaving = CONNECT.cluster().embedded().workers().iterator().next();
        CONNECT.cluster().embedded().removeWorker(leaving);
        writer.putAll(stream, records.next(3_000));
        CONNECT.cluster().awaitRunning(name, 2, TIMEOUT);

        Delivered delivered =
                Delivered.awaitAll(
                        CONNECT.cluster().bootstrapServers(), stream, records.all(), true, TIMEOUT);
        assertThat(delivered.distinctValues()).isEqualTo(records.all());
        assertThat(delivered.duplicates())
                .as("duplicates seen by a read_committed consumer")
                .isZero();
        assertThat(delivered.keysOutOfOrder()).isEmpty();
    }
}
