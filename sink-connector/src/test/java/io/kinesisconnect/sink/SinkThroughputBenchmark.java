package io.kinesisconnect.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import io.kinesisconnect.common.aws.AwsClientFactory;
import io.kinesisconnect.processes.Await;
import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.processes.EmulatorOptions;
import io.kinesisconnect.processes.EmulatorProcess;
import io.kinesisconnect.processes.KinesisStreams;
import io.kinesisconnect.processes.KinesisTestClients;
import io.kinesisconnect.processes.LandedRecord;
import io.kinesisconnect.processes.StreamContents;
import io.kinesisconnect.processes.StreamReader;
import io.kinesisconnect.sink.config.KinesisSinkConfig;
import io.kinesisconnect.sink.write.KplSettings;
import io.kinesisconnect.sink.write.sdk.AggregateBuilder;
import io.kinesisconnect.sink.write.sdk.HashKeys;
import io.kinesisconnect.sink.write.sdk.KinesisPutApi;
import io.kinesisconnect.sink.write.sdk.KinesisPutApi.PutEntry;
import io.kinesisconnect.sink.write.sdk.SdkKinesisPutApi;
import io.kinesisconnect.sink.write.sdk.SdkWriterSettings;
import io.kinesisconnect.sink.write.sdk.ShardMap;
import io.kinesisconnect.sink.write.sdk.ShardRange;
import io.kinesisconnect.testkit.ConnectTestCluster;
import io.kinesisconnect.testkit.ProcessCpu;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.kinesis.producer.KinesisProducer;
import software.amazon.kinesis.producer.UserRecordResult;

/**
 * Both sink writers through one task with default settings, each beside a bare loop of its library
 * in the same run: a bare KPL loop with the connector's KPL settings, and a bare SDK PutRecords
 * loop with the sdk writer's aggregation and shard budgets. kinesalite --ssl, 4 partitions, 4
 * shards, 100 B and 1 KiB records.
 *
 * <p>Each run first writes a warm-up (the task starts, the KPL child starts, shard maps load), then
 * measures {@code kc.bench.records} records (default 100,000) from an empty pipeline to an empty
 * pipeline: a task is paused while its records are produced and resumed when the clock starts. CPU
 * is per thread, because the broker and the worker share this JVM: the task's threads (task,
 * sender, retry, consumer heartbeat) and the KPL's Java threads, plus the KPL's child process from
 * {@code /proc/<pid>/stat}; for a bare loop its own thread (and the KPL's). JVM-wide work such as
 * GC is in none of them.
 *
 * <p>A benchmark, not part of the suite: {@code mvn verify -pl sink-connector -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=SinkThroughputBenchmark}. It prints figures and
 * asserts only that every record landed.
 */
class SinkThroughputBenchmark {

    /** Records per 1 KiB run; 100 B runs write three times as many, so they last long enough. */
    private static final int RECORDS = Integer.getInteger("kc.bench.records", 100_000);

    private static final int WARM_UP = Integer.getInteger("kc.bench.warmup", 2_000);
    private static final int ROUNDS = Integer.getInteger("kc.bench.rounds", 1);
    private static final int[] SIZES =
            Arrays.stream(System.getProperty("kc.bench.sizes", "100,1024").split(","))
                    .mapToInt(Integer::parseInt)
                    .toArray();
    private static final int PARTITIONS_AND_SHARDS = 4;
    private static final int KEYS = 500;
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    /** How often a task's end is polled: the clock stops within this of its last record. */
    private static final Duration END_POLL = Duration.ofMillis(5);

    /**
     * The sdk writer's shard budgets (AWS' 1 MiB/s and 1,000 records/s per shard) out of the way,
     * for the extra rows that show the writer's own cost against the emulator's speed.
     */
    private static final Map<String, String> LIFT =
            Map.of(
                    "kinesis.shard.write.bytes.per.second", "1099511627776",
                    "kinesis.shard.write.records.per.second", "1000000000");

