package io.kinesisconnect.testkit.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kinesisconnect.processes.EmulatorKind;
import io.kinesisconnect.processes.KinesisTestClients;
import io.kinesisconnect.processes.LandedRecord;
import io.kinesisconnect.testkit.KinesisEmulatorExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Each injected fault reaches an SDK v2 client (without retries, so it sees every answer) as AWS's
 * own exception or status, and a call or entry that failed was not written. Each fault is set for
 * one API only, at a rate that makes the outcome certain or, with a seed, repeatable.
 */
class KinesisMockFaultInjectionIT {

    private static final long LATENCY_MILLIS = 400;

    @RegisterExtension
    static final KinesisEmulatorExtension KINESIS =
            KinesisEmulatorExtension.shared(EmulatorKind.KINESIS_MOCK);

    @RegisterExtension
    static final KinesisLimitsProxyExtension FAULTY =
            KinesisLimitsProxyExtension.inFrontOf(KINESIS, KinesisLimits.none())
                    .withFaults(
                            KinesisFaults.none()
                                    .with(Fault.INTERNAL_FAILURE, "PutRecord", 0.5)
                                    .with(Fault.DROPPED_CONNECTION, "PutRecord", 0.5)
                                    .with(Fault.SERVICE_UNAVAILABLE, "DescribeStreamSummary", 1.0)
                                    .with(Fault.EXPIRED_ITERATOR, 1.0)
                                    .with(Fault.LATENCY, "DescribeStream", 1.0)
                                    .withLatencyMillis(LATENCY_MILLIS)
                                    .with(Fault.PUT_RECORDS_ENTRY_FAILURE, 0.3)
                                    .withSeed(9));

    @Test
    void failedAndDroppedPutRecordCallsReachTheClientAndWriteNothing() {
        String stream = KINESIS.streams().create("faults-put-record", 1);
        int calls = 20;
        int internalFailures = 0;
        int dropped = 0;
        try (KinesisClient client = KinesisTestClients.createWithoutRetries(FAULTY.endpoint())) {
            for (int i = 0; i < calls; i++) {
                int n = i;
                Throwable thrown =
                        catchThrowable(
                                () ->
                                        client.putRecord(
                                                r ->
                                                        r.streamName(stream)
                                                                .partitionKey("key-" + n)
                                                                .data(
                                                                        SdkBytes.fromUtf8String(
                                                                                "v"))));
                if (thrown instanceof KinesisException e) {
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo(AwsErrors.INTERNAL_FAILURE_MESSAGE);
                    internalFailures++;
                } else {
                    // The connection was closed without an answer.
                    assertThat(thrown).isInstanceOf(SdkClientException.class);
                    dropped++;
                }
            }
        }

        assertThat(internalFailures).isPositive();
        assertThat(dropped).isPositive();
        assertThat(internalFailures + dropped).isEqualTo(calls);
        assertThat(FAULTY.counters().injected(Fault.INTERNAL_FAILURE, "PutRecord"))
                .isEqualTo(internalFailures);
        assertThat(FAULTY.counters().injected(Fault.DROPPED_CONNECTION, "PutRecord"))
                .isEqualTo(dropped);
        assertThat(FAULTY.counters().allowed("PutRecord")).isZero();
        assertThat(KINESIS.reader().readAll(stream).records()).isEmpty();
    }

    @Test
    void serviceUnavailableReachesTheClientAs503AndTheSdkRetriesIt() {
        String stream = KINESIS.streams().create("faults-503", 1);
        try (KinesisClient client = KinesisTestClients.createWithoutRetries(FAULTY.endpoint())) {
            KinesisException e =
                    (KinesisException)
                            catchThrowable(
                                    () -> client.describeStreamSummary(r -> r.streamName(stream)));

            assertThat(e.statusCode()).isEqualTo(503);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo(AwsErrors.SERVICE_UNAVAILABLE_MESSAGE);
        }
        long before = FAULTY.counters().injected(Fault.SERVICE_UNAVAILABLE);
        // The extension's client keeps the SDK's default retries: it tries again, then gives up.
        assertThatThrownBy(() -> FAULTY.client().describeStreamSummary(r -> r.streamName(stream)))
                .isInstanceOf(KinesisException.class);
        assertThat(FAULTY.counters().injected(Fault.SERVICE_UNAVAILABLE) - before)
                .as("attempts of one call with the SDK's retries")
                .isGreaterThan(1);
    }

