package io.kinesisconnect.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.processes.Await;
import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.sink.config.KinesisSinkConfig;
import io.kinesisconnect.testkit.ConnectClusterExtension;
import io.kinesisconnect.testkit.ConnectTestCluster;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import io.kinesisconnect.testkit.limits.KinesisLimits;
import io.kinesisconnect.testkit.limits.KinesisLimitsProxyExtension;
import io.kinesisconnect.testkit.limits.Limit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The KPL writer against Kinesis as AWS runs it: the limits proxy over TLS in front of
 * kinesis-mock, one shard, written at twice its record limit. Nothing is lost, the committed
 * offsets never pass a record that has not landed, and the outstanding records stay within their
 * bound. The KPL retries refused records out of order, so per-key order is printed, not asserted.
 */
class SinkKplLimitsProxyIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int RECORDS = 1_000;
    private static final int KEYS = 20;

    /** The shard's record limit, lowered from AWS's 1,000 a second to keep the test short. */
    private static final int WRITE_RECORDS_PER_SECOND = 100;

    /**
     * The KPL's own rate limit, in percent of AWS's 1,000 records a second per shard: 20% is 200 a
     * second, twice the proxy's limit.
     */
    private static final int KPL_RATE_LIMIT_PERCENT = 20;

    private static final int MAX_OUTSTANDING = 500;

    @Order(1)
    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESIS_MOCK);

    @Order(2)
    @RegisterExtension
    static final KinesisLimitsProxyExtension AWS_LIMITS =
            KinesisLimitsProxyExtension.inFrontOf(
                            KINESIS,
                            KinesisLimits.aws().with(Limit.WRITE_RECORDS, WRITE_RECORDS_PER_SECOND))
                    .withTls();

    @Order(3)
    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.withWorkers(1);

    @Test
    void writingAtTwiceTheShardLimitLosesNothingAndCommitsOnlyWhatLanded() {
        ConnectTestCluster connect = CONNECT.cluster();
        String topic = "kpl-limits-sink-topic";
        connect.embedded().kafka().createTopic(topic, 1);
        LimitsProxyRun run = new LimitsProxyRun(KINESIS, topic, RECORDS, KEYS, 80);
        List<RecordMetadata> offsets = SinkItSupport.produce(connect, run.records());
        String stream = KINESIS.streams().create("kpl-limits-sink", 1);

        long started = System.nanoTime();
        String name = "kpl-limits-sink";
        Map<String, String> config = run.connectorConfig(name, stream, AWS_LIMITS);
        config.put(KinesisSinkConfig.WRITER_CONFIG, "kpl");
        // One user record per Kinesis record, so that the KPL's rate limit and the proxy's record
        // limit count the same thing.
        config.put("kpl.AggregationEnabled", "false");
        config.put("kpl.RateLimit", Integer.toString(KPL_RATE_LIMIT_PERCENT));
        config.put(KinesisSinkConfig.MAX_OUTSTANDING_CONFIG, Integer.toString(MAX_OUTSTANDING));
        config.put(KinesisSinkConfig.RETRY_BACKOFF_CONFIG, "100");
        // Refusals are expected here; the task must keep retrying rather than fail.
        config.put(KinesisSinkConfig.RETRIES_CONFIG, "100");
        connect.putConnectorConfig(name, config).requireSuccess("create " + name);
        connect.awaitRunning(name, 1, TIMEOUT);
        LimitsProxyRun.CommitCheck commits = run.commitCheck(connect, name, offsets);
        Await.until(
                "the connector to have written " + RECORDS + " records",
                TIMEOUT,
                () -> {
                    commits.sample(stream);
                    return SinkItSupport.taskMetric(name, 0, "RecordsWritten") >= RECORDS;
                },
                () -> SinkItSupport.taskMetric(name, 0, "RecordsWritten") + " written");
        double seconds = (System.nanoTime() - started) / 1e9;
        commits.sample(stream);

        KeyOrderCheck.Result result = run.check(stream, TIMEOUT);
        long refused = AWS_LIMITS.counters().refused("PutRecords");
        long allowed = AWS_LIMITS.counters().allowed("PutRecords");
        long maxOutstanding = SinkItSupport.taskMetric(name, 0, "MaxOutstandingRecords");
        System.out.printf(
                "LIMITS kpl sink seconds=%.1f refused_entries=%d allowed_entries=%d"
                        + " commit_samples=%d max_outstanding=%d %s (order not asserted)%n",
                seconds, refused, allowed, commits.samplesWithCommits(), maxOutstanding, result);

        assertThat(result.lost()).as("lost").isZero();
        assertThat(refused).as("PutRecords entries refused by the shard limit").isPositive();
        assertThat(allowed).as("PutRecords entries admitted").isGreaterThanOrEqualTo(RECORDS);
        assertThat(commits.violations()).as("records committed before they landed").isEmpty();
        assertThat(commits.samplesWithCommits())
                .as("samples that saw a committed offset")
                .isPositive();
        assertThat(maxOutstanding).isBetween(1L, (long) MAX_OUTSTANDING);
    }
}