    private static final String LIFTED = ", shard budgets lifted";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * One measured run: rate, CPU of the connector's work (JVM threads and the KPL child), the
     * emulator's CPU for comparison, and aggregation.
     */
    private record Run(
            String what,
            int size,
            int records,
            double recordsPerSecond,
            double jvmMs,
            double childMs,
            double emulatorMs,
            double userPerKinesisRecord) {

        double cpuMsPer1000() {
            return perThousand(jvmMs + childMs);
        }

        double perThousand(double ms) {
            return ms * 1000 / records;
        }
    }

    @Test
    void bothWritersBesideTheirBareLoops() throws Exception {
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        List<Run[]> results = new ArrayList<>();
        try (ConnectTestCluster connect =
                        ConnectTestCluster.builder()
                                .name("bench")
                                .workers(1)
                                // Connect's default; the test kit commits every 2 s, and each
                                // commit waits for the task's outstanding records
                                .workerProperty("offset.flush.interval.ms", "60000")
                                .start();
                EmulatorProcess emulator =
                        EmulatorProcess.start(
                                EmulatorKind.KINESALITE, EmulatorOptions.defaults().withTls())) {
            Map<String, String> base = benchConfig(emulator, "bench", "bench", "x");
            KinesisSinkConfig config = new KinesisSinkConfig(base);
            base.putAll(LIFT);
            KinesisSinkConfig lifted = new KinesisSinkConfig(base);
            for (int round = 1; round <= ROUNDS; round++) {
                for (int size : SIZES) {
                    Payloads p = new Payloads(size, size <= 100 ? 3 * RECORDS : RECORDS);
                    Run bareKpl = bareKpl(config, p, emulator.pid());
                    Run kplTask = task(connect, emulator, config, "kpl", Map.of(), p, round);
                    Run bareSdk = bareSdk(config, p, emulator.pid(), "bare SDK loop");
                    Run sdkTask = task(connect, emulator, config, "sdk", Map.of(), p, round);
                    Run bareFree = bareSdk(lifted, p, emulator.pid(), "bare SDK loop" + LIFTED);
                    Run sdkFree = task(connect, emulator, config, "sdk", LIFT, p, round);
                    results.add(new Run[] {bareKpl, kplTask, bareSdk, sdkTask, bareFree, sdkFree});
                    System.out.println(table(results));
                }
            }
        }
        System.out.printf(
                "BENCHMARK sink %s, %d records per 1 KiB run (x3 at 100 B) after %d warm-up,"
                        + " kinesalite --ssl, %d partitions, %d shards, load average before: %s,"
                        + " after: %s%n%s%n",
                Instant.now(),
                RECORDS,
                WARM_UP,
                PARTITIONS_AND_SHARDS,
                PARTITIONS_AND_SHARDS,
                loadBefore,
                Files.readString(Path.of("/proc/loadavg")).trim(),
                table(results));
    }

    private static String table(List<Run[]> results) {
        StringBuilder out =
                new StringBuilder(
                        "| size | run | records/s | CPU-ms per 1,000 (JVM threads + KPL child)"
                                + " | user records per Kinesis record | task / bare records/s"
                                + " | task / bare CPU | kinesalite CPU-ms per 1,000 |\n"
                                + "|---|---|---|---|---|---|---|---|\n");
        for (Run[] r : results) {
            for (int i = 0; i < r.length; i++) {
                Run run = r[i];
                Run bare = i % 2 == 1 ? r[i - 1] : null;
                out.append(
                        String.format(
                                "| %s | %s | %,.0f | %.1f (%.1f + %.1f) | %.1f | %s | %s | %.1f |%n",
                                run.size() == 1024 ? "1 KiB" : run.size() + " B",
                                run.what(),
                                run.recordsPerSecond(),
                                run.cpuMsPer1000(),
                                run.perThousand(run.jvmMs()),
                                run.perThousand(run.childMs()),
                                run.userPerKinesisRecord(),
                                bare == null
                                        ? ""
                                        : String.format(
                                                "%.2f",
                                                run.recordsPerSecond() / bare.recordsPerSecond()),
                                bare == null
                                        ? ""
                                        : String.format(
                                                "%.2f", run.cpuMsPer1000() / bare.cpuMsPer1000()),
                                run.perThousand(run.emulatorMs())));
            }
        }
        return out.toString();
    }

