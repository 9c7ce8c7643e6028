package io.kinesisconnect.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisconnect.testkit.Await;
import io.kinesisconnect.testkit.ConnectTestCluster;
import io.kinesisconnect.testkit.EmulatorKind;
import io.kinesisconnect.testkit.EmulatorOptions;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import io.kinesisconnect.testkit.LandedRecord;
import io.kinesisconnect.testkit.StreamContents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sink under faults, on an emulator of its own that the tests kill: the KPL child process dies
 * mid-stream, and Kinesis is unreachable for longer than the KPL's record TTL.
 */
class KinesisSinkFaultsIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(4);
    private static final Path DATA =
            Paths.get(System.getProperty("kc.build.dir", "target"), "sink-faults-emulator-data")
                    .resolve(Long.toString(System.nanoTime()));

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.dedicated(
                    EmulatorKind.KINESIS_MOCK, EmulatorOptions.defaults().persistingTo(DATA));

    private static ConnectTestCluster connect;

    @BeforeAll
    static void startCluster() {
        connect = ConnectTestCluster.builder().name("sink-faults").workers(2).start();
    }

    /** Deletes what a test left behind, also when it failed, so no task outlives its test. */
    @AfterEach
    void deleteConnectors() {
        connect.request("GET", "connectors", null).json().forEach(c -> connect.delete(c.asText()));
    }

    @AfterAll
    static void stopCluster() {
        if (connect != null) {
            connect.close();
        }
    }

    private static List<ProducerRecord<byte[], byte[]>> records(String topic, int count) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String value = String.format("%06d-", i) + "x".repeat(93);
            records.add(
                    new ProducerRecord<>(
                            topic,
                            ("key-" + i % 100).getBytes(StandardCharsets.UTF_8),
                            value.getBytes(StandardCharsets.UTF_8)));
        }
        return records;
    }

    private static long committed(String name) {
        long total = 0;
        for (JsonNode o : connect.offsets(name).json().path("offsets")) {
            total += o.path("offset").path("kafka_offset").asLong();
        }
        return total;
    }

    private static long metric(String name, String attribute) {
        return SinkItSupport.taskMetric(name, 0, attribute);
    }

    /** Waits until every record is in the stream and committed; returns the duplicate count. */
    private static long awaitAllLandedAndCommitted(String name, String stream, int count) {
        StreamContents[] last = {null};
        Await.until(
                count + " distinct records in " + stream,
                TIMEOUT,
                () -> {
                    last[0] = KINESIS.reader().readAll(stream);
                    return distinct(last[0]).size() == count;
                },
                () -> last[0] == null ? "-" : distinct(last[0]).size() + " distinct");
        Await.until(
                "offsets of all records committed",
                TIMEOUT,
                () -> committed(name) == count,
                () -> "committed " + committed(name));
        return last[0].size() - count;
    }

    private static Map<String, Long> distinct(StreamContents contents) {
        return contents.records().stream()
                .collect(Collectors.groupingBy(LandedRecord::dataAsString, Collectors.counting()));
    }

    @Test
    void killingTheKplChildProcessMidStreamLosesNoRecord() {
        int count = 20_000;
        String topic = "crash";
        connect.embedded().kafka().createTopic(topic, 2);
        String stream = KINESIS.streams().create("sink-crash", 2);
        SinkItSupport.produce(connect, records(topic, count));
        String name = "crash";
        Map<String, String> config =
                SinkItSupport.connectorConfig(KINESIS.emulator(), name, topic, stream);
        config.put(KinesisSinkConfig.MAX_OUTSTANDING_CONFIG, "500");
        Instant created = Instant.now();
        connect.putConnectorConfig(name, config).requireSuccess("create");
        connect.awaitRunning(name, 1, TIMEOUT);
        Await.until(
                "the first records to be written",
                TIMEOUT,
                () -> metric(name, "RecordsWritten") >= 1_000);

        List<ProcessHandle> kpl = kplProcessesStartedAfter(created);
        assertThat(kpl).as("the task's KPL child process").isNotEmpty();
        long writtenAtKill = metric(name, "RecordsWritten");
        kpl.forEach(ProcessHandle::destroyForcibly);

        long duplicates = awaitAllLandedAndCommitted(name, stream, count);
        System.out.printf(
                "KPL crash: killed %d kinesis_producer process(es) after %d of %d records;"
                        + " all landed, %d duplicates, %d re-sends%n",
                kpl.size(), writtenAtKill, count, duplicates, metric(name, "Retries"));
        assertThat(connect.status(name).json().path("tasks").get(0).path("state").asText())
                .isEqualTo("RUNNING");
        connect.delete(name);
    }

    /** The KPL child processes of this JVM started after {@code instant}: this test's task. */
    private static List<ProcessHandle> kplProcessesStartedAfter(Instant instant) {
        return ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().command().orElse("").contains("kinesis_producer"))
                .filter(p -> p.info().startInstant().map(s -> s.isAfter(instant)).orElse(false))
                .toList();
    }

    @Test
    void anOutageLongerThanTheRecordTtlEndsWithEveryRecordWrittenAndBoundedMemory() {
        int count = 6_000;
        int bound = 300;
        long ttlMs = 2_000;
        String topic = "outage";
        connect.embedded().kafka().createTopic(topic, 1);
        String stream = KINESIS.streams().create("sink-outage", 1);
        SinkItSupport.produce(connect, records(topic, count));
        String name = "outage";
        Map<String, String> config =
                SinkItSupport.connectorConfig(KINESIS.emulator(), name, topic, stream);
        config.put(KinesisSinkConfig.MAX_OUTSTANDING_CONFIG, Integer.toString(bound));
        config.put(KinesisSinkConfig.RETRIES_CONFIG, "100");
        config.put(KinesisSinkConfig.RETRY_BACKOFF_CONFIG, "250");
        config.put("kpl.RecordTtl", Long.toString(ttlMs));
        config.put("kpl.RequestTimeout", "1000");
        connect.putConnectorConfig(name, config).requireSuccess("create");
        connect.awaitRunning(name, 1, TIMEOUT);
        Await.until(
                "the first records to be written",
                TIMEOUT,
                () -> metric(name, "RecordsWritten") >= 500);
        // kinesis-mock persists on an interval: a record it acknowledged in the last moment
        // before a SIGKILL is lost on its side. Let acknowledged data settle before the kill.
        connect.request("PUT", "connectors/" + name + "/pause", null).requireSuccess("pause");
        Await.until(
                "no outstanding records while paused",
                TIMEOUT,
                () -> metric(name, "OutstandingRecords") == 0);
        long settled = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        Await.until(
                "kinesis-mock to persist what it acknowledged",
                TIMEOUT,
                () -> System.nanoTime() > settled);
        KINESIS.emulator().stop();
        connect.resume(name).requireSuccess("resume");
        long stopped = System.nanoTime();
        long retriesBefore = metric(name, "Retries");
        Await.until(
                "records to expire in the KPL and be queued again, 3 TTLs into the outage",
                TIMEOUT,
                () ->
                        metric(name, "Retries") > retriesBefore
                                && System.nanoTime() - stopped
                                        > Duration.ofMillis(3 * ttlMs).toNanos());
        long committedDuringOutage = committed(name);
        long writtenDuringOutage = metric(name, "RecordsWritten");
        Await.until(
                "one more offset commit interval to pass during the outage",
                TIMEOUT,
                () -> System.nanoTime() - stopped > Duration.ofMillis(3 * ttlMs + 4_000).toNanos());
        assertThat(committed(name))
                .as("nothing is committed while nothing can be written")
                .isEqualTo(committedDuringOutage)
                .isLessThanOrEqualTo(writtenDuringOutage);
        assertThat(metric(name, "OutstandingRecords")).isBetween(1L, (long) bound);
        double outageSeconds = (System.nanoTime() - stopped) / 1e9;

        KINESIS.emulator().restart();
        long duplicates = awaitAllLandedAndCommitted(name, stream, count);
        assertThat(metric(name, "MaxOutstandingRecords"))
                .as("outstanding records never exceeded the bound")
                .isLessThanOrEqualTo(bound);
        System.out.printf(
                "Outage: %.1f s with record TTL %d ms; %d records all landed after restart,"
                        + " %d duplicates, %d re-sends, max outstanding %d (bound %d)%n",
                outageSeconds,
                ttlMs,
                count,
                duplicates,
                metric(name, "Retries"),
                metric(name, "MaxOutstandingRecords"),
                bound);
        Set<String> expected =
                records(topic, count).stream()
                        .map(r -> new String(r.value(), StandardCharsets.UTF_8))
                        .collect(Collectors.toSet());
        assertThat(distinct(KINESIS.reader().readAll(stream)).keySet())
                .containsExactlyInAnyOrderElementsOf(expected);
        connect.delete(name);
    }
}
