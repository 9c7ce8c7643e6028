package io.kinesisconnect.source.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.common.keys.AwsKeys;
import io.kinesisconnect.processes.Await;
import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.processes.StreamWriter;
import io.kinesisconnect.source.KinesisSourceConfig;
import io.kinesisconnect.testkit.ConnectClusterExtension;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import io.kinesisconnect.testkit.limits.Fault;
import io.kinesisconnect.testkit.limits.KinesisFaults;
import io.kinesisconnect.testkit.limits.KinesisLimits;
import io.kinesisconnect.testkit.limits.KinesisLimitsProxyExtension;
import io.kinesisconnect.testkit.limits.Limit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The source against Kinesis as AWS runs it: the limits proxy in front of kinesis-mock, one shard
 * whose reads are limited to two GetRecords calls a second, with 5% of calls failing with
 * InternalFailure and 1% of connections dropped. The reader meets refusals, backs off and goes on:
 * records written after the first refusal arrive too, none is lost and every key keeps its order. A
 * second connector reads another stream through a proxy without limits: the control, which meets no
 * refusal.
 */
class SourceLimitsProxyIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final int READ_CALLS_PER_SECOND = 2;

    private static final long FAULT_SEED = 43;

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESIS_MOCK);

    @RegisterExtension
    static final KinesisLimitsProxyExtension AWS_LIMITS =
            KinesisLimitsProxyExtension.inFrontOf(
                            KINESIS,
                            KinesisLimits.aws().with(Limit.READ_CALLS, READ_CALLS_PER_SECOND))
                    .withFaults(KinesisFaults.connectorMix(FAULT_SEED));

    @RegisterExtension
    static final KinesisLimitsProxyExtension NO_LIMITS =
            KinesisLimitsProxyExtension.inFrontOf(KINESIS, KinesisLimits.none());

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.withWorkers(1);

    @Test
    void throttledReadsBackOffAndLoseNothing() {
        String stream = KINESIS.streams().create("limits-source", 1);
        String control = KINESIS.streams().create("limits-source-control", 1);
        KeyedRecords records = new KeyedRecords(20);
        KeyedRecords controlRecords = new KeyedRecords(20);
        StreamWriter writer = new StreamWriter(KINESIS.client());
        writer.putAll(stream, records.next(1_000));
        writer.putAll(control, controlRecords.next(1_000));

        long started = System.nanoTime();
        start("limits-source", stream, AWS_LIMITS);
        start("limits-source-control", control, NO_LIMITS);
        Await.until(
                "the shard to refuse a GetRecords call",
                TIMEOUT,
                () -> AWS_LIMITS.counters().refused("GetRecords") > 0);
        long refusedBeforeSecondHalf = AWS_LIMITS.counters().refused("GetRecords");
        // Written after the first refusal: they arrive only if the reader goes on after it.
        writer.putAll(stream, records.next(1_000));
        Delivered delivered =
                Delivered.awaitAll(
                        CONNECT.cluster().bootstrapServers(),
                        stream,
                        records.all(),
                        false,
                        TIMEOUT);
        double seconds = (System.nanoTime() - started) / 1e9;
        Delivered controlDelivered =
                Delivered.awaitAll(
                        CONNECT.cluster().bootstrapServers(),
                        control,
                        controlRecords.all(),
                        false,
                        TIMEOUT);
        System.out.printf(
                "LIMITS source seconds=%.1f get_records_allowed=%d refused=%d"
                        + " refused_before_second_half=%d internal_failures=%d dropped=%d"
                        + " duplicates=%d; control refused=%d%n",
                seconds,
                AWS_LIMITS.counters().allowed("GetRecords"),
                AWS_LIMITS.counters().refused("GetRecords"),
                refusedBeforeSecondHalf,
                AWS_LIMITS.counters().injected(Fault.INTERNAL_FAILURE),
                AWS_LIMITS.counters().injected(Fault.DROPPED_CONNECTION),
                delivered.duplicates(),
                NO_LIMITS.counters().totalRefused());

        assertThat(delivered.distinctValues()).isEqualTo(records.all());
        assertThat(delivered.distinctValues()).hasSize(2_000);
        assertThat(delivered.keysOutOfOrder()).isEmpty();
        assertThat(delivered.keysMatchValues()).isTrue();
        assertThat(refusedBeforeSecondHalf).as("GetRecords refused").isPositive();
        assertThat(AWS_LIMITS.counters().injected(Fault.INTERNAL_FAILURE))
                .as("InternalFailures injected")
                .isPositive();
        assertThat(AWS_LIMITS.counters().injected(Fault.DROPPED_CONNECTION))
                .as("connections dropped")
                .isPositive();
        // The control: the same reader without limits meets no refusal and loses nothing.
        assertThat(controlDelivered.distinctValues()).isEqualTo(controlRecords.all());
        assertThat(NO_LIMITS.counters().totalRefused()).as("refusals without limits").isZero();
        assertThat(NO_LIMITS.counters().allowed("GetRecords")).isPositive();
    }

    private static void start(String name, String stream, KinesisLimitsProxyExtension proxy) {
        Map<String, String> config =
                SourceTestConfigs.forEmulator(KINESIS.emulator(), name, List.of(stream), 1);
        config.put(AwsKeys.ENDPOINT, proxy.endpoint().toString());
        config.put(KinesisSourceConfig.STARTUP_POSITION_CONFIG, "earliest");
        // Answers of 100: the first 1,000 records take ten calls, five seconds at the limit.
        config.put(KinesisSourceConfig.MAX_RECORDS_PER_CALL_CONFIG, "100");
        CONNECT.cluster().putConnectorConfig(name, config).requireSuccess("create " + name);
        CONNECT.cluster().awaitRunning(name, 1, TIMEOUT);
    }
}