    /**
     * The test config with the connector's defaults: only what the emulator needs (endpoint,
     * credentials, no certificate check, no CloudWatch metrics, the KPL's unpack directory).
     */
    private static Map<String, String> benchConfig(
            EmulatorProcess emulator, String name, String topic, String stream) {
        Map<String, String> c = SinkItSupport.connectorConfig(emulator, name, topic, stream);
        c.remove("kpl.RecordMaxBufferedTime");
        c.remove("kpl.LogLevel");
        c.remove(KinesisSinkConfig.SUMMARY_INTERVAL_CONFIG);
        return c;
    }

    /** Keys and payloads of the warm-up and measured records, made once per size. */
    private static final class Payloads {
        final int size;
        final String[] keys;
        final byte[][] data;

        Payloads(int size, int records) {
            this.size = size;
            int total = WARM_UP + records;
            keys = new String[total];
            data = new byte[total][];
            for (int i = 0; i < total; i++) {
                keys[i] = "key-" + i % KEYS;
                byte[] d = new byte[size];
                Arrays.fill(d, (byte) 'x');
                byte[] index = String.format("%07d-", i).getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(index, 0, d, 0, index.length);
                data[i] = d;
            }
        }

        int total() {
            return keys.length;
        }

        int measured() {
            return keys.length - WARM_UP;
        }
    }

    /** A loop that hands records to a KPL with the connector's settings, bounded like a task. */
    private static Run bareKpl(KinesisSinkConfig config, Payloads p, long emulatorPid)
            throws Exception {
        String stream = createStream(config, "bench-bare-kpl");
        KinesisProducer producer =
                new KinesisProducer(
                        KplSettings.producerConfiguration(
                                config, KinesisTestClients.credentials()));
        try {
            long child = kplChild();
            int bound = config.maxOutstandingRecords();
            Semaphore room = new Semaphore(bound);
            AtomicLong failed = new AtomicLong();
            kplLoop(producer, stream, p, 0, WARM_UP, room, bound, failed);
            long me = Thread.currentThread().getId();
            Cpu before = Cpu.now(t -> t.getThreadId() == me || isKpl(t), child, emulatorPid);
            kplLoop(producer, stream, p, WARM_UP, p.total(), room, bound, failed);
            Cpu after = Cpu.now(t -> t.getThreadId() == me || isKpl(t), child, emulatorPid);
            assertEquals(0, failed.get(), "records the bare KPL loop could not write");
            return before.until(after, "bare KPL loop", p, landed(config, stream, p));
        } finally {
            producer.destroy();
        }
    }

