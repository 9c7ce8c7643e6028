package io.kinesisconnect.testkit.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisconnect.processes.Await;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * An SDK v2 client with CBOR on (its default) talks through the proxy, which transcodes to JSON
 * towards the emulator: per-entry refusals, exact bytes, AT_TIMESTAMP in milliseconds, and the
 * proxy's and the upstream's errors as the SDK's own exception types. Each test asserts that its
 * calls did arrive in CBOR, so none can pass on a JSON client.
 */
abstract class CborLimitsProxyContract {

    static final String SHARD = "shardId-000000000000";

    /** Records per second per shard: a batch of {@link #BATCH} is refused for about two thirds. */
    static final int RECORDS_PER_SECOND = 100;

    private static final int BATCH = 300;

    /** GetShardIterator per shard per second: with a burst of one second, the third is refused. */
    static final int ITERATORS_PER_SECOND = 2;

    /**
     * AWS's limits, writes lowered so that one batch goes over them, GetShardIterator lowered so
     * that the third of three quick calls is refused; GetRecords unlimited so that the reads that
     * check what landed are never throttled; DescribeStreamSummary always fails.
     */
    static KinesisLimits limits() {
        return KinesisLimits.aws()
                .with(Limit.WRITE_RECORDS, RECORDS_PER_SECOND)
                .with(Limit.READ_CALLS, KinesisLimits.UNLIMITED)
                .with(Limit.GET_SHARD_ITERATOR, ITERATORS_PER_SECOND)
                .withBurstSeconds(1.0)
                .withFaults(
                        KinesisFaults.none()
                                .with(Fault.INTERNAL_FAILURE, "DescribeStreamSummary", 1.0));
    }

    abstract KinesisEmulatorExtension kinesis();

    abstract KinesisLimitsProxyExtension proxy();

    private KinesisClient client;

    @BeforeEach
    void cborClient() {
        client = CborClients.createWithoutRetries(proxy().endpoint());
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void putRecordsOverTheLimitIsRefusedPerEntryAndWhatLandedReadsBackByteForByte() {
        String stream = kinesis().streams().create("cbor-put", 1);
        long transcodedBefore = proxy().counters().transcoded("PutRecords");
        Random random = new Random(7);
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            byte[] data = new byte[64 + i % 64];
            random.nextBytes(data);
            entries.add(
                    PutRecordsRequestEntry.builder()
                            .partitionKey("key-" + i)
                            .data(SdkBytes.fromByteArray(data))
                            .build());
        }

        PutRecordsResponse response = client.putRecords(r -> r.streamName(stream).records(entries));

        List<PutRecordsRequestEntry> landed = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < BATCH; i++) {
            PutRecordsResultEntry result = response.records().get(i);
            if (result.errorCode() == null) {
                assertThat(result.sequenceNumber()).isNotNull();
                assertThat(result.shardId()).isEqualTo(SHARD);
                landed.add(entries.get(i));
            } else {
                assertThat(result.errorCode()).isEqualTo(AwsErrors.THROUGHPUT_EXCEEDED);
                assertThat(result.errorMessage())
                        .isEqualTo(AwsErrors.shardRateExceeded(new ShardRef(stream, SHARD)));
                refused++;
            }
        }
        assertThat(refused).as("entries refused").isPositive();
        assertThat(response.failedRecordCount()).isEqualTo(refused);
        assertThat(proxy().counters().refused("PutRecords", stream + "/" + SHARD))
                .isEqualTo(refused);
        assertThat(proxy().counters().transcoded("PutRecords") - transcodedBefore).isOne();

