package io.kinesisconnect.source.it;

import io.kinesisconnect.common.aws.AwsClientFactory;
import io.kinesisconnect.common.keys.AwsKeys;
import io.kinesisconnect.common.keys.SourceKeys;
import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.processes.EmulatorOptions;
import io.kinesisconnect.processes.StreamWriter;
import io.kinesisconnect.processes.TopicReader;
import io.kinesisconnect.source.KinesisSourceConfig;
import io.kinesisconnect.testkit.ConnectClusterExtension;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import io.kinesisconnect.testkit.ThreadCpu;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * One source task against a bare GetRecords-to-KafkaProducer loop, in the same JVM and the same
 * run, on kinesalite; and on kinesis-mock, polling beside enhanced fan-out and the same loop
 * ({@code -Dit.test=SourceThroughputBenchmark#efoBesidePollingOnKinesisMock} runs that alone). Not
 * part of the test suite (the name does not end in IT); run it on its own:
 *
 * <pre>
 * mvn -B -o -pl source-connector -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=SourceThroughputBenchmark \
 *     [-Dbench.records=100000] [-Dbench.sizes=100,1024]</pre>
 *
 * <p>Per record size it writes the records first, then lets each side read all of them from the
 * trim horizon (records/s between the first and the last Kafka append; CPU of that side's own
 * threads, see {@link ThreadCpu}); then, at half the loop's rate, a paced writer measures the
 * latency from the write to the Kafka append. It prints a table and asserts nothing about speed.
 */
class SourceThroughputBenchmark {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final int SHARDS = 4;
    private static final int PARTITIONS = 4;
    private static final String ALL_HEADERS =
            "stream,shard,sequence,subsequence,arrival,value-type";
    private static final String STRING_CONVERTER =
            "org.apache.kafka.connect.storage.StringConverter";
    private static final int RECORDS = Integer.getInteger("bench.records", 100_000);
    private static final List<Integer> SIZES =
            Arrays.stream(System.getProperty("bench.sizes", "100,1024").split(","))
                    .map(String::trim)
                    .map(Integer::valueOf)
                    .toList();
    private static final int WARM_UP_RECORDS = 20_000;
    private static final Duration LATENCY_RUN = Duration.ofSeconds(8);

    @RegisterExtension
    static final KinesisEmulatorExtension KINESALITE =
            KinesisEmulatorExtension.dedicated(EmulatorKind.KINESALITE, EmulatorOptions.defaults());

    /** Enhanced fan-out needs kinesis-mock: kinesalite has no SubscribeToShard. */
    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS_MOCK =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESIS_MOCK);

    /** kinesis-mock takes in about 600 records a second: fewer records than on kinesalite. */
    private static final int MOCK_RECORDS = Integer.getInteger("bench.mock.records", 10_000);

    /** kinesis-mock pushes an EFO event a second: a rate both readers keep up with. */
    private static final double MOCK_LATENCY_RATE = 100;

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.withWorkers(1);

    private int runs;

    /**
     * The readers compared: the yardstick, and the connector with all or no headers, and with all
     * headers written by StringConverter instead of the worker's default SimpleHeaderConverter (the
     * same bytes for these string and long headers).
     */
    private enum Side {
        BARE_LOOP("bare loop", null, null),
        CONNECTOR_ALL_HEADERS("connector", ALL_HEADERS, null),
        CONNECTOR_ALL_HEADERS_STRING_CONVERTER("connector", ALL_HEADERS, STRING_CONVERTER),
        CONNECTOR_NO_HEADERS("connector", "", null),
        /** Enhanced fan-out, only on kinesis-mock; the other sides poll. */
        CONNECTOR_EFO("connector efo", ALL_HEADERS, null);

        /** The sides of the kinesalite run. */
        static final List<Side> POLLING =
                List.of(
                        BARE_LOOP,
                        CONNECTOR_ALL_HEADERS,
                        CONNECTOR_ALL_HEADERS_STRING_CONVERTER,
                        CONNECTOR_NO_HEADERS);

        /** The sides of the kinesis-mock run. */
        static final List<Side> READER_TYPES =
                List.of(BARE_LOOP, CONNECTOR_ALL_HEADERS, CONNECTOR_EFO);

        final String label;
        final String headers;
        final String headerConverter;

        Side(String label, String headers, String headerConverter) {
            this.label = label;
            this.headers = headers;
            this.headerConverter = headerConverter;
        }

        String readerType() {
            return this == CONNECTOR_EFO ? "efo" : "polling";
        }

        String headersLabel() {
            if (headers == null) {
                return "-";
            }
            String which = headers.isEmpty() ? "none" : "all";
            return headerConverter == null ? which : which + " (StringConverter)";
        }
    }

    private record Row(
            int size,
            Side side,
            double recordsPerSecond,
            double cpuMsPer1000,
            long p50,
            long p99,
            double latencyRate) {

        /** From a side's {records/s, CPU-ms per 1,000} and its {p50, p99} latency. */
        static Row of(int size, Side side, double[] throughput, long[] latency, double rate) {
            return new Row(size, side, throughput[0], throughput[1], latency[0], latency[1], rate);
        }
    }

    @Test
    void connectorBesideBareLoop() {
        List<Row> rows = new ArrayList<>();
        boolean warm = false;
        for (int size : SIZES) {
            String stream = KINESALITE.streams().create("bench-" + size, SHARDS);
            writeUpFront(KINESALITE, stream, size, RECORDS);
            if (!warm) {
                // The first runs in a fresh JVM pay for class loading and JIT compilation.
                String warmUp = KINESALITE.streams().create("warm-up", SHARDS);
                writeUpFront(KINESALITE, warmUp, size, WARM_UP_RECORDS);
                throughput(KINESALITE, Side.BARE_LOOP, warmUp, WARM_UP_RECORDS);
                throughput(KINESALITE, Side.CONNECTOR_ALL_HEADERS, warmUp, WARM_UP_RECORDS);
                warm = true;
            }
            List<double[]> throughputs = new ArrayList<>();
            for (Side side : Side.POLLING) {
                throughputs.add(throughput(KINESALITE, side, stream, RECORDS));
            }
            double latencyRate = throughputs.get(0)[0] / 2;
            for (Side side : Side.POLLING) {
                // The header converter's latency is that of all headers: not measured twice.
                long[] latency =
                        side.headerConverter == null
                                ? latency(KINESALITE, side, size, latencyRate)
                                : new long[] {-1, -1};
                double[] figures = throughputs.get(Side.POLLING.indexOf(side));
                rows.add(Row.of(size, side, figures, latency, latencyRate));
            }
            print(rows, RECORDS);
        }
    }

    /**
     * Polling beside enhanced fan-out, and the bare GetRecords loop, on kinesis-mock. Its EFO
     * pushes an event about once a second, so EFO latency here is about a second and says nothing
     * of AWS's ~70 ms; throughput is bounded by kinesis-mock itself.
     */
    @Test
    void efoBesidePollingOnKinesisMock() {
        int size = 100;
        String stream = KINESIS_MOCK.streams().create("bench-efo", SHARDS);
        writeUpFront(KINESIS_MOCK, stream, size, MOCK_RECORDS);
        List<double[]> throughputs = new ArrayList<>();
        for (Side side : Side.READER_TYPES) {
            throughputs.add(throughput(KINESIS_MOCK, side, stream, MOCK_RECORDS));
        }
        List<Row> rows = new ArrayList<>();
        for (Side side : Side.READER_TYPES) {
            long[] latency = latency(KINESIS_MOCK, side, size, MOCK_LATENCY_RATE);
            double[] figures = throughputs.get(Side.READER_TYPES.indexOf(side));
            rows.add(Row.of(size, side, figures, latency, MOCK_LATENCY_RATE));
        }
        print(rows, MOCK_RECORDS);
    }

    private static void writeUpFront(
            KinesisEmulatorExtension kinesis, String stream, int size, int records) {
        byte[] payload = BenchPayloads.payload(size, 1);
        List<StreamWriter.Entry> entries = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            entries.add(new StreamWriter.Entry("key-" + (i % 1000), payload));
        }
        new StreamWriter(kinesis.client()).putAll(stream, entries);
    }

    /**
     * Reads the whole stream into a new topic.
     *
     * @return records/s and CPU-ms per 1,000 records
     */
    private double[] throughput(
            KinesisEmulatorExtension kinesis, Side side, String stream, int records) {
        String topic = newTopic();
        ThreadCpu cpu = ThreadCpu.start();
        try (Running running = start(kinesis, side, stream, topic)) {
            List<ConsumerRecord<byte[], byte[]>> landed =
                    new TopicReader(CONNECT.cluster().bootstrapServers(), false)
                            .awaitAtLeast(topic, records, TIMEOUT);
            Map<String, Long> split = cpu.byGroup(running.threads());
            long nanos = split.values().stream().mapToLong(Long::longValue).sum();
            running.throwIfFailed();
            double rate = new AppendedRecords(landed).appendRate();
            double cpuPer1000 = nanos / 1e6 / landed.size() * 1000;
            split.forEach(
                    (group, groupNanos) ->
                            System.out.printf(
                                    Locale.ROOT,
                                    "BENCHMARK cpu %s headers=%s: %s %.1f CPU-ms per 1,000%n",
                                    side.label,
                                    side.headersLabel(),
                                    group,
                                    groupNanos / 1e6 / landed.size() * 1000));
            System.out.printf(
                    Locale.ROOT,
                    "BENCHMARK throughput %s headers=%s: %d records, %.0f records/s, %.1f CPU-ms"
                            + " per 1,000%n",
                    side.label,
                    side.headersLabel(),
                    landed.size(),
                    rate,
                    cpuPer1000);
            return new double[] {rate, cpuPer1000};
        }
    }

    /**
     * Starts a side on a fresh stream, waits for a probe record to come through, then writes at
     * {@code perSecond} and measures write-to-append latency.
     *
     * @return p50 and p99 in milliseconds
     */
    private long[] latency(
            KinesisEmulatorExtension kinesis, Side side, int size, double perSecond) {
        String stream = kinesis.streams().create("lat-" + size, SHARDS);
        String topic = newTopic();
        PacedWriter writer = new PacedWriter(kinesis.client(), stream, size);
        int count = (int) (perSecond * LATENCY_RUN.toSeconds());
        try (Running running = start(kinesis, side, stream, topic)) {
            TopicReader reader = new TopicReader(CONNECT.cluster().bootstrapServers(), false);
            writer.writeProbe();
            reader.awaitAtLeast(topic, 1, TIMEOUT);
            double reached = writer.write(count, perSecond);
            AppendedRecords appended =
                    new AppendedRecords(reader.awaitAtLeast(topic, count + 1, TIMEOUT));
            running.throwIfFailed();
            System.out.printf(
                    Locale.ROOT,
                    "BENCHMARK latency %s headers=%s: %d records written at %.0f/s (asked %.0f):"
                            + " p50 %d ms, p99 %d ms%n",
                    side.label,
                    side.headersLabel(),
                    count,
                    reached,
                    perSecond,
                    appended.latency(0.5),
                    appended.latency(0.99));
            return new long[] {appended.latency(0.5), appended.latency(0.99)};
        }
    }

    private String newTopic() {
        String topic = "bench-" + (++runs);
        CONNECT.cluster()
                .embedded()
                .kafka()
                .createTopic(
                        topic, PARTITIONS, 1, Map.of("message.timestamp.type", "LogAppendTime"));
        return topic;
    }

    private Running start(
            KinesisEmulatorExtension kinesis, Side side, String stream, String topic) {
        String name = "bench-" + runs + "-" + side.name().toLowerCase(Locale.ROOT);
        Map<String, String> config =
                SourceTestConfigs.forReader(
                        kinesis.emulator(), name, List.of(stream), 1, side.readerType());
        config.put(KinesisSourceConfig.STARTUP_POSITION_CONFIG, "earliest");
        config.put(KinesisSourceConfig.TOPIC_TEMPLATE_CONFIG, topic);
        // Plain http for every side, EFO included (h2c): TLS would be a cost of its own.
        config.put(AwsKeys.ENDPOINT, kinesis.emulator().endpoint().toString());
        config.remove(AwsKeys.TLS_VERIFY_CERTIFICATES);
        if (side == Side.BARE_LOOP) {
            return RunningLoop.start(kinesis, config, stream, topic, name);
        }
        config.put(KinesisSourceConfig.HEADERS_CONFIG, side.headers);
        if (side.headerConverter != null) {
            config.put("header.converter", side.headerConverter);
        }
        // "All headers" includes the StateFun value type, which only a stream with one gets.
        config.put(SourceKeys.streamValueType(stream), "bench/record");
        CONNECT.cluster().putConnectorConfig(name, config).requireSuccess("create " + name);
        return new RunningConnector(name);
    }

    /** A side while it runs: its threads, and how to stop it. */
    private interface Running extends AutoCloseable {
        Predicate<String> threads();

        void throwIfFailed();

        @Override
        void close();
    }

    /**
     * The task thread, the reader threads and the task's producer network thread; with EFO also the
     * SDK's Netty event loops and async response threads, which only the task's client runs.
     */
    private record RunningConnector(String name) implements Running {
        @Override
        public Predicate<String> threads() {
            String producerThread =
                    BareSourceLoop.producerThread("connector-producer-" + name + "-0");
            return thread ->
                    thread.equals("task-thread-" + name + "-0")
                            || thread.startsWith(name + "-task-reader-")
                            || thread.startsWith("aws-java-sdk-NettyEventLoop")
                            || thread.startsWith("sdk-async-response")
                            || thread.equals(producerThread);
        }

        @Override
        public void throwIfFailed() {}

        @Override
        public void close() {
            CONNECT.cluster().delete(name).requireSuccess("delete " + name);
        }
    }

    /** The loop's shard threads and its producer network thread. */
    private record RunningLoop(BareSourceLoop loop, KinesisClient client, String clientId)
            implements Running {

        static RunningLoop start(
                KinesisEmulatorExtension kinesis,
                Map<String, String> config,
                String stream,
                String topic,
                String name) {
            KinesisClient client =
                    AwsClientFactory.kinesisClient(new KinesisSourceConfig(config).aws());
            BareSourceLoop loop =
                    new BareSourceLoop(
                            client, CONNECT.cluster().bootstrapServers(), name, stream, topic);
            loop.start(kinesis.streams().shards(stream).stream().map(Shard::shardId).toList());
            return new RunningLoop(loop, client, name);
        }

        @Override
        public Predicate<String> threads() {
            String producerThread = BareSourceLoop.producerThread(clientId);
            return thread ->
                    thread.startsWith(BareSourceLoop.THREAD_PREFIX)
                            || thread.equals(producerThread);
        }

        @Override
        public void throwIfFailed() {
            if (loop.failure() != null) {
                throw new AssertionError("The bare loop failed", loop.failure());
            }
        }

        @Override
        public void close() {
            if (loop.errors() > 0) {
                System.out.printf(
                        "BENCHMARK the bare loop retried %d failed calls%n", loop.errors());
            }
            loop.close();
            client.close();
        }
    }

    private static void print(List<Row> rows, int records) {
        StringBuilder table = new StringBuilder();
        table.append(
                "| record | reader | headers | records/s | vs loop | CPU-ms/1,000 | vs loop |"
                        + " p50 ms | p99 ms | latency at |\n");
        table.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            Row loop =
                    rows.stream()
                            .filter(r -> r.size() == row.size() && r.side() == Side.BARE_LOOP)
                            .findFirst()
                            .orElse(row);
            table.append(
                    String.format(
                            Locale.ROOT,
                            "| %d B | %s | %s | %.0f | %.2f× | %.1f | %.2f× | %s | %s | %.0f/s |%n",
                            row.size(),
                            row.side().label,
                            row.side().headersLabel(),
                            row.recordsPerSecond(),
                            row.recordsPerSecond() / loop.recordsPerSecond(),
                            row.cpuMsPer1000(),
                            row.cpuMsPer1000() / loop.cpuMsPer1000(),
                            row.p50() < 0 ? "-" : Long.toString(row.p50()),
                            row.p99() < 0 ? "-" : Long.toString(row.p99()),
                            row.latencyRate()));
        }
        System.out.println("BENCHMARK table (" + records + " records, " + SHARDS + " shards):");
        System.out.print(table);
    }
}