    private static void kplLoop(
            KinesisProducer producer,
            String stream,
            Payloads p,
            int from,
            int to,
            Semaphore room,
            int bound,
            AtomicLong failed)
            throws InterruptedException {
        FutureCallback<UserRecordResult> done =
                new FutureCallback<>() {
                    @Override
                    public void onSuccess(UserRecordResult result) {
                        if (!result.isSuccessful()) {
                            failed.incrementAndGet();
                        }
                        room.release();
                    }

                    @Override
                    public void onFailure(Throwable t) {
                        failed.incrementAndGet();
                        room.release();
                    }
                };
        for (int i = from; i < to; i++) {
            room.acquire();
            Futures.addCallback(
                    producer.addUserRecord(stream, p.keys[i], ByteBuffer.wrap(p.data[i])),
                    done,
                    MoreExecutors.directExecutor());
        }
        // every permit back means every record acknowledged
        if (!room.tryAcquire(bound, 5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the bare KPL loop's records were not acknowledged");
        }
        room.release(bound);
    }

    private static boolean isKpl(ThreadInfo t) {
        return t.getThreadName().startsWith("kpl-");
    }

    /** The pid of the one live KPL child process, awaited because the KPL starts it async. */
    static long kplChild() {
        return Await.value(
                "the KPL's child process",
                TIMEOUT,
                () ->
                        ProcessHandle.current()
                                .descendants()
                                .filter(ProcessHandle::isAlive)
                                .filter(
                                        h ->
                                                h.info()
                                                        .command()
                                                        .orElse("")
                                                        .contains("kinesis_producer"))
                                .map(ProcessHandle::pid)
                                .findFirst()
                                .orElse(null));
    }

    /**
     * A loop on one thread that does the sdk writer's aggregation and keeps its shard budgets: per
     * shard one aggregate per call (up to the aggregate limits and what the shard's buckets allow
     * now), one call at a time, as many records queued as a task may have outstanding.
     */
    private static Run bareSdk(
            KinesisSinkConfig config, Payloads p, long emulatorPid, String what) {
        String stream = createStream(config, "bench-bare-sdk");
        SdkWriterSettings settings = SdkWriterSettings.from(config);
        try (KinesisPutApi api =
                new SdkKinesisPutApi(AwsClientFactory.kinesisClient(config.aws()))) {
            BareSdkLoop loop =
                    new BareSdkLoop(api, stream, settings, config.maxOutstandingRecords());
            loop.write(p, 0, WARM_UP);
            long me = Thread.currentThread().getId();
            Cpu before = Cpu.now(t -> t.getThreadId() == me, -1, emulatorPid);
            loop.write(p, WARM_UP, p.total());
            Cpu after = Cpu.now(t -> t.getThreadId() == me, -1, emulatorPid);
            return before.until(after, what, p, landed(config, stream, p));
        }
    }

    /** The bare SDK loop's state: the stream's shard lanes, the limits, the outstanding window. */
    private static final class BareSdkLoop {
        private final KinesisPutApi api;
        private final String stream;
        private final ShardMap map;
        private final SdkWriterSettings settings;
        private final int window;
        private final long refillChunk;
        private final Map<String, BareShardLane> lanes = new LinkedHashMap<>();
        private long wait;

        BareSdkLoop(KinesisPutApi api, String stream, SdkWriterSettings settings, int window) {
            this.api = api;
            this.stream = stream;
            this.map = new ShardMap(api.listShards(stream));
            this.settings = settings;
            this.window = window;
            this.refillChunk =
                    Math.min(settings.shardBytesPerSecond() / 10, settings.maxAggregateBytes());
        }

        /** Writes records {@code from} to {@code to} of {@code p}. */
        void write(Payloads p, int from, int to) {
            int next = from;
            int queued = 0;
            int written = 0;
            while (written < to - from) {
                for (; next < to && queued < window; next++, queued++) {
                    ShardRange shard = map.shardFor(HashKeys.ofPartitionKey(p.keys[next]));
                    lanes.computeIfAbsent(shard.shardId(), id -> new BareShardLane(shard, settings))
                            .queue
                            .add(next);
                }
                List<PutEntry> entries = new ArrayList<>();
                int carried = 0;
                wait = Long.MAX_VALUE;
                for (BareShardLane lane : lanes.values()) {
                    int before = lane.queue.size();
                    PutEntry entry = next(lane, p);
                    if (entry != null) {
                        entries.add(entry);
                        carried += before - lane.queue.size();
                    }
                }
                if (entries.isEmpty()) {
                    // pacing by the shard budgets, as the writer's sender does; not a wait for a
                    // result
                    LockSupport.parkNanos(wait);
                    continue;
                }
                if (!api.putRecords(stream, entries).stream()
                        .allMatch(KinesisPutApi.PutResult::written)) {
                    throw new IllegalStateException("the bare SDK loop met a failed entry");
                }
                written += carried;
                queued -= carried;
            }
        }

        /** One aggregate of the lane's head records, or null when its budgets say not yet. */
        private PutEntry next(BareShardLane lane, Payloads p) {
            Integer head = lane.queue.peek();
            if (head == null) {
                return null;
            }
            int headSize = p.data[head].length + p.keys[head].length();
            // as the writer: a drained bucket must hold a tenth of a second's bytes again
            long wanted = Math.max(headSize, refillChunk);
            if (!lane.records.allows(1) || !lane.bytes.allows(wanted)) {
                wait =
                        Math.min(
                                wait,
                                Math.max(
                                        lane.records.nanosUntil(1), lane.bytes.nanosUntil(wanted)));
                return null;
            }
            String outerKey = p.keys[head];
            long limit =
                    Math.min(
                            settings.maxAggregateBytes(),
                            Math.max(lane.bytes.available(), headSize));
            AggregateBuilder aggregate = new AggregateBuilder();
            // the head always goes in (a full bucket lets any one record through)
            aggregate.add(outerKey, null, p.data[lane.queue.poll()]);
            for (Integer i; (i = lane.queue.peek()) != null; lane.queue.poll()) {
                if (aggregate.count() >= settings.maxAggregateRecords()
                        || !aggregate.addIfWithin(
                                p.keys[i], null, p.data[i], limit - outerKey.length())) {
                    break;
                }
            }
            byte[] data = aggregate.encode();
            lane.bytes.take(data.length + outerKey.length());
            lane.records.take(1);
            return new PutEntry(outerKey, lane.range.start().toString(), data);
        }
    }

    /**
     * One task with {@code writer}: warm-up records first, then the task is paused while the
     * measured records are produced, and the clock runs from its resume until all are written.
     */
    private static Run task(
            ConnectTestCluster connect,
            EmulatorProcess emulator,
            KinesisSinkConfig config,
            String writer,
            Map<String, String> extra,
            Payloads p,
            int round) {
        String name =
                "bench-"
                        + writer
                        + (extra.isEmpty() ? "" : "-lifted")
                        + "-b"
                        + p.size
                        + "-r"
                        + round;
        connect.embedded().kafka().createTopic(name, PARTITIONS_AND_SHARDS);
        produce(connect, name, p, 0, WARM_UP);
        String stream = createStream(config, name);
        Map<String, String> sink = benchConfig(emulator, name, name, stream);
        sink.put(KinesisSinkConfig.WRITER_CONFIG, writer);
        sink.putAll(extra);
        connect.putConnectorConfig(name, sink).requireSuccess("create " + name);
        Await.until(
                "the warm-up written by " + name,
                TIMEOUT,
                () -> SinkItSupport.taskMetric(name, 0, "RecordsWritten") >= WARM_UP);
        connect.request("PUT", "connectors/" + name + "/pause", null).requireSuccess("pause");
        connect.awaitStatus(
                name + " paused",
                name,
                TIMEOUT,
                s -> "PAUSED".equals(s.path("tasks").path(0).path("state").asText()));
        produce(connect, name, p, WARM_UP, p.total());
        long child = writer.equals("kpl") ? kplChild() : -1;
        Predicate<ThreadInfo> threads = t -> t.getThreadName().contains(name + "-") || isKpl(t);
        Cpu before = Cpu.now(threads, child, emulator.pid());
        connect.resume(name).requireSuccess("resume");
        Await.until(
                "all records written by " + name,
                TIMEOUT,
                END_POLL,
                () -> SinkItSupport.taskMetric(name, 0, "RecordsWritten") >= p.total(),
                () -> SinkItSupport.taskMetric(name, 0, "RecordsWritten") + " written");
        Cpu after = Cpu.now(threads, child, emulator.pid());
        connect.delete(name).requireSuccess("delete");
        return before.until(
                after,
                "one task, writer " + writer + (extra.isEmpty() ? "" : LIFTED),
                p,
                landed(config, stream, p));
    }

    /**
     * Produces records without idempotence: with it, a batch refused by a topic created a moment
     * ago left the producer retrying out-of-order sequence numbers for good.
     */
    private static void produce(
            ConnectTestCluster connect, String topic, Payloads p, int from, int to) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        try (KafkaProducer<byte[], byte[]> producer =
                connect.embedded().kafka().createProducer(props)) {
            List<Future<RecordMetadata>> sent = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                sent.add(
                        producer.send(
                                new ProducerRecord<>(
                                        topic,
                                        p.keys[i].getBytes(StandardCharsets.UTF_8),
                                        p.data[i])));
            }
            for (Future<RecordMetadata> f : sent) {
                f.get(5, TimeUnit.MINUTES);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not produce benchmark records", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads the stream back, checks that every record landed once, drops the stream, and returns
     * user records per Kinesis record.
     */
    private static double landed(KinesisSinkConfig config, String stream, Payloads p) {
        try (KinesisClient client = AwsClientFactory.kinesisClient(config.aws())) {
            StreamContents contents = new StreamReader(client).readAll(stream);
            long distinct =
                    contents.records().stream().map(LandedRecord::dataAsString).distinct().count();
            assertEquals(p.total(), distinct, "distinct records in " + stream);
            client.deleteStream(b -> b.streamName(stream));
            return (double) contents.size() / contents.kinesisRecordCount();
        }
    }

    private static String createStream(KinesisSinkConfig config, String prefix) {
        String name = KinesisStreams.uniqueName(prefix);
        try (KinesisClient client = AwsClientFactory.kinesisClient(config.aws())) {
            client.createStream(b -> b.streamName(name).shardCount(PARTITIONS_AND_SHARDS));
            Await.until(
                    name + " ACTIVE",
                    TIMEOUT,
                    () ->
                            client.describeStreamSummary(b -> b.streamName(name))
                                            .streamDescriptionSummary()
                                            .streamStatus()
                                    == StreamStatus.ACTIVE);
        }
        return name;
    }

    /**
     * A snapshot of the wall clock, the CPU of chosen threads, a child process and the emulator.
     */
    private record Cpu(
            long nanos,
            Map<Long, Long> threadCpu,
            Map<Long, String> threadNames,
            long childTicks,
            long emulatorTicks) {

        static Cpu now(Predicate<ThreadInfo> chosen, long childPid, long emulatorPid) {
            Map<Long, Long> cpu = new HashMap<>();
            Map<Long, String> names = new HashMap<>();
            for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
                if (t != null && chosen.test(t)) {
                    cpu.put(t.getThreadId(), THREADS.getThreadCpuTime(t.getThreadId()));
                    names.put(t.getThreadId(), t.getThreadName());
                }
            }
            return new Cpu(
                    System.nanoTime(),
                    cpu,
                    names,
                    childPid < 0 ? 0 : ProcessCpu.ticks(childPid),
                    ProcessCpu.ticks(emulatorPid));
        }

        /**
         * The run between this snapshot and {@code after}; threads born meanwhile count fully.
         * Prints the CPU of each thread, for a first look at where the time went.
         */
        Run until(Cpu after, String what, Payloads p, double userPerKinesisRecord) {
            long nanos = 0;
            StringBuilder detail = new StringBuilder();
            for (Map.Entry<Long, Long> e : after.threadCpu.entrySet()) {
                long used = Math.max(0, e.getValue() - threadCpu.getOrDefault(e.getKey(), 0L));
                nanos += used;
                if (used > 10_000_000) {
                    detail.append(
                            String.format(
                                    " [%s] %.0f ms;",
                                    after.threadNames.get(e.getKey()), used / 1e6));
                }
            }
            double seconds = (after.nanos - this.nanos) / 1e9;
            System.out.printf(
                    "BENCHMARK run %s %d B: %d records in %.2f s; threads:%s KPL child %d ms,"
                            + " emulator %d ms%n",
                    what,
                    p.size,
                    p.measured(),
                    seconds,
                    detail,
                    (after.childTicks - childTicks) * ProcessCpu.MS_PER_TICK,
                    (after.emulatorTicks - emulatorTicks) * ProcessCpu.MS_PER_TICK);
            return new Run(
                    what,
                    p.size,
                    p.measured(),
                    p.measured() / seconds,
                    nanos / 1e6,
                    (after.childTicks - childTicks) * ProcessCpu.MS_PER_TICK,
                    (after.emulatorTicks - emulatorTicks) * ProcessCpu.MS_PER_TICK,
                    userPerKinesisRecord);
        }
    }
}
