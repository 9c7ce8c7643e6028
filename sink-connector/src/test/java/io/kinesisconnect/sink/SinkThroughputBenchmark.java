package io.kinesisconnect.sink;

import com.google.common.util.concurrent.ListenableFuture;
import io.kinesisconnect.common.aws.AwsClientFactory;
import io.kinesisconnect.sink.write.KplSettings;
import io.kinesisconnect.testkit.Await;
import io.kinesisconnect.testkit.ConnectTestCluster;
import io.kinesisconnect.testkit.EmulatorKind;
import io.kinesisconnect.testkit.EmulatorOptions;
import io.kinesisconnect.testkit.EmulatorProcess;
import io.kinesisconnect.testkit.KinesisStreams;
import io.kinesisconnect.testkit.KinesisTestClients;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.kinesis.producer.KinesisProducer;
import software.amazon.kinesis.producer.UserRecordResult;

/**
 * Throughput of one sink task into kinesis-mock (TLS port) and kinesalite (--ssl), beside a bare
 * KPL loop with the same KPL settings on the same emulator. A benchmark, not part of the suite: run
 * it with {@code mvn verify -pl sink-connector -Dit.test=SinkThroughputBenchmark}. It prints
 * figures and asserts nothing about speed.
 */
class SinkThroughputBenchmark {

    private static final int RECORDS = 20_000;
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @Test
    void oneTaskAndABareKplLoopOnBothEmulators() throws Exception {
        try (ConnectTestCluster connect =
                ConnectTestCluster.builder().name("bench").workers(1).start()) {
            for (EmulatorKind kind : EmulatorKind.values()) {
                EmulatorOptions options =
                        kind == EmulatorKind.KINESALITE
                                ? EmulatorOptions.defaults().withTls()
                                : EmulatorOptions.defaults();
                try (EmulatorProcess emulator = EmulatorProcess.start(kind, options)) {
                    run(connect, emulator);
                }
            }
        }
    }

    private static void run(ConnectTestCluster connect, EmulatorProcess emulator) throws Exception {
        Map<String, String> base = SinkItSupport.connectorConfig(emulator, "bench", "bench", "");
        KinesisSinkConfig config = new KinesisSinkConfig(base);
        String kplStream = createStream(config, "bench-kpl");
        double bare = bareKpl(config, kplStream);

        String topic = "bench-" + emulator.kind().name().toLowerCase();
        connect.embedded().kafka().createTopic(topic, 4);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            records.add(new ProducerRecord<>(topic, key(i), payload(i)));
        }
        SinkItSupport.produce(connect, records);
        String name = "bench-" + emulator.kind().name().toLowerCase();
        Map<String, String> sink =
                SinkItSupport.connectorConfig(
                        emulator, name, topic, createStream(config, "bench-sink"));
        sink.put(KinesisSinkConfig.MAX_OUTSTANDING_CONFIG, "5000");
        connect.putConnectorConfig(name, sink).requireSuccess("create");
        Await.until(
                "the task to start writing",
                TIMEOUT,
                () -> SinkItSupport.taskMetric(name, 0, "RecordsWritten") > 0);
        long first = System.nanoTime();
        Await.until(
                "all records written",
                TIMEOUT,
                () -> SinkItSupport.taskMetric(name, 0, "RecordsWritten") >= RECORDS);
        double task = RECORDS / ((System.nanoTime() - first) / 1e9);
        connect.delete(name);
        System.out.printf(
                "BENCHMARK %s: %d records of 100 B, aggregation on: bare KPL loop %.0f rec/s,"
                        + " one sink task %.0f rec/s (from its first acknowledged record)%n",
                emulator.kind(), RECORDS, bare, task);
    }

    private static byte[] key(int i) {
        return ("key-" + i % 500).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] payload(int i) {
        return (String.format("%06d-", i) + "x".repeat(93)).getBytes(StandardCharsets.UTF_8);
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

    /** The same KPL settings as the connector, driven by a plain loop. */
    private static double bareKpl(KinesisSinkConfig config, String stream) throws Exception {
        KinesisProducer producer =
                new KinesisProducer(
                        KplSettings.producerConfiguration(
                                config, KinesisTestClients.credentials()));
        try {
            // the first record loads the shard map, as in any long-running producer
            producer.addUserRecord(stream, "warm-up", ByteBuffer.wrap(payload(0)))
                    .get(1, TimeUnit.MINUTES);
            long started = System.nanoTime();
            List<ListenableFuture<UserRecordResult>> futures = new ArrayList<>();
            for (int i = 0; i < RECORDS; i++) {
                futures.add(
                        producer.addUserRecord(
                                stream,
                                new String(key(i), StandardCharsets.UTF_8),
                                ByteBuffer.wrap(payload(i))));
            }
            producer.flush();
            for (ListenableFuture<UserRecordResult> f : futures) {
                f.get(5, TimeUnit.MINUTES);
            }
            return RECORDS / ((System.nanoTime() - started) / 1e9);
        } finally {
            producer.destroy();
        }
    }
}
