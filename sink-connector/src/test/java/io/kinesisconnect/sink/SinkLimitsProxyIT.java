package io.kinesisconnect.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.processes.Await;
import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.sink.config.KinesisSinkConfig;
import io.kinesisconnect.testkit.ConnectClusterExtension;
import io.kinesisconnect.testkit.ConnectTestCluster;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import io.kinesisconnect.testkit.limits.Fault;
import io.kinesisconnect.testkit.limits.KinesisFaults;
import io.kinesisconnect.testkit.limits.KinesisLimits;
import io.kinesisconnect.testkit.limits.KinesisLimitsProxyExtension;
import io.kinesisconnect.testkit.limits.Limit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sdk writer against Kinesis as AWS runs it: the limits proxy in front of kinesis-mock, one
 * shard, written at twice its write limit, with 5% of calls failing with InternalFailure and 1% of
 * connections dropped. Nothing is lost, every key keeps its order, the committed offsets never pass
 * a record that has not landed, and the outstanding records stay within their bound. A second
 * connector writes the same records through a proxy without limits: the control, which meets no
 * refusal. The KPL writer goes through the proxy over TLS in {@link SinkKplLimitsProxyIT}.
 */
class SinkLimitsProxyIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final int RECORDS = 2_000;
    private static final int KEYS = 20;

    /**
     * The shard's write limit in bytes: about 190 records of 105 bytes a second. The sdk writer
     * aggregates, and AWS counts an aggregate as one record, so the byte limit is the one it meets.
     */
    private static final int WRITE_BYTES_PER_SECOND = 20_000;

    private static final int MAX_OUTSTANDING = 500;

    private static final long FAULT_SEED = 43;

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESIS_MOCK);

    @RegisterExtension
    static final KinesisLimitsProxyExtension AWS_LIMITS =
            KinesisLimitsProxyExtension.inFrontOf(
                            KINESIS,
                            KinesisLimits.aws().with(Limit.WRITE_BYTES, WRITE_BYTES_PER_SECOND))
                    .withFaults(KinesisFaults.connectorMix(FAULT_SEED));

    @RegisterExtension
    static final KinesisLimitsProxyExtension NO_LIMITS =
            KinesisLimitsProxyExtension.inFrontOf(KINESIS, KinesisLimits.none());

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.withWorkers(1);

    @Test
    void writingAtTwiceTheShardLimitLosesNothingAndCommitsOnlyWhatLanded() throws Exception {
        ConnectTestCluster connect = CONNECT.cluster();
        String topic = "limits-sink-topic";
        connect.embedded().kafka().createTopic(topic, 1);
        LimitsProxyRun run = new LimitsProxyRun(KINESIS, topic, RECORDS, KEYS, 80);
        List<RecordMetadata> offsets = SinkItSupport.produce(connect, run.records());
        String stream = KINESIS.streams().create("limits-sink", 1);
        String control = KINESIS.streams().create("limits-sink-control", 1);

        long started = System.nanoTime();
        start(connect, run, "limits-sink", stream, AWS_LIMITS);
        start(connect, run, "limits-sink-control", control, NO_LIMITS);
        LimitsProxyRun.CommitCheck commits = run.commitCheck(connect, "limits-sink", offsets);
        Await.until(
                "both connectors to have written " + RECORDS + " records",
                TIMEOUT,
                () -> {
                    commits.sample(stream);
                    return SinkItSupport.taskMetric("limits-sink", 0, "RecordsWritten") >= RECORDS
                            && SinkItSupport.taskMetric("limits-sink-control", 0, "RecordsWritten")
                                    >= RECORDS;
                },
                () ->
                        SinkItSupport.taskMetric("limits-sink", 0, "RecordsWritten")
                                + " and "
                                + SinkItSupport.taskMetric(
                                        "limits-sink-control", 0, "RecordsWritten")
                                + " written");
        double seconds = (System.nanoTime() - started) / 1e9;
        commits.sample(stream);

        KeyOrderCheck.Result result = run.check(stream, TIMEOUT);
        KeyOrderCheck.Result controlResult = run.check(control, TIMEOUT);
        long refused = AWS_LIMITS.counters().refused("PutRecords");
        long maxOutstanding = SinkItSupport.taskMetric("limits-sink", 0, "MaxOutstandingRecords");
        System.out.printf(
                "LIMITS sink seconds=%.1f refused_entries=%d allowed_entries=%d"
                        + " internal_failures=%d dropped=%d commit_samples=%d"
                        + " max_outstanding=%d %s; control refused=%d %s%n",
                seconds,
                refused,
                AWS_LIMITS.counters().allowed("PutRecords"),
                AWS_LIMITS.counters().injected(Fault.INTERNAL_FAILURE),
                AWS_LIMITS.counters().injected(Fault.DROPPED_CONNECTION),
                commits.samplesWithCommits(),
                maxOutstanding,
                result,
                NO_LIMITS.counters().totalRefused(),
                controlResult);

        assertThat(result.lost()).as("lost").isZero();
        assertThat(result.violations()).as("per-key order violations").isZero();
        assertThat(refused).as("PutRecords entries refused by the shard limit").isPositive();
        assertThat(AWS_LIMITS.counters().injected(Fault.INTERNAL_FAILURE))
                .as("InternalFailures injected")
                .isPositive();
        assertThat(AWS_LIMITS.counters().injected(Fault.DROPPED_CONNECTION))
                .as("connections dropped")
                .isPositive();
        assertThat(commits.violations()).as("records committed before they landed").isEmpty();
        assertThat(commits.samplesWithCommits())
                .as("samples that saw a committed offset")
                .isPositive();
        assertThat(maxOutstanding).isBetween(1L, (long) MAX_OUTSTANDING);
        // The control: the same writer and records without limits meets no refusal.
        assertThat(controlResult.lost()).as("lost without limits").isZero();
        assertThat(NO_LIMITS.counters().totalRefused()).as("refusals without limits").isZero();
        assertThat(NO_LIMITS.counters().allowed("PutRecords")).isPositive();
    }

    private static void start(
            ConnectTestCluster connect,
            LimitsProxyRun run,
            String name,
            String stream,
            KinesisLimitsProxyExtension proxy) {
        Map<String, String> config = run.connectorConfig(name, stream, proxy);
        config.put(KinesisSinkConfig.WRITER_CONFIG, "sdk");
        // Twice the shard's limit, in aggregates small enough for the shard's one-second bucket.
        config.put(
                KinesisSinkConfig.SHARD_BYTES_RATE_CONFIG,
                Integer.toString(2 * WRITE_BYTES_PER_SECOND));
        config.put(KinesisSinkConfig.AGGREGATION_MAX_BYTES_CONFIG, "5000");
        config.put(KinesisSinkConfig.MAX_OUTSTANDING_CONFIG, Integer.toString(MAX_OUTSTANDING));
        config.put(KinesisSinkConfig.RETRY_BACKOFF_CONFIG, "100");
        // Refusals are expected here; the task must keep retrying rather than fail.
        config.put(KinesisSinkConfig.RETRIES_CONFIG, "100");
        connect.putConnectorConfig(name, config).requireSuccess("create " + name);
        connect.awaitRunning(name, 1, TIMEOUT);
    }
}
