package io.kinesisconnect.source.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.processes.Await;
import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.processes.StreamWriter;
import io.kinesisconnect.processes.TopicReader;
import io.kinesisconnect.source.KinesisSourceConfig;
import io.kinesisconnect.testkit.ConnectClusterExtension;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Shards without a stored offset start where kinesis.startup.position says; earliest, latest and
 * date with both reader types.
 */
class SourceStartupPositionsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESIS_MOCK);

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.withWorkers(2);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"polling", "efo"})
    void earliestDeliversEveryRetainedRecord(String readerType) {
        String stream = KINESIS.streams().create("earliest-" + readerType, 2);
        write(stream, "old", 100);

        start(
                "earliest-" + readerType,
                stream,
                readerType,
                Map.of(KinesisSourceConfig.STARTUP_POSITION_CONFIG, "earliest"));
        write(stream, "new", 20);

        assertThat(values(read(stream, 120))).hasSize(120).contains("old-0", "old-99", "new-19");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"polling", "efo"})
    void latestDeliversOnlyRecordsWrittenAfterTheConnectorWasCreated(String readerType) {
        String stream = KINESIS.streams().create("latest-" + readerType, 2);
        write(stream, "before", 50);

        start(
                "latest-" + readerType,
                stream,
                readerType,
                Map.of(KinesisSourceConfig.STARTUP_POSITION_CONFIG, "latest"));
        write(stream, "after", 50);

        List<String> values = values(read(stream, 50));
        assertThat(values).allMatch(v -> v.startsWith("after-")).hasSize(50);
    }

    @Test
    void latestIsStoredAsTheStartupMarkerShownByTheOffsetsEndpointAtTheFirstOffsetFlush() {
        String stream = KINESIS.streams().create("latest-stored", 2);
        Instant beforeCreate = Instant.now();

        start(
                "latest-stored",
                stream,
                Map.of(KinesisSourceConfig.STARTUP_POSITION_CONFIG, "latest"));
        Instant running = Instant.now();

        // Nothing is written to the stream: the marker must not wait for data.
        Instant stored =
                Await.value(
                        "the startup marker in GET /connectors/latest-stored/offsets",
                        TIMEOUT,
                        () -> StoredStartup.of(CONNECT.cluster(), "latest-stored").orElse(null));
        Instant seen = Instant.now();
        assertThat(stored).isBetween(beforeCreate, running);
        System.out.printf(
                "latest without exactly-once (offset.flush.interval.ms=2000): marker stored"
                        + " %d ms after the tasks ran, %d ms after the start instant%n",
                Duration.between(running, seen).toMillis(),
                Duration.between(stored, seen).toMillis());
    }

    @Test
    void latestLosesNothingWhenTasksRestartBeforeTheirFirstOffsetCommit() {
        String stream = KINESIS.streams().create("latest-restart", 2);
        write(stream, "before", 20);

        start(
                "latest-restart",
                stream,
                Map.of(KinesisSourceConfig.STARTUP_POSITION_CONFIG, "latest"));
        write(stream, "after-first", 30);
        for (int task = 0; task < 2; task++) {
            CONNECT.cluster()
                    .request("POST", "connectors/latest-restart/tasks/" + task + "/restart", null)
                    .requireSuccess("restart task " + task);
        }
        CONNECT.cluster().awaitRunning("latest-restart", 2, TIMEOUT);
        write(stream, "after-second", 30);

        List<String> values = values(read(stream, 60));
        assertThat(values).hasSize(60).noneMatch(v -> v.startsWith("before-"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"polling", "efo"})
    void dateDeliversOnlyRecordsAtOrAfterTheDateInStateFunsOwnFormat(String readerType) {
        String stream = KINESIS.streams().create("date-" + readerType, 2);
        write(stream, "old", 30);
        Instant lastOld =
                KINESIS.reader().readAll(stream).records().stream()
                        .map(r -> r.arrival())
                        .max(Instant::compareTo)
                        .orElseThrow();
        Instant date = lastOld.plusMillis(1);
        Await.until(
                "the clock to pass the startup date",
                TIMEOUT,
                () -> Instant.now().isAfter(date.plusMillis(5)));
        write(stream, "new", 30);
        String stateFunDate =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS Z")
                        .withZone(ZoneOffset.UTC)
                        .format(date);

        start(
                "date-" + readerType,
                stream,
                readerType,
                Map.of(
                        KinesisSourceConfig.STARTUP_POSITION_CONFIG,
                        "date",
                        KinesisSourceConfig.STARTUP_DATE_CONFIG,
                        stateFunDate));

        List<String> values = values(read(stream, 30));
        assertThat(values).allMatch(v -> v.startsWith("new-")).hasSize(30);
    }

    private void start(String name, String stream, Map<String, String> extra) {
        start(name, stream, "polling", extra);
    }

    private void start(String name, String stream, String readerType, Map<String, String> extra) {
        Map<String, String> config =
                SourceTestConfigs.forReader(
                        KINESIS.emulator(), name, List.of(stream), 2, readerType);
        config.putAll(extra);
        CONNECT.cluster().putConnectorConfig(name, config).requireSuccess("create " + name);
        CONNECT.cluster().awaitRunning(name, 2, TIMEOUT);
    }

    private static void write(String stream, String prefix, int count) {
        List<StreamWriter.Entry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(
                    new StreamWriter.Entry(
                            "key-" + i, (prefix + "-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        new StreamWriter(KINESIS.client()).putAll(stream, entries);
    }

    /** Waits for {@code expected} records, then reads to the end to catch any extra. */
    private static List<ConsumerRecord<byte[], byte[]>> read(String topic, int expected) {
        TopicReader reader = new TopicReader(CONNECT.cluster().bootstrapServers(), false);
        reader.awaitAtLeast(topic, expected, TIMEOUT);
        return reader.readToEnd(topic, TIMEOUT);
    }

    private static List<String> values(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
    }
}
