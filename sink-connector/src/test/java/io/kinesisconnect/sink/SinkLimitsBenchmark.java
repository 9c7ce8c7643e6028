package io.kinesisconnect.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.common.aws.AwsClientFactory;
import io.kinesisconnect.processes.Await;
import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.processes.EmulatorOptions;
import io.kinesisconnect.processes.KinesisTestClients;
import io.kinesisconnect.processes.LandedRecord;
import io.kinesisconnect.processes.StreamContents;
import io.kinesisconnect.sink.config.KinesisSinkConfig;
import io.kinesisconnect.sink.write.sdk.SdkKinesisPutApi;
import io.kinesisconnect.sink.write.sdk.SdkWriterSettings;
import io.kinesisconnect.testkit.BenchmarkWindows;
import io.kinesisconnect.testkit.ConnectClusterExtension;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import io.kinesisconnect.testkit.ProcessCpu;
import io.kinesisconnect.testkit.ThreadCpu;
import io.kinesisconnect.testkit.limits.KinesisLimits;
import io.kinesisconnect.testkit.limits.KinesisLimitsProxyExtension;
import io.kinesisconnect.testkit.limits.ProxyCounters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.converters.ByteArrayConverter;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fraction of the shard write limit that each sink writer reaches against Kinesis as AWS runs
 * it: the limits proxy with AWS's defaults (1 MiB/s and 1,000 records/s per shard), over TLS for
 * the KPL, in front of kinesalite, on a 4-shard stream. One topic holds more 1 KiB records than the
 * shards can take in the run, so every writer is offered more than the limit; each of the KPL
 * writer, the sdk writer and a bare SDK PutRecords loop ({@link BareLimitedPutLoop}) then writes it
 * in turn, and is measured over a steady window after a warm-up.
 *
 * <p>Per writer it prints the fraction of each shard's byte and record limit reached (from the
 * proxy's counters: an aggregate is one record of its full size), refused entries, user records/s
 * and CPU-ms per 1,000 user records (the writer's threads, as {@link SinkThroughputBenchmark}
 * counts them, plus the KPL's child process).
 *
 * <p>It asserts no speed, only what its figures rest on: every write went through a shard limit
 * (none unmapped), records were still waiting when the window closed (the writer was offered more
 * than it wrote), and once all records are written, every one landed.
 *
 * <p>A benchmark, not part of the suite:
 *
 * <pre>
 * mvn -B -o -pl sink-connector -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=SinkLimitsBenchmark \
 *     -Dkc.test.argLine=-Xmx6g [-Dkc.bench.seconds=60] [-Dkc.bench.warmup.seconds=10]</pre>
 */
class SinkLimitsBenchmark {

    private static final int SHARDS = 4;
    private static final int SIZE = Integer.getInteger("kc.bench.size", 1024);
    private static final int KEYS = 500;
    private static final long WARM_UP_SECONDS = Long.getLong("kc.bench.warmup.seconds", 10);
    private static final long WINDOW_SECONDS = Long.getLong("kc.bench.seconds", 60);

    /** AWS's write limits per shard, which {@link KinesisLimits#aws()} enforces. */
    private static final double SHARD_BYTES_PER_SECOND = 1024 * 1024;

    private static final double SHARD_RECORDS_PER_SECOND = 1_000;

    /**
     * Enough records for the warm-up, the window and 15 s more at the full byte limit: no writer
     * can run out of records before its window closes.
     */
    private static final int RECORDS =
            (int)
                    ((WARM_UP_SECONDS + WINDOW_SECONDS + 15)
                            * SHARDS
                            * SHARD_BYTES_PER_SECOND
                            / SIZE);

    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final String TOPIC = "limits-bench";

    @Order(1)
    @RegisterExtension
    static final KinesisEmulatorExtension KINESALITE =
            KinesisEmulatorExtension.dedicated(EmulatorKind.KINESALITE, EmulatorOptions.defaults());

    @Order(2)
    @RegisterExtension
    static final KinesisLimitsProxyExtension AWS_LIMITS =
            KinesisLimitsProxyExtension.inFrontOf(KINESALITE, KinesisLimits.aws()).withTls();

    @Order(3)
    @RegisterExtension
    static final ConnectClusterExtension CONNECT =
            ConnectClusterExtension.withWorkers(
                    1,
                    // Connect's default; each commit waits for the task's outstanding records
                    b -> b.workerProperty("offset.flush.interval.ms", "60000"));

    /** A writer's figures over the window. */
    private record Window(
            String writer,
            double seconds,
            long userRecords,
            long kinesisRecords,
            long bytes,
            long refusedEntries,
            double minByteFraction,
            double minRecordFraction,
            double cpuMs,
            long waitingAtEnd) {

        double byteFraction() {
            return bytes / (seconds * SHARDS * SHARD_BYTES_PER_SECOND);
        }

        double recordFraction() {
            return kinesisRecords / (seconds * SHARDS * SHARD_RECORDS_PER_SECOND);
        }

        double cpuMsPer1000() {
            return cpuMs * 1000 / userRecords;
        }
    }

    @Test
    void writersAtTheShardWriteLimitBesideABareLoop() throws IOException {
        String loadBefore = BenchmarkWindows.loadAverage();
        CONNECT.cluster().embedded().kafka().createTopic(TOPIC, SHARDS);
        produce();
        List<Window> windows = new ArrayList<>();
        windows.add(connector("kpl"));
        windows.add(connector("sdk"));
        windows.add(bareLoop());
        System.out.printf(
                Locale.ROOT,
                "BENCHMARK sink limits %s: %d records of %d B, %d shards, AWS default write limits"
                        + " through the proxy over TLS in front of kinesalite, %d s warm-up, %d s"
                        + " window; load average before: %s, after: %s%n%s",
                Instant.now(),
                RECORDS,
                SIZE,
                SHARDS,
                WARM_UP_SECONDS,
                WINDOW_SECONDS,
                loadBefore,
                BenchmarkWindows.loadAverage(),
                table(windows));
    }

    private static Window connector(String writer) {
        String name = "limits-" + writer;
        String stream = KINESALITE.streams().create(name, SHARDS);
        CONNECT.cluster()
                .putConnectorConfig(name, config(name, stream, writer))
                .requireSuccess("create " + name);
        LongSupplier written = () -> SinkItSupport.taskMetric(name, 0, "RecordsWritten");
        Await.until(name + " to write", TIMEOUT, () -> written.getAsLong() > 0);
        long child = writer.equals("kpl") ? SinkThroughputBenchmark.kplChild() : -1;
        Predicate<String> threads = t -> t.contains(name + "-") || t.startsWith("kpl-");
        Window window = measure("connector, writer " + writer, stream, threads, child, written);
        Await.until(
                "all records written by " + name,
                TIMEOUT,
                () -> written.getAsLong() >= RECORDS,
                () -> written.getAsLong() + " written");
        CONNECT.cluster().delete(name).requireSuccess("delete " + name);
        assertAllLanded(stream);
        return window;
    }

    private static Window bareLoop() {
        String stream = KINESALITE.streams().create("limits-bare", SHARDS);
        KinesisSinkConfig config = new KinesisSinkConfig(config("limits-bare", stream, "sdk"));
        Window window;
        try (SdkKinesisPutApi api =
                        new SdkKinesisPutApi(AwsClientFactory.kinesisClient(config.aws()));
                BareLimitedPutLoop loop =
                        new BareLimitedPutLoop(
                                api,
                                stream,
                                SdkWriterSettings.from(config),
                                config.maxOutstandingRecords(),
                                RECORDS,
                                SinkLimitsBenchmark::key,
                                SinkLimitsBenchmark::data)) {
            Await.until("the bare loop to write", TIMEOUT, () -> loop.written() > 0);
            window =
                    measure(
                            "bare SDK PutRecords loop",
                            stream,
                            BareLimitedPutLoop.THREAD::equals,
                            -1,
                            loop::written);
            Await.until(
                    "all records written by the bare loop",
                    TIMEOUT,
                    () -> loop.written() >= RECORDS || loop.failure() != null,
                    () -> loop.written() + " written");
            assertThat(loop.failure()).as("the bare loop's failure").isNull();
        }
        assertAllLanded(stream);
        return window;
    }

    /**
     * Lets the writer warm up, then measures it over the window from the proxy's counters of the
     * stream's shards, the CPU of its threads (and child process) and its written records.
     */
    private static Window measure(
            String writer,
            String stream,
            Predicate<String> threads,
            long childPid,
            LongSupplier userRecords) {
        List<String> scopes =
                KINESALITE.streams().shards(stream).stream()
                        .map(s -> stream + "/" + s.shardId())
                        .toList();
        BenchmarkWindows.pass(Duration.ofSeconds(WARM_UP_SECONDS));
        ProxyCounters counters = AWS_LIMITS.counters();
        long[] bytesBefore =
                BenchmarkWindows.perShard(scopes, s -> counters.bytes("PutRecords", s));
        long[] recordsBefore =
                BenchmarkWindows.perShard(scopes, s -> counters.allowed("PutRecords", s));
        long refusedBefore = counters.refused("PutRecords");
        long userBefore = userRecords.getAsLong();
        long emulatorPid = KINESALITE.emulator().pid();
        ThreadCpu cpu = ThreadCpu.start();
        long childTicks = childPid < 0 ? 0 : ProcessCpu.ticks(childPid);
        long emulatorTicks = ProcessCpu.ticks(emulatorPid);
        long started = System.nanoTime();
        BenchmarkWindows.pass(Duration.ofSeconds(WINDOW_SECONDS));
        double cpuMs =
                cpu.nanosOf(threads) / 1e6
                        + (childPid < 0 ? 0 : ProcessCpu.millisSince(childPid, childTicks));
        // where the writer's calls go: the proxy's threads (TLS, JSON, limits) and kinesalite
        double proxyMs = cpu.nanosOf(t -> t.startsWith("kinesis-limits-proxy-")) / 1e6;
        double emulatorMs = ProcessCpu.millisSince(emulatorPid, emulatorTicks);
        long userAfter = userRecords.getAsLong();
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] bytes =
                BenchmarkWindows.minus(
                        BenchmarkWindows.perShard(scopes, s -> counters.bytes("PutRecords", s)),
                        bytesBefore);
        long[] records =
                BenchmarkWindows.minus(
                        BenchmarkWindows.perShard(scopes, s -> counters.allowed("PutRecords", s)),
                        recordsBefore);
        Window window =
                new Window(
                        writer,
                        seconds,
                        userAfter - userBefore,
                        Arrays.stream(records).sum(),
                        Arrays.stream(bytes).sum(),
                        counters.refused("PutRecords") - refusedBefore,
                        Arrays.stream(bytes).min().orElse(0) / (seconds * SHARD_BYTES_PER_SECOND),
                        Arrays.stream(records).min().orElse(0)
                                / (seconds * SHARD_RECORDS_PER_SECOND),
                        cpuMs,
                        RECORDS - userAfter);
        System.out.printf(
                Locale.ROOT,
                "BENCHMARK window %s: bytes per shard %s, Kinesis records per shard %s, CPU of"
                        + " the proxy's threads %.0f ms and of kinesalite %.0f ms, %s%n",
                writer,
                Arrays.toString(bytes),
                Arrays.toString(records),
                proxyMs,
                emulatorMs,
                window);
        // Every write was predicted to a shard and limited there, none forwarded unlimited.
        assertThat(counters.allowed("PutRecords", stream + "/unmapped")).as("unmapped").isZero();
        assertThat(counters.allowed("PutRecords", stream + "/unpredicted"))
                .as("unpredicted")
                .isZero();
        assertThat(window.waitingAtEnd())
                .as("records still waiting when the window closed: offered more than written")
                .isPositive();
        assertThat(window.userRecords()).as("records written in the window").isPositive();
        return window;
    }

    /** Reads the stream back: every record once; then drops the stream. */
    private static void assertAllLanded(String stream) {
        StreamContents contents = KINESALITE.reader().readAll(stream);
        long distinct =
                contents.records().stream()
                        .map(LandedRecord::dataAsString)
                        .map(d -> d.substring(0, d.indexOf('-')))
                        .distinct()
                        .count();
        System.out.printf(
                Locale.ROOT,
                "BENCHMARK read back %s: %d user records (%d distinct) in %d Kinesis records%n",
                stream,
                contents.size(),
                distinct,
                contents.kinesisRecordCount());
        assertThat(distinct).as("distinct records landed in " + stream).isEqualTo(RECORDS);
        KINESALITE.client().deleteStream(b -> b.streamName(stream));
    }

    /**
     * The sink config of a benchmark connector: the proxy over TLS (its certificate is
     * self-signed), bytes converters, the writer's defaults otherwise.
     */
    private static Map<String, String> config(String name, String stream, String writer) {
        int port = AWS_LIMITS.endpoint().getPort();
        Map<String, String> c = new HashMap<>();
        c.put("name", name);
        c.put("connector.class", KinesisSinkConnector.class.getName());
        c.put("tasks.max", "1");
        c.put("topics", TOPIC);
        c.put("key.converter", ByteArrayConverter.class.getName());
        c.put("value.converter", ByteArrayConverter.class.getName());
        c.put(KinesisSinkConfig.STREAM_CONFIG, stream);
        c.put(KinesisSinkConfig.WRITER_CONFIG, writer);
        c.put("aws.region", KinesisTestClients.REGION.id());
        c.put("aws.endpoint", AWS_LIMITS.endpoint().toString());
        c.put("aws.tls.verify.certificates", "false");
        c.put("aws.credentials.provider", "basic");
        c.put("aws.access.key.id", KinesisTestClients.ACCESS_KEY_ID);
        c.put("aws.secret.access.key", KinesisTestClients.SECRET_ACCESS_KEY);
        c.put("kpl.MetricsLevel", "none");
        c.put("kpl.CloudwatchEndpoint", "127.0.0.1");
        c.put("kpl.CloudwatchPort", Integer.toString(port));
        c.put(
                "kpl.TempDirectory",
                Paths.get(System.getProperty("kc.build.dir", "target"), "kpl")
                        .toAbsolutePath()
                        .toString());
        return c;
    }

    /** Produces the records, without idempotence (see {@link SinkThroughputBenchmark}). */
    private static void produce() {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        long started = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer =
                CONNECT.cluster().embedded().kafka().createProducer(props)) {
            Future<?> last = null;
            for (int i = 0; i < RECORDS; i++) {
                last =
                        producer.send(
                                new ProducerRecord<>(
                                        TOPIC, key(i).getBytes(StandardCharsets.UTF_8), data(i)));
            }
            producer.flush();
            last.get(1, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not produce the benchmark's records", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        System.out.printf(
                Locale.ROOT,
                "BENCHMARK produced %d records in %.1f s%n",
                RECORDS,
                (System.nanoTime() - started) / 1e9);
    }

    static String key(int i) {
        return "key-" + i % KEYS;
    }

    /** {@code SIZE} bytes: the record's index, a dash, then filler. */
    static byte[] data(int i) {
        byte[] d = new byte[SIZE];
        Arrays.fill(d, (byte) 'x');
        byte[] index = String.format("%07d-", i).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(index, 0, d, 0, index.length);
        return d;
    }

    /** Waits out a span of wall time: the warm-up and the window are spans by definition. */
    private static String table(List<Window> windows) {
        Window bare = windows.get(windows.size() - 1);
        StringBuilder out =
                new StringBuilder(
                        "| writer | fraction of 1 MiB/s per shard (min shard) | fraction of 1,000"
                                + " records/s per shard (min shard) | refused entries | user"
                                + " records/s | vs bare | CPU-ms per 1,000 | vs bare |\n"
                                + "|---|---|---|---|---|---|---|---|\n");
        for (Window w : windows) {
            out.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %.3f (%.3f) | %.3f (%.3f) | %d | %,.0f | %.2f× | %.1f | %.2f× |%n",
                            w.writer(),
                            w.byteFraction(),
                            w.minByteFraction(),
                            w.recordFraction(),
                            w.minRecordFraction(),
                            w.refusedEntries(),
                            w.userRecords() / w.seconds(),
                            (w.userRecords() / w.seconds()) / (bare.userRecords() / bare.seconds()),
                            w.cpuMsPer1000(),
                            w.cpuMsPer1000() / bare.cpuMsPer1000()));
        }
        return out.toString();
    }
}
