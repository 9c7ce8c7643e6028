package io.kinesisconnect.source.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.common.keys.AwsKeys;
import io.kinesisconnect.processes.Await;
import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.processes.EmulatorOptions;
import io.kinesisconnect.processes.KinesisTestClients;
import io.kinesisconnect.processes.StreamWriter;
import io.kinesisconnect.source.KinesisSourceConfig;
import io.kinesisconnect.testkit.BenchmarkWindows;
import io.kinesisconnect.testkit.ConnectClusterExtension;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import io.kinesisconnect.testkit.ProcessCpu;
import io.kinesisconnect.testkit.ThreadCpu;
import io.kinesisconnect.testkit.limits.KinesisLimits;
import io.kinesisconnect.testkit.limits.KinesisLimitsProxyExtension;
import io.kinesisconnect.testkit.limits.ProxyCounters;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import javax.management.JMException;
import javax.management.ObjectName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * The fraction of the shard read limit that the source connector reaches against Kinesis as AWS
 * runs it, beside a second consumer: the limits proxy with AWS's defaults (5 GetRecords calls/s and
 * 2 MiB/s per shard, shared by every consumer; answers of up to 10 MiB are a byte debt) in front of
 * kinesalite, a 4-shard stream filled up front with more 1 KiB records than either reader can reach
 * in the run, read from the trim horizon by one connector task and by {@link BareSourceLoop} (a
 * GetRecords poller at 5 calls/s per shard into a plain KafkaProducer) at the same time.
 *
 * <p>Over a steady window after a warm-up it prints the fraction of the shards' byte limit that the
 * two reached together (the proxy's bytes returned) and each (the loop counts its own; the
 * connector's share is the rest), the calls and refusals of each, records/s and CPU-ms per 1,000
 * records (each side's own threads, see {@link ThreadCpu}).
 *
 * <p>It asserts no speed, only what its figures rest on: both readers were refused (the limit was
 * met), neither reached the end of any shard (they were never short of data), and what each
 * delivered to Kafka is, per shard, every record from the first up to where it stopped (none lost).
 *
 * <p>A benchmark, not part of the suite:
 *
 * <pre>
 * mvn -B -o -pl source-connector -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=SourceLimitsBenchmark \
 *     -Dkc.test.argLine=-Xmx6g [-Dbench.seconds=60] [-Dbench.warmup.seconds=10]</pre>
 */
class SourceLimitsBenchmark {

    private static final int SHARDS = 4;
    private static final int SIZE = Integer.getInteger("bench.size", 1024);
    private static final long WARM_UP_SECONDS = Long.getLong("bench.warmup.seconds", 10);
    private static final long WINDOW_SECONDS = Long.getLong("bench.seconds", 60);

    /** AWS's read limits per shard, which {@link KinesisLimits#aws()} enforces. */
    private static final double SHARD_BYTES_PER_SECOND = 2 * 1024 * 1024;

    private static final double SHARD_CALLS_PER_SECOND = 5;

    /** Partition keys of one length, so that every record weighs the same: k-00000. */
    private static final int KEY_LENGTH = 7;

    /**
     * Records per shard: 70% of what the shard's byte limit lets out over the warm-up, the window
     * and 10 s more. Two readers share that limit, so neither can reach the end unless it takes
     * well over half of the budget, which the run would then report as a failure.
     */
    private static final int PER_SHARD =
            (int)
                    ((WARM_UP_SECONDS + WINDOW_SECONDS + 10)
                            * SHARD_BYTES_PER_SECOND
                            * Double.parseDouble(System.getProperty("bench.fill.share", "0.7"))
                            / (SIZE + KEY_LENGTH));

    /**
     * Partitions of each reader's topic. Connect's source producer sends one request at a time to
     * the broker ({@code max.in.flight.requests.per.connection=1}, {@code acks=all}) with at most
     * one 16 KB batch per partition: with 4 partitions a request carried 64 KB, and each reader was
     * bound by the broker's round trip at 1.5-2.5 MB/s, below the shards' 8 MiB/s. With 64 a
     * request carries up to 1 MB, so that Kinesis, not Kafka, sets the pace.
     */
    private static final int PARTITIONS = Integer.getInteger("bench.partitions", 64);

    private static final int KEYS_PER_SHARD = 20;
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final String CONNECTOR = "limits-reader";
    private static final String CONNECTOR_TOPIC = "limits-connector";
    private static final String LOOP_TOPIC = "limits-bare-loop";

    @Order(1)
    @RegisterExtension
    static final KinesisEmulatorExtension KINESALITE =
            KinesisEmulatorExtension.dedicated(EmulatorKind.KINESALITE, EmulatorOptions.defaults());

    @Order(2)
    @RegisterExtension
    static final KinesisLimitsProxyExtension AWS_LIMITS =
            KinesisLimitsProxyExtension.inFrontOf(KINESALITE, KinesisLimits.aws());

    @Order(3)
    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.withWorkers(1);

    /** One reader's figures over the window. */
    private record Side(
            String reader, long bytes, long calls, long refused, double cpuMs, String detail) {

        long records() {
            return bytes / (SIZE + KEY_LENGTH);
        }
    }

    @Test
    void connectorBesideABarePollerAtTheShardReadLimit() throws IOException {
        String loadBefore = BenchmarkWindows.loadAverage();
        String stream = KINESALITE.streams().create("limits-read", SHARDS);
        List<Shard> shards = KINESALITE.streams().shards(stream);
        fill(stream, shards);
        for (String topic : List.of(CONNECTOR_TOPIC, LOOP_TOPIC)) {
            CONNECT.cluster().embedded().kafka().createTopic(topic, PARTITIONS);
        }
        List<String> scopes = shards.stream().map(s -> stream + "/" + s.shardId()).toList();
        ProxyCounters counters = AWS_LIMITS.counters();

        startConnector(stream);
        List<Side> sides;
        double seconds;
        long[] bytes;
        try (KinesisClient client = KinesisTestClients.createWithoutRetries(AWS_LIMITS.endpoint());
                BareSourceLoop loop =
                        new BareSourceLoop(
                                client,
                                CONNECT.cluster().bootstrapServers(),
                                LOOP_TOPIC,
                                stream,
                                LOOP_TOPIC)) {
            loop.start(shards.stream().map(Shard::shardId).toList());
            BenchmarkWindows.pass(Duration.ofSeconds(WARM_UP_SECONDS));

            long[] bytesBefore =
                    BenchmarkWindows.perShard(scopes, s -> counters.bytes("GetRecords", s));
            long callsBefore = counters.allowed("GetRecords");
            long refusedBefore = counters.refused("GetRecords");
            long loopBytes = loop.bytes();
            long loopCalls = loop.calls();
            long loopCallNanos = loop.callNanos();
            long emulatorTicks = ProcessCpu.ticks(KINESALITE.emulator().pid());
            long loopThrottles = loop.throttles();
            long connectorThrottles = taskMetric("Throttles");
            long connectorErrors = taskMetric("TransientErrors");
            ThreadCpu cpu = ThreadCpu.start();
            long started = System.nanoTime();
            BenchmarkWindows.pass(Duration.ofSeconds(WINDOW_SECONDS));
            double connectorCpu = cpu.nanosOf(connectorThreads()) / 1e6;
            double loopCpu = cpu.nanosOf(loopThreads()) / 1e6;
            double proxyCpu = cpu.nanosOf(t -> t.startsWith("kinesis-limits-proxy-")) / 1e6;
            double emulatorCpu = ProcessCpu.millisSince(KINESALITE.emulator().pid(), emulatorTicks);
            seconds = (System.nanoTime() - started) / 1e9;
            bytes =
                    BenchmarkWindows.minus(
                            BenchmarkWindows.perShard(scopes, s -> counters.bytes("GetRecords", s)),
                            bytesBefore);
            long calls = counters.allowed("GetRecords") - callsBefore;
            long refused = counters.refused("GetRecords") - refusedBefore;

            Side bare =
                    new Side(
                            "bare GetRecords loop",
                            loop.bytes() - loopBytes,
                            loop.calls() - loopCalls,
                            loop.throttles() - loopThrottles,
                            loopCpu,
                            String.format(
                                    Locale.ROOT,
                                    "answered GetRecords took %.2f s on average",
                                    (loop.callNanos() - loopCallNanos)
                                            / 1e9
                                            / Math.max(1, loop.calls() - loopCalls)));
            Side connector =
                    new Side(
                            "connector",
                            Arrays.stream(bytes).sum() - bare.bytes(),
                            calls - bare.calls(),
                            refused - bare.refused(),
                            connectorCpu,
                            String.format(
                                    Locale.ROOT,
                                    "throttles seen by the reader after the SDK's retries %d,"
                                            + " transient errors %d",
                                    taskMetric("Throttles") - connectorThrottles,
                                    taskMetric("TransientErrors") - connectorErrors));
            sides = List.of(connector, bare);
            System.out.printf(
                    Locale.ROOT,
                    "BENCHMARK CPU over the window: connector %.0f ms, bare loop %.0f ms, the"
                            + " proxy's threads %.0f ms, kinesalite %.0f ms (%.0f%% of one core)%n",
                    connectorCpu,
                    loopCpu,
                    proxyCpu,
                    emulatorCpu,
                    emulatorCpu / 10 / seconds);
            assertThat(loop.failure()).as("the bare loop's send failure").isNull();
        }
        stopConnectorCleanly();

        System.out.printf(
                Locale.ROOT,
                "BENCHMARK source limits %s: %d records of %d B per shard, %d shards, %d"
                        + " partitions per topic, AWS default read limits through the proxy in front"
                        + " of kinesalite, %d s warm-up, %.1f s window; bytes returned per shard %s;"
                        + " load average before: %s, after: %s%n%s",
                Instant.now(),
                PER_SHARD,
                SIZE,
                SHARDS,
                PARTITIONS,
                WARM_UP_SECONDS,
                seconds,
                Arrays.toString(bytes),
                loadBefore,
                BenchmarkWindows.loadAverage(),
                table(sides, seconds));
        for (Side side : sides) {
            assertThat(side.refused()).as("calls refused to the " + side.reader()).isPositive();
        }
        assertDeliveredPrefixes(CONNECTOR_TOPIC, shards.size());
        assertDeliveredPrefixes(LOOP_TOPIC, shards.size());
    }

    /**
     * Writes {@link #PER_SHARD} records to each shard, straight to kinesalite: keys chosen by the
     * shards' hash-key ranges, values {@code SS-NNNNNNNN-} (shard index, sequence in the shard) and
     * filler.
     */
    private static void fill(String stream, List<Shard> shards) {
        List<List<String>> keys = keysPerShard(shards);
        StreamWriter writer = new StreamWriter(KINESALITE.client());
        long started = System.nanoTime();
        int batch = 20_000 / SHARDS;
        for (int from = 0; from < PER_SHARD; from += batch) {
            List<StreamWriter.Entry> entries = new ArrayList<>();
            for (int seq = from; seq < Math.min(PER_SHARD, from + batch); seq++) {
                for (int shard = 0; shard < shards.size(); shard++) {
                    byte[] data = new byte[SIZE];
                    Arrays.fill(data, (byte) 'x');
                    byte[] head =
                            String.format("%02d-%08d-", shard, seq)
                                    .getBytes(StandardCharsets.US_ASCII);
                    System.arraycopy(head, 0, data, 0, head.length);
                    List<String> shardKeys = keys.get(shard);
                    entries.add(
                            new StreamWriter.Entry(shardKeys.get(seq % shardKeys.size()), data));
                }
            }
            writer.putAll(stream, entries);
        }
        System.out.printf(
                Locale.ROOT,
                "BENCHMARK filled %d records per shard in %.1f s%n",
                PER_SHARD,
                (System.nanoTime() - started) / 1e9);
    }

    /**
     * Partition keys that land in each shard. One key keeps its records in order in its shard, so
     * the per-shard sequence in the value is also the read order.
     */
    private static List<List<String>> keysPerShard(List<Shard> shards) {
        List<List<String>> keys = new ArrayList<>();
        shards.forEach(s -> keys.add(new ArrayList<>()));
        for (int n = 0; keys.stream().anyMatch(k -> k.size() < KEYS_PER_SHARD); n++) {
            String key = String.format("k-%05d", n);
            BigInteger hash = md5(key);
            for (int i = 0; i < shards.size(); i++) {
                Shard shard = shards.get(i);
                if (hash.compareTo(new BigInteger(shard.hashKeyRange().startingHashKey())) >= 0
                        && hash.compareTo(new BigInteger(shard.hashKeyRange().endingHashKey())) <= 0
                        && keys.get(i).size() < KEYS_PER_SHARD) {
                    keys.get(i).add(key);
                }
            }
        }
        return keys;
    }

    private static BigInteger md5(String key) {
        try {
            return new BigInteger(
                    1,
                    MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The connector with its defaults, reading from the trim horizon through the proxy. */
    private static void startConnector(String stream) {
        Map<String, String> config =
                SourceTestConfigs.forEmulator(KINESALITE.emulator(), CONNECTOR, List.of(stream), 1);
        // the connector's own defaults for what the quick-test config shortens
        config.remove(KinesisSourceConfig.IDLE_BACKOFF_CONFIG);
        config.remove(KinesisSourceConfig.DISCOVERY_INTERVAL_CONFIG);
        config.remove(KinesisSourceConfig.PARENT_CHECK_INTERVAL_CONFIG);
        config.put(AwsKeys.ENDPOINT, AWS_LIMITS.endpoint().toString());
        config.put(KinesisSourceConfig.STARTUP_POSITION_CONFIG, "earliest");
        config.put(KinesisSourceConfig.TOPIC_TEMPLATE_CONFIG, CONNECTOR_TOPIC);
        CONNECT.cluster().putConnectorConfig(CONNECTOR, config).requireSuccess("create");
        CONNECT.cluster().awaitRunning(CONNECTOR, 1, TIMEOUT);
    }

    /**
     * Pauses the connector and waits until its topic stops growing, so that every record it handed
     * to Connect is in the topic before the check; then deletes it. Deleting a busy task at once
     * closed its producer with sends in flight, which left gaps that were no loss: their offsets
     * were never committed.
     */
    private static void stopConnectorCleanly() {
        CONNECT.cluster()
                .request("PUT", "connectors/" + CONNECTOR + "/pause", null)
                .requireSuccess("pause " + CONNECTOR);
        CONNECT.cluster()
                .awaitStatus(
                        CONNECTOR + " paused",
                        CONNECTOR,
                        TIMEOUT,
                        s -> "PAUSED".equals(s.path("tasks").path(0).path("state").asText()));
        long[] last = {-1, System.nanoTime()};
        Await.until(
                CONNECTOR_TOPIC + " to stop growing for 3 s",
                TIMEOUT,
                () -> {
                    long end =
                            ShardPrefixes.endOffsets(
                                    CONNECT.cluster().bootstrapServers(), CONNECTOR_TOPIC);
                    if (end != last[0]) {
                        last[0] = end;
                        last[1] = System.nanoTime();
                    }
                    return System.nanoTime() - last[1] > Duration.ofSeconds(3).toNanos();
                });
        CONNECT.cluster().delete(CONNECTOR).requireSuccess("delete " + CONNECTOR);
    }

    /** The task thread, the reader threads and the task's producer network thread. */
    private static Predicate<String> connectorThreads() {
        String producer = BareSourceLoop.producerThread("connector-producer-" + CONNECTOR + "-0");
        return thread ->
                thread.equals("task-thread-" + CONNECTOR + "-0")
                        || thread.startsWith(CONNECTOR + "-task-reader-")
                        || thread.equals(producer);
    }

    private static Predicate<String> loopThreads() {
        String producer = BareSourceLoop.producerThread(LOOP_TOPIC);
        return thread -> thread.startsWith(BareSourceLoop.THREAD_PREFIX) || thread.equals(producer);
    }

    private static long taskMetric(String attribute) {
        try {
            ObjectName name =
                    new ObjectName(
                            "io.kinesisconnect:type=kinesis-source-task,connector="
                                    + CONNECTOR
                                    + ",task=0");
            return ((Number)
                            ManagementFactory.getPlatformMBeanServer()
                                    .getAttribute(name, attribute))
                    .longValue();
        } catch (JMException e) {
            throw new IllegalStateException("No task metric " + attribute, e);
        }
    }

    /**
     * Reads a topic to its end: per shard, the sequences delivered must be 0 to n - 1 with none
     * missing, and n below {@link #PER_SHARD}: the reader never reached the end of the shard.
     */
    private static void assertDeliveredPrefixes(String topic, int shards) {
        ShardPrefixes prefixes = ShardPrefixes.read(CONNECT.cluster().bootstrapServers(), topic);
        System.out.printf(Locale.ROOT, "BENCHMARK delivered to %s: %s%n", topic, prefixes);
        for (int shard = 0; shard < shards; shard++) {
            assertThat(prefixes.distinct(shard)).as(topic + " shard " + shard).isPositive();
            assertThat(prefixes.missing(shard))
                    .as(topic + " shard " + shard + ": sequences missing below the highest")
                    .isZero();
            assertThat(prefixes.highest(shard))
                    .as(topic + " shard " + shard + ": the highest sequence, below the shard's end")
                    .isLessThan(PER_SHARD - 1);
        }
    }

    /** Waits out a span of wall time: the warm-up and the window are spans by definition. */
    private static String table(List<Side> sides, double seconds) {
        double byteLimit = seconds * SHARDS * SHARD_BYTES_PER_SECOND;
        double callLimit = seconds * SHARDS * SHARD_CALLS_PER_SECOND;
        Side bare = sides.get(sides.size() - 1);
        long totalBytes = sides.stream().mapToLong(Side::bytes).sum();
        long totalCalls = sides.stream().mapToLong(Side::calls).sum();
        long totalRefused = sides.stream().mapToLong(Side::refused).sum();
        StringBuilder out =
                new StringBuilder(
                        "| reader | fraction of 2 MiB/s per shard | fraction of 5 calls/s per shard"
                                + " | calls | refused calls | records/s | CPU-ms per 1,000 |"
                                + " vs bare |\n"
                                + "|---|---|---|---|---|---|---|---|\n");
        for (Side s : sides) {
            out.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %.3f | %.3f | %d | %d | %,.0f | %.1f | %.2f× |%n",
                            s.reader(),
                            s.bytes() / byteLimit,
                            s.calls() / callLimit,
                            s.calls(),
                            s.refused(),
                            s.records() / seconds,
                            s.cpuMs() * 1000 / s.records(),
                            (s.cpuMs() / s.records()) / (bare.cpuMs() / bare.records())));
        }
        out.append(
                String.format(
                        Locale.ROOT,
                        "| together | %.3f | %.3f | %d | %d | %,.0f | | |%n",
                        totalBytes / byteLimit,
                        totalCalls / callLimit,
                        totalCalls,
                        totalRefused,
                        totalBytes / (double) (SIZE + KEY_LENGTH) / seconds));
        for (Side s : sides) {
            if (!s.detail().isEmpty()) {
                out.append(s.reader()).append(": ").append(s.detail()).append('\n');
            }
        }
        return out.toString();
    }
}
