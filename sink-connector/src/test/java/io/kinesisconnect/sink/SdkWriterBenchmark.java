package io.kinesisconnect.sink;

import io.kinesisconnect.common.aws.AwsClientFactory;
import io.kinesisconnect.sink.write.sdk.AggregateBuilder;
import io.kinesisconnect.sink.write.sdk.HashKeys;
import io.kinesisconnect.sink.write.sdk.KinesisPutApi;
import io.kinesisconnect.sink.write.sdk.SdkKinesisPutApi;
import io.kinesisconnect.sink.write.sdk.ShardMap;
import io.kinesisconnect.sink.write.sdk.ShardRange;
import io.kinesisconnect.testkit.Await;
import io.kinesisconnect.testkit.ConnectTestCluster;
import io.kinesisconnect.testkit.EmulatorKind;
import io.kinesisconnect.testkit.EmulatorOptions;
import io.kinesisconnect.testkit.EmulatorProcess;
import io.kinesisconnect.testkit.KinesisStreams;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * The sdk writer through one sink task beside a bare SDK PutRecords loop that does the same
 * aggregation (per shard, one call at a time, as many records per call as the task may have
 * outstanding), on kinesalite --ssl: 100 B records, 4 partitions, 4 shards. CPU is per thread (the
 * task's thread and the writer's sender thread; the bare loop's own thread), because the broker
 * shares the JVM. A benchmark, not part of the suite: {@code mvn verify -pl sink-connector
 * -Dit.test=SdkWriterBenchmark}. It prints figures and asserts nothing about speed.
 */
class SdkWriterBenchmark {

    private static final int RECORDS = Integer.getInteger("kc.bench.records", 100_000);
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void sdkWriterTaskBesideABareSdkLoop() {
        try (ConnectTestCluster connect =
                        ConnectTestCluster.builder().name("bench-sdk").workers(1).start();
                EmulatorProcess emulator =
                        EmulatorProcess.start(
                                EmulatorKind.KINESALITE, EmulatorOptions.defaults().withTls())) {
            Map<String, String> base = SinkItSupport.connectorConfig(emulator, "b", "b", "");
            KinesisSinkConfig config = new KinesisSinkConfig(base);
            int window = config.maxOutstandingRecords();
            for (int round = 1; round <= 2; round++) {
                double[] bare = bareLoop(config, createStream(config, "bench-bare"), window);
                double[] task = task(connect, emulator, config, round);
                System.out.printf(
                        "BENCHMARK sdk round=%d kinesalite --ssl, %d records of 100 B, 4 shards:"
                                + " bare SDK loop %.0f rec/s %.1f CPU-ms/1000 (window %d);"
                                + " sink task writer=sdk %.0f rec/s (from its first ack)"
                                + " %.1f CPU-ms/1000 (task and sender threads, start included);"
                                + " task/bare rec/s %.2f%n",
                        round,
                        RECORDS,
                        bare[0],
                        bare[1],
                        window,
                        task[0],
                        task[1],
                        task[0] / bare[0]);
            }
        }
    }

    private static byte[] key(int i) {
        return ("key-" + i % 500).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] payload(int i) {
        return (String.format("%06d-", i) + "x".repeat(93)).getBytes(StandardCharsets.UTF_8);
    }

    /** A loop on one thread: aggregate per shard, one PutRecords, repeat. */
    private static double[] bareLoop(KinesisSinkConfig config, String stream, int window) {
        try (KinesisPutApi api =
                new SdkKinesisPutApi(AwsClientFactory.kinesisClient(config.aws()))) {
            ShardMap map = new ShardMap(api.listShards(stream));
            long cpu = THREADS.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            for (int from = 0; from < RECORDS; from += window) {
                Map<ShardRange, AggregateBuilder> perShard = new LinkedHashMap<>();
                Map<ShardRange, String> outerKey = new HashMap<>();
                for (int i = from; i < Math.min(RECORDS, from + window); i++) {
                    String k = new String(key(i), StandardCharsets.UTF_8);
                    ShardRange shard = map.shardFor(HashKeys.ofPartitionKey(k));
                    perShard.computeIfAbsent(shard, s -> new AggregateBuilder())
                            .add(k, null, payload(i));
                    outerKey.putIfAbsent(shard, k);
                }
                List<KinesisPutApi.PutEntry> entries = new ArrayList<>();
                perShard.forEach(
                        (shard, agg) ->
                                entries.add(
                                        new KinesisPutApi.PutEntry(
                                                outerKey.get(shard),
                                                shard.start().toString(),
                                                agg.encode())));
                if (!api.putRecords(stream, entries).stream()
                        .allMatch(KinesisPutApi.PutResult::written)) {
                    throw new IllegalStateException("the bare loop met a failed entry");
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuMs = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6;
            return new double[] {RECORDS / seconds, cpuMs * 1000 / RECORDS};
        }
    }

    private static double[] task(
            ConnectTestCluster connect,
            EmulatorProcess emulator,
            KinesisSinkConfig config,
            int round) {
        String topic = "bench-sdk-" + round;
        connect.embedded().kafka().createTopic(topic, 4);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            records.add(new ProducerRecord<>(topic, key(i), payload(i)));
        }
        SinkItSupport.produce(connect, records);
        String name = "bench-sdk-" + round;
        Map<String, String> sink =
                SinkItSupport.connectorConfig(emulator, name, topic, createStream(config, name));
        sink.put(KinesisSinkConfig.WRITER_CONFIG, "sdk");
        Map<Long, Long> before = threadCpu(name);
        connect.putConnectorConfig(name, sink).requireSuccess("create");
        // rec/s from the first acknowledged record, as SinkThroughputBenchmark; CPU from the start
        Await.until(
                "the task to start writing",
                TIMEOUT,
                () -> SinkItSupport.taskMetric(name, 0, "RecordsWritten") > 0);
        long started = System.nanoTime();
        Await.until(
                "all records written",
                TIMEOUT,
                () -> SinkItSupport.taskMetric(name, 0, "RecordsWritten") >= RECORDS);
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<Long, Long> after = threadCpu(name);
        connect.delete(name);
        long cpuNanos = 0;
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            cpuNanos += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return new double[] {RECORDS / seconds, cpuNanos / 1e6 * 1000 / RECORDS};
    }

    /** CPU nanoseconds of the connector's threads: its task thread and the writer's sender. */
    private static Map<Long, Long> threadCpu(String connector) {
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t != null && t.getThreadName().contains(connector)) {
                cpu.put(t.getThreadId(), THREADS.getThreadCpuTime(t.getThreadId()));
            }
        }
        return cpu;
    }

    private static String createStream(KinesisSinkConfig config, String prefix) {
        String name = KinesisStreams.uniqueName(prefix);
        try (KinesisClient client = AwsClientFactory.kinesisClient(config.aws())) {
            client.createStream(b -> b.streamName(name).shardCount(4));
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
}
