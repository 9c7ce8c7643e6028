package io.kinesisconnect.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisconnect.processes.Await;
import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.processes.EmulatorOptions;
import io.kinesisconnect.processes.LandedRecord;
import io.kinesisconnect.processes.StreamContents;
import io.kinesisconnect.sink.config.KinesisSinkConfig;
import io.kinesisconnect.sink.config.SinkWriter;
import io.kinesisconnect.testkit.ConnectTestCluster;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    /**
     * Starts each test with the emulator's TLS port (the one the KPL uses) accepting connections.
     * Under heavy CPU load kinesis-mock has been seen to keep its plain port and lose its TLS
     * listener; then it is restarted (its streams persist), so that a test fails on what it tests.
     */
    @BeforeEach
    void tlsPortAnswers() {
        if (!tlsPortAcceptsWithin(Duration.ofSeconds(20))) {
            KINESIS.emulator().restart();
            assertThat(tlsPortAcceptsWithin(Duration.ofSeconds(90)))
                    .as("kinesis-mock's TLS port after a restart")
                    .isTrue();
        }
    }

    private static boolean tlsPortAcceptsWithin(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int port = KINESIS.emulator().tlsPort();
        boolean[] up = {false};
        Await.until(
                "a connection to the TLS port, or " + timeout.toSeconds() + " s",
                timeout.plusSeconds(5),
                () -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
                        up[0] = true;
                    } catch (IOException e) {
                        up[0] = false;
                    }
                    return up[0] || System.nanoTime() > deadline;
                });
        return up[0];
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

    /**
     * A fault run of one writer: a one-partition topic holding {@code count} numbered records, a
     * one-shard stream, and the connector's config, all named after the scenario and the writer.
     */
    private record OneShardRun(
            String name, String topic, String stream, Map<String, String> config) {

        static OneShardRun of(String scenario, String writer, int count) {
            String name = scenario + "-" + writer;
            connect.embedded().kafka().createTopic(name, 1);
            String stream = KINESIS.streams().create("sink-" + name, 1);
            SinkItSupport.produce(connect, records(name, count));
            Map<String, String> config =
                    SinkItSupport.connectorConfig(KINESIS.emulator(), name, name, stream);
            config.put(KinesisSinkConfig.WRITER_CONFIG, writer);
            slowEnoughToStrikeMidStream(config, writer);
            return new OneShardRun(name, name, stream, config);
        }
    }

    /**
     * The sdk writer aggregates a whole batch into one call and would be done before a fault could
     * strike; without aggregation it sends one record per shard per round trip (its order rule),
     * which on a loaded kinesis-mock is under 10 records/s. Aggregates of 50 sit in between.
     */
    private static void slowEnoughToStrikeMidStream(Map<String, String> config, String writer) {
        if (SinkWriter.SDK.configValue().equals(writer)) {
            config.put(KinesisSinkConfig.AGGREGATION_MAX_RECORDS_CONFIG, "50");
        }
    }

    /**
     * Waits until kinesis-mock's data file holds every Kinesis record the live emulator returns for
     * {@code stream}: it persists on an interval (and slower on a loaded machine), so a record it
     * acknowledged just before a kill would otherwise be lost on its side and blamed on the sink.
     */
    private static void awaitPersisted(String stream) {
        long live = KINESIS.reader().readAll(stream).kinesisRecordCount();
        Await.until(
                "kinesis-mock to persist the " + live + " records of " + stream,
                TIMEOUT,
                () -> KINESIS.emulator().persisted().recordCount(stream).orElse(-1) >= live,
                () -> "persisted " + KINESIS.emulator().persisted().recordCount(stream));
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
                () ->
                        last[0] == null
                                ? "-"
                                : distinct(last[0]).size()
                                        + " distinct; "
                                        + missing(last[0], count));
        Await.until(
                "offsets of all records committed",
                TIMEOUT,
                () -> committed(name) == count,
                () -> "committed " + committed(name));
        return last[0].size() - count;
    }

    /** Which of the numbered records are not in the stream, for the failure message. */
    private static String missing(StreamContents contents, int count) {
        Set<Integer> landed = new HashSet<>();
        for (String value : distinct(contents).keySet()) {
            landed.add(Integer.parseInt(value.substring(0, 6)));
        }
        List<Integer> absent = new ArrayList<>();
        for (int i = 0; i < count && absent.size() < 200; i++) {
            if (!landed.contains(i)) {
                absent.add(i);
            }
        }
        return "missing (first 200): " + absent;
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
        long committedAtKill = committed(name);
        long writtenAtKill = metric(name, "RecordsWritten");
        kpl.forEach(ProcessHandle::destroyForcibly);
        assertThat(writtenAtKill).as("killed before the end, not after it").isLessThan(count);

        long duplicates = awaitAllLandedAndCommitted(name, stream, count);
        System.out.printf(
                "KPL crash: killed %d kinesis_producer process(es) after %d of %d records"
                        + " (%d committed); all landed, %d duplicates, %d re-sends%n",
                kpl.size(),
                writtenAtKill,
                count,
                committedAtKill,
                duplicates,
                metric(name, "Retries"));
        assertThat(duplicates)
                .as("duplicates are at most the records after the last commit at the kill")
                .isBetween(0L, count - committedAtKill);
        assertThat(metric(name, "Retries"))
                .as("the records the kill failed were re-sent")
                .isPositive();
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

    /**
     * The endpoint killed mid-stream and restarted 10 s later. With {@code kpl}, records expire in
     * the KPL after {@code kpl.RecordTtl} and the task sends them again; with {@code sdk}, the
     * writer puts failed records back at the heads of their shards' lanes.
     */
    @ParameterizedTest(name = "kinesis.writer={0}")
    @ValueSource(strings = {"kpl", "sdk"})
    void anOutageLongerThanTheRecordTtlEndsWithEveryRecordWrittenAndBoundedMemory(String writer) {
        int count = 6_000;
        int bound = 300;
        long ttlMs = 2_000;
        OneShardRun run = OneShardRun.of("outage", writer, count);
        String topic = run.topic();
        String stream = run.stream();
        String name = run.name();
        Map<String, String> config = run.config();
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
        awaitQuiet(name, 1);
        awaitPersisted(stream);
        long committedAtStop = committed(name);
        long writtenAtStop = metric(name, "RecordsWritten");
        KINESIS.emulator().stop();
        connect.resume(name).requireSuccess("resume");
        long stopped = System.nanoTime();
        assertThat(writtenAtStop).as("the outage starts before the end").isLessThan(count);
        long retriesBefore = metric(name, "Retries");
        Await.until(
                "records to fail and be queued again, 3 TTLs into the outage",
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
                "Outage (%s): %.1f s with record TTL %d ms; %d records all landed after restart,"
                        + " %d duplicates, %d re-sends, max outstanding %d (bound %d)%n",
                writer,
                outageSeconds,
                ttlMs,
                count,
                duplicates,
                metric(name, "Retries"),
                metric(name, "MaxOutstandingRecords"),
                bound);
        assertThat(duplicates)
                .as("duplicates are at most the records after the last commit at the outage")
                .isBetween(0L, count - committedAtStop);
        assertThat(metric(name, "Retries")).isPositive();
        Set<String> expected =
                records(topic, count).stream()
                        .map(r -> new String(r.value(), StandardCharsets.UTF_8))
                        .collect(Collectors.toSet());
        assertThat(distinct(KINESIS.reader().readAll(stream)).keySet())
                .containsExactlyInAnyOrderElementsOf(expected);
        connect.delete(name);
    }

    @ParameterizedTest(name = "kinesis.writer={0}")
    @ValueSource(strings = {"kpl", "sdk"})
    void anOutageLongerThanTheRetryBudgetFailsTheTaskNamingTheRecordAndCommitsNothingPastIt(
            String writer) {
        int count = 10_000;
        OneShardRun run = OneShardRun.of("budget", writer, count);
        String topic = run.topic();
        String name = run.name();
        Map<String, String> config = run.config();
        // a small bound keeps the task writing for many seconds: the outage starts mid-stream
        config.put(KinesisSinkConfig.MAX_OUTSTANDING_CONFIG, "50");
        config.put(KinesisSinkConfig.RETRIES_CONFIG, "1");
        config.put(KinesisSinkConfig.RETRY_BACKOFF_CONFIG, "100");
        config.put("kpl.RecordTtl", "500");
        config.put("kpl.RequestTimeout", "500");
        connect.putConnectorConfig(name, config).requireSuccess("create");
        connect.awaitRunning(name, 1, TIMEOUT);
        Await.until(
                "a first offset commit",
                TIMEOUT,
                () -> committed(name) > 0,
                () -> "written " + metric(name, "RecordsWritten"));
        try {
            long writtenAtStop = metric(name, "RecordsWritten");
            KINESIS.emulator().stop();
            assertThat(writtenAtStop).as("the outage starts before the end").isLessThan(count);
            JsonNode status = connect.awaitFailure(name, TIMEOUT);
            String trace = status.path("tasks").get(0).path("trace").asText();
            Matcher named =
                    Pattern.compile(
                                    "Could not write record topic="
                                            + topic
                                            + " partition=0 offset=(\\d+)")
                            .matcher(trace);
            assertThat(named.find()).as("the failure names the record: " + trace).isTrue();
            long failedOffset = Long.parseLong(named.group(1));
            assertThat(trace)
                    .containsPattern("after 2 (failed )?attempts")
                    .contains("kinesis.retries.max=1");
            assertThat(failedOffset).isLessThan(count);
            assertThat(committed(name))
                    .as("the committed offset never passes the record that failed the task")
                    .isPositive()
                    .isLessThanOrEqualTo(failedOffset);
        } finally {
            KINESIS.emulator().restart();
        }
        connect.delete(name);
    }

    @Test
    void aWorkerJoiningDuringAnOutageKeepsEveryTaskUnderItsBoundsAndLosesNothing() {
        int count =
                4_000; // each task still has more than its bound plus a parked batch left after the
        // restart
        int bound = 50;
        int maxPollRecords = 500; // the consumer default: at most one batch is ever parked
        String topic = "rebalance";
        connect.embedded().kafka().createTopic(topic, 4);
        String stream = KINESIS.streams().create("sink-rebalance", 2);
        SinkItSupport.produce(connect, records(topic, count));
        String name = "rebalance";
        Map<String, String> config =
                SinkItSupport.connectorConfig(KINESIS.emulator(), name, topic, stream);
        config.put("tasks.max", "2");
        config.put(KinesisSinkConfig.MAX_OUTSTANDING_CONFIG, Integer.toString(bound));
        config.put(KinesisSinkConfig.RETRIES_CONFIG, "100");
        config.put(KinesisSinkConfig.RETRY_BACKOFF_CONFIG, "250");
        config.put("kpl.RecordTtl", "2000");
        // Long enough for a loaded kinesis-mock working off the calls that queued while it was
        // frozen: 1 s timed those out again and again, and the catch-up took minutes.
        config.put("kpl.RequestTimeout", "3000");
        connect.putConnectorConfig(name, config).requireSuccess("create");
        connect.awaitRunning(name, 2, TIMEOUT);
        Await.until("the first records to be written", TIMEOUT, () -> written(name) >= 400);
        // The outage is a frozen endpoint (SIGSTOP), not a kill: kinesis-mock persists only on an
        // interval, and a kill while records flow loses on its side what it had just acknowledged.
        // Frozen, it keeps every record, and the calls in flight hang until they time out.
        KINESIS.emulator().freeze();
        try {
            assertThat(written(name)).as("the outage starts before the end").isLessThan(count);
            bothTasksStayBoundedThroughARebalance(name, bound, maxPollRecords);
        } finally {
            KINESIS.emulator().thaw();
        }
        long duplicates = awaitAllLandedAndCommitted(name, stream, count);
        System.out.printf(
                "Rebalance during an outage: %d records all landed, %d duplicates%n",
                count, duplicates);
        connect.delete(name);
    }

    /**
     * While Kinesis is down: both tasks fill their bound and park records; a worker joins and task
     * 1 restarts, and on every sample until each task has been seen full again, no task holds more
     * than its bounds.
     */
    private static void bothTasksStayBoundedThroughARebalance(
            String name, int bound, int maxPollRecords) {
        Await.until(
                "both tasks to fill their bound and park records",
                TIMEOUT,
                () -> parked(name, 0) > 0 && parked(name, 1) > 0,
                () -> "parked " + parked(name, 0) + "/" + parked(name, 1));

        // A worker joins while Kinesis is down; then task 1 restarts, so that its consumer leaves
        // and rejoins the group and task 0 goes through a consumer rebalance while it is paused
        // (its partitions are revoked and assigned again, and new ones may come).
        connect.embedded().addWorker();
        Await.until(
                "the third worker to answer REST",
                TIMEOUT,
                () -> connect.embedded().healthyWorkers().size() == 3);
        connect.request("POST", "connectors/" + name + "/tasks/1/restart", null)
                .requireSuccess("restart task 1");
        connect.awaitRunning(name, 2, TIMEOUT);
        // The restarted instance (and any instance a rebalance moves) registers fresh figures, and
        // until it has its partitions it reads 0: so the bounds are checked on every sample while
        // the outage lasts, until each task has been seen with records in flight and parked again
        // and at least 3 s have passed, rather than once at a moment that may fall between two
        // instances.
        long[] inFlight = new long[2];
        long[] parkedSeen = new long[2];
        long minimum = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        Await.until(
                "both tasks, the restarted one included, to fill their bound and park again while"
                        + " Kinesis is down",
                TIMEOUT,
                () -> {
                    for (int task = 0; task < 2; task++) {
                        long outstandingNow =
                                SinkItSupport.taskMetric(name, task, "OutstandingRecords");
                        long parkedNow = parked(name, task);
                        assertThat(outstandingNow)
                                .as("task %d outstanding", task)
                                .isLessThanOrEqualTo(bound);
                        assertThat(parkedNow)
                                .as(
                                        "task %d parked: its partitions, new ones included, are paused",
                                        task)
                                .isLessThanOrEqualTo(maxPollRecords);
                        inFlight[task] = Math.max(inFlight[task], outstandingNow);
                        parkedSeen[task] = Math.max(parkedSeen[task], parkedNow);
                    }
                    return inFlight[0] > 0
                            && inFlight[1] > 0
                            && parkedSeen[0] > 0
                            && parkedSeen[1] > 0
                            && System.nanoTime() > minimum;
                },
                () ->
                        "in flight "
                                + Arrays.toString(inFlight)
                                + ", parked "
                                + Arrays.toString(parkedSeen));
        for (int task = 0; task < 2; task++) {
            assertThat(SinkItSupport.taskMetric(name, task, "MaxOutstandingRecords"))
                    .as("task %d most outstanding", task)
                    .isLessThanOrEqualTo(bound);
            assertThat(SinkItSupport.taskMetric(name, task, "MaxParkedRecords"))
                    .as("task %d most parked", task)
                    .isLessThanOrEqualTo(maxPollRecords);
        }
    }

    private static long written(String name) {
        return Math.max(0, SinkItSupport.taskMetric(name, 0, "RecordsWritten"))
                + Math.max(0, SinkItSupport.taskMetric(name, 1, "RecordsWritten"));
    }

    /**
     * Waits until no task of the paused connector has a record outstanding (in the writer, or
     * waiting for a re-send), so that nothing reaches Kinesis after this: a paused task is not
     * called, so its parked records stay parked. A task whose metrics are not registered (yet, or
     * again after a restart) is not quiet: reading it as 0 once let a task's last 50 records be
     * acknowledged after the emulator had persisted, and lost on its side at the kill.
     */
    private static void awaitQuiet(String name, int tasks) {
        Await.until(
                "no outstanding records in any of " + tasks + " tasks while paused",
                TIMEOUT,
                () -> {
                    for (int task = 0; task < tasks; task++) {
                        if (SinkItSupport.taskMetric(name, task, "OutstandingRecords") != 0) {
                            return false;
                        }
                    }
                    return true;
                },
                () -> {
                    StringBuilder seen = new StringBuilder();
                    for (int task = 0; task < tasks; task++) {
                        seen.append(
                                String.format(
                                        "task %d outstanding %d parked %d; ",
                                        task,
                                        SinkItSupport.taskMetric(name, task, "OutstandingRecords"),
                                        parked(name, task)));
                    }
                    return seen.toString();
                });
    }

    private static long parked(String name, int task) {
        return SinkItSupport.taskMetric(name, task, "ParkedRecords");
    }
}
