package io.kinesisconnect.source.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.processes.StreamWriter;
import io.kinesisconnect.source.KinesisSourceConfig;
import io.kinesisconnect.testkit.ConnectClusterExtension;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Throttling on 30 % of GetRecords calls and expiring iterators lose nothing and cause no tight
 * loop.
 */
class SourceFaultInjectionIT {

    private static final Duration STAMP_JITTER = Duration.ofMillis(30);
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final int SHARDS = 2;

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESIS_MOCK);

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.withWorkers(2);

    @AfterAll
    static void cleanUp() {
        FaultInjector.disable();
    }

    @Test
    void throttlingAndExpiredIteratorsLoseNothingAndBackOff() {
        String stream = KINESIS.streams().create("faults", SHARDS);
        KeyedRecords records = new KeyedRecords(40);
        StreamWriter writer = new StreamWriter(KINESIS.client());
        writer.putAll(stream, records.next(2_000));
        Map<String, String> config =
                SourceTestConfigs.forEmulator(KINESIS.emulator(), "faults", List.of(stream), 1);
        config.put(KinesisSourceConfig.STARTUP_POSITION_CONFIG, "earliest");
        config.put(KinesisSourceConfig.MAX_RECORDS_PER_CALL_CONFIG, "100");

        long started = System.nanoTime();
        FaultInjector.enable(0.3, 7);
        CONNECT.cluster().putConnectorConfig("faults", config).requireSuccess("create");
        CONNECT.cluster().awaitRunning("faults", 1, TIMEOUT);
        writer.putAll(stream, records.next(2_000));
        Delivered delivered =
                Delivered.awaitAll(
                        CONNECT.cluster().bootstrapServers(),
                        stream,
                        records.all(),
                        false,
                        TIMEOUT);
        FaultInjector.disable();
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(delivered.distinctValues()).isEqualTo(records.all());
        assertThat(delivered.keysOutOfOrder()).isEmpty();
        assertThat(FaultInjector.THROTTLED.get()).as("throttles injected").isPositive();
        assertThat(FaultInjector.EXPIRED.get()).as("expiries injected").isPositive();
        // The reader spaces its calls by its own clock; this interceptor stamps them a moment
        // later, inside the SDK. A thread paused in between would shift one stamp by a few ms, so
        // the window leaves that much room: a sixth call is caught unless it is within 30 ms of
        // a full second after the first.
        Map<String, Integer> maxPerSecond =
                FaultInjector.GET_RECORDS_RATES.maxPerWindow(
                        Duration.ofSeconds(1).minus(STAMP_JITTER));
        assertThat(maxPerSecond)
                .as("shards whose GetRecords calls were seen")
                .doesNotContainKey(FaultInjector.UNKNOWN_SHARD)
                .hasSize(SHARDS);
        // Kinesis allows five GetRecords per shard in any second, not five on average.
        assertThat(maxPerSecond.values())
                .as("most GetRecords calls per shard in any one-second window")
                .allSatisfy(max -> assertThat(max).isLessThanOrEqualTo(5));
        double callsPerShardSecond = FaultInjector.GET_RECORDS_CALLS.get() / seconds / SHARDS;
        System.out.printf(
                "Faults: %d GetRecords calls in %.1f s (average %.1f, at most %s per shard in any"
                        + " second), %d throttled, %d expired, %d duplicates%n",
                FaultInjector.GET_RECORDS_CALLS.get(),
                seconds,
                callsPerShardSecond,
                maxPerSecond,
                FaultInjector.THROTTLED.get(),
                FaultInjector.EXPIRED.get(),
                delivered.duplicates());
    }
}
