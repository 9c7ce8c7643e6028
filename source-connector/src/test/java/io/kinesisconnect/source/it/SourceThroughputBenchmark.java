package io.kinesisconnect.source.it;

import io.kinesisconnect.source.KinesisSourceConfig;
import io.kinesisconnect.testkit.ConnectClusterExtension;
import io.kinesisconnect.testkit.EmulatorKind;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import io.kinesisconnect.testkit.StreamWriter;
import io.kinesisconnect.testkit.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How fast one source task moves records from Kinesis into Kafka. Not part of the test suite (the
 * name does not end in IT); run it on its own:
 *
 * <pre>mvn -pl source-connector verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=SourceThroughputBenchmark</pre>
 *
 * <p>Records are written before the connector starts, so the figure is the read-and-deliver rate,
 * not the emulator's write rate. It prints figures and asserts nothing about speed.
 */
class SourceThroughputBenchmark {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final int RECORD_BYTES = 100;

    @RegisterExtension
    static final KinesisEmulatorExtension MOCK =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESIS_MOCK);

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.withWorkers(1);

    @Test
    void oneTaskOnKinesisMock() {
        measure(MOCK, "kinesis-mock", 20_000);
    }

    @Test
    void oneTaskOnKinesalite() {
        KinesisEmulatorExtension kinesalite =
                KinesisEmulatorExtension.dedicated(
                        EmulatorKind.KINESALITE,
                        io.kinesisconnect.testkit.EmulatorOptions.defaults());
        try {
            kinesalite.beforeAll(null);
            measure(kinesalite, "kinesalite", 100_000);
        } finally {
            kinesalite.afterAll(null);
        }
    }

    private static void measure(KinesisEmulatorExtension kinesis, String label, int records) {
        String stream = kinesis.streams().create("bench", 4);
        CONNECT.cluster().embedded().kafka().createTopic(stream, 4);
        byte[] payload = new byte[RECORD_BYTES];
        Arrays.fill(payload, (byte) 'x');
        List<StreamWriter.Entry> entries = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            entries.add(new StreamWriter.Entry("key-" + (i % 1000), payload));
        }
        long writeStart = System.nanoTime();
        new StreamWriter(kinesis.client()).putAll(stream, entries);
        double writeSeconds = (System.nanoTime() - writeStart) / 1e9;

        Map<String, String> config =
                SourceTestConfigs.forEmulator(
                        kinesis.emulator(), "bench-" + label, List.of(stream), 1);
        config.put(KinesisSourceConfig.STARTUP_POSITION_CONFIG, "earliest");
        long start = System.nanoTime();
        CONNECT.cluster().putConnectorConfig("bench-" + label, config).requireSuccess("create");
        new TopicReader(CONNECT.cluster().bootstrapServers(), false)
                .awaitAtLeast(stream, records, TIMEOUT);
        double seconds = (System.nanoTime() - start) / 1e9;
        CONNECT.cluster().delete("bench-" + label);
        System.out.printf(
                "BENCHMARK source %s: %d records of %d B over 4 shards, one task: %.1f s, %.0f records/s"
                        + " (including task start); emulator write rate %.0f records/s%n",
                label, records, RECORD_BYTES, seconds, records / seconds, records / writeSeconds);
    }
}