    @Test
    void getRecordsAnswersExpiredIteratorException() {
        String stream = KINESIS.streams().create("faults-expired", 1);
        try (KinesisClient client = KinesisTestClients.createWithoutRetries(FAULTY.endpoint())) {
            String iterator =
                    client.getShardIterator(
                                    r ->
                                            r.streamName(stream)
                                                    .shardId("shardId-000000000000")
                                                    .shardIteratorType(
                                                            ShardIteratorType.TRIM_HORIZON))
                            .shardIterator();

            assertThatThrownBy(() -> client.getRecords(r -> r.shardIterator(iterator)))
                    .isInstanceOfSatisfying(
                            ExpiredIteratorException.class,
                            e -> {
                                assertThat(e.statusCode()).isEqualTo(400);
                                assertThat(e.awsErrorDetails().errorMessage())
                                        .startsWith("Iterator expired. The iterator was created at")
                                        .endsWith(
                                                "further in the future than the tolerated delay"
                                                        + " of 300000 milliseconds.");
                            });
        }
        assertThat(FAULTY.counters().injected(Fault.EXPIRED_ITERATOR, "GetRecords")).isOne();
        assertThat(FAULTY.counters().allowed("GetRecords")).isZero();
    }

    @Test
    void latencyDelaysTheAnswer() {
        String stream = KINESIS.streams().create("faults-latency", 1);
        long before = FAULTY.counters().injected(Fault.LATENCY, "DescribeStream");
        try (KinesisClient client = KinesisTestClients.createWithoutRetries(FAULTY.endpoint())) {
            long started = System.nanoTime();
            client.describeStream(r -> r.streamName(stream));
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(millis).isGreaterThanOrEqualTo(LATENCY_MILLIS);
        }
        assertThat(FAULTY.counters().injected(Fault.LATENCY, "DescribeStream") - before).isOne();
    }

    @Test
    void failedPutRecordsEntriesAreReportedInPlaceAndNotWritten() {
        String stream = KINESIS.streams().create("faults-partial", 1);
        int batches = 4;
        int perBatch = 50;
        Set<String> written = new HashSet<>();
        Set<String> failed = new HashSet<>();
        int reportedFailed = 0;
        try (KinesisClient client = KinesisTestClients.createWithoutRetries(FAULTY.endpoint())) {
            for (int b = 0; b < batches; b++) {
                List<PutRecordsRequestEntry> entries = new ArrayList<>();
                for (int i = 0; i < perBatch; i++) {
                    entries.add(
                            PutRecordsRequestEntry.builder()
                                    .partitionKey("key-" + (b * perBatch + i))
                                    .data(SdkBytes.fromUtf8String("v" + (b * perBatch + i)))
                                    .build());
                }
                PutRecordsResponse response =
                        client.putRecords(r -> r.streamName(stream).records(entries));
                reportedFailed += response.failedRecordCount();
                for (int i = 0; i < perBatch; i++) {
                    PutRecordsResultEntry result = response.records().get(i);
                    String key = entries.get(i).partitionKey();
                    if (result.errorCode() == null) {
                        assertThat(result.sequenceNumber()).isNotNull();
                        written.add(key);
                    } else {
                        assertThat(result.errorCode()).isEqualTo("InternalFailure");
                        assertThat(result.errorMessage()).isEqualTo("Internal service failure.");
                        assertThat(result.sequenceNumber()).isNull();
                        failed.add(key);
                    }
                }
            }
        }

        assertThat(failed).as("failed entries").isNotEmpty();
        assertThat(written).as("written entries").isNotEmpty();
        assertThat(failed.size() + written.size()).isEqualTo(batches * perBatch);
        assertThat(reportedFailed).isEqualTo(failed.size());
        assertThat(FAULTY.counters().injected(Fault.PUT_RECORDS_ENTRY_FAILURE))
                .isEqualTo(failed.size());
        List<LandedRecord> landed = KINESIS.reader().readAll(stream).records();
        Set<String> landedKeys =
                landed.stream().map(LandedRecord::partitionKey).collect(Collectors.toSet());
        assertThat(landed).hasSize(written.size());
        assertThat(landedKeys).isEqualTo(written);
        // Each landed record carries its own entry's data: the answers were merged in order.
        assertThat(landed)
                .allSatisfy(
                        r ->
                                assertThat(r.dataAsString())
                                        .isEqualTo("v" + r.partitionKey().substring(4)));
    }
}