        List<Record> read =
                readAll(iterator(stream, ShardIteratorType.TRIM_HORIZON, null), landed.size());
        assertThat(read).hasSameSizeAs(landed);
        for (int i = 0; i < landed.size(); i++) {
            assertThat(read.get(i).partitionKey()).isEqualTo(landed.get(i).partitionKey());
            assertThat(read.get(i).data().asByteArray())
                    .isEqualTo(landed.get(i).data().asByteArray());
        }
    }

    @Test
    void atTimestampStartsAfterAnEarlierBatchAndArrivalTimesAreMilliseconds() {
        String stream = kinesis().streams().create("cbor-at-timestamp", 1);
        long transcodedBefore = proxy().counters().transcoded("GetShardIterator");
        Instant before = Instant.now().minusSeconds(60);
        put(stream, "early", 3);
        List<Record> early = readAll(iterator(stream, ShardIteratorType.TRIM_HORIZON, null), 3);
        Instant lastEarly = early.get(2).approximateArrivalTimestamp();
        assertThat(lastEarly).isBetween(before, Instant.now().plusSeconds(60));
        // The later batch arrives strictly after the earlier one, at the emulator's millisecond
        // resolution, so the timestamp between them has only the later batch after it.
        Instant between = lastEarly.plusMillis(1);
        Await.until(
                "the clock to pass " + between,
                Duration.ofSeconds(5),
                () -> Instant.now().isAfter(between.plusMillis(5)));
        put(stream, "late", 3);

        List<Record> late = readAll(iterator(stream, ShardIteratorType.AT_TIMESTAMP, between), 3);

        assertThat(late)
                .extracting(Record::partitionKey)
                .containsExactly("late-0", "late-1", "late-2");
        assertThat(late.get(0).approximateArrivalTimestamp()).isAfterOrEqualTo(between);
        assertThat(proxy().counters().transcoded("GetShardIterator") - transcodedBefore)
                .isEqualTo(2);
    }

    @Test
    void aThrottledGetShardIteratorArrivesAsTheSdksException() {
        String stream = kinesis().streams().create("cbor-throttle", 1);
        iterator(stream, ShardIteratorType.TRIM_HORIZON, null);
        iterator(stream, ShardIteratorType.LATEST, null);

        assertThatThrownBy(() -> iterator(stream, ShardIteratorType.TRIM_HORIZON, null))
                .isInstanceOfSatisfying(
                        ProvisionedThroughputExceededException.class,
                        e -> {
                            assertThat(e.statusCode()).isEqualTo(400);
                            assertThat(e.awsErrorDetails().errorMessage())
                                    .isEqualTo(
                                            AwsErrors.shardRateExceeded(
                                                    new ShardRef(stream, SHARD)));
                        });
        assertThat(proxy().counters().refused("GetShardIterator", stream + "/" + SHARD)).isOne();
    }

    @Test
    void anInjectedFaultAndAnUpstreamErrorArriveAsTheSdksExceptions() {
        String stream = kinesis().streams().create("cbor-errors", 1);
        long transcodedBefore = proxy().counters().transcoded();

        assertThatThrownBy(() -> client.describeStreamSummary(r -> r.streamName(stream)))
                .isInstanceOfSatisfying(
                        KinesisException.class,
                        e -> {
                            assertThat(e.statusCode()).isEqualTo(500);
                            assertThat(e.awsErrorDetails().errorCode())
                                    .isEqualTo(AwsErrors.INTERNAL_FAILURE);
                            assertThat(e.awsErrorDetails().errorMessage())
                                    .isEqualTo(AwsErrors.INTERNAL_FAILURE_MESSAGE);
                        });
        assertThatThrownBy(() -> client.describeStream(r -> r.streamName(stream + "-missing")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(proxy().counters().injected(Fault.INTERNAL_FAILURE, "DescribeStreamSummary"))
                .isPositive();
        assertThat(proxy().counters().transcoded() - transcodedBefore).isEqualTo(2);
    }

    private void put(String stream, String prefix, int count) {
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(
                    PutRecordsRequestEntry.builder()
                            .partitionKey(prefix + "-" + i)
                            .data(SdkBytes.fromUtf8String(prefix))
                            .build());
        }
        PutRecordsResponse response = client.putRecords(r -> r.streamName(stream).records(entries));
        assertThat(response.failedRecordCount()).isZero();
    }

    private String iterator(String stream, ShardIteratorType type, Instant timestamp) {
        return client.getShardIterator(
                        r ->
                                r.streamName(stream)
                                        .shardId(SHARD)
                                        .shardIteratorType(type)
                                        .timestamp(timestamp))
                .shardIterator();
    }

    /** Reads from {@code iterator} until {@code count} records came back. */
    private List<Record> readAll(String iterator, int count) {
        List<Record> records = new ArrayList<>();
        String[] next = {iterator};
        Await.until(
                count + " records",
                Duration.ofSeconds(10),
                () -> {
                    GetRecordsResponse page = client.getRecords(r -> r.shardIterator(next[0]));
                    records.addAll(page.records());
                    next[0] = page.nextShardIterator();
                    return records.size() >= count;
                },
                () -> records.size() + " records");
        return records;
    }
}
