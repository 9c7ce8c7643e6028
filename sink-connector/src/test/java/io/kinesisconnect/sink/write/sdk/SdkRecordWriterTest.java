package io.kinesisconnect.sink.write.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.common.retry.ExponentialBackoff;
import io.kinesisconnect.sink.write.KinesisRecord;
import io.kinesisconnect.sink.write.WriteOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The writer with its sender thread, on {@link FakeKinesis}. */
class SdkRecordWriterTest {

    private static final SdkWriterSettings SETTINGS =
            new SdkWriterSettings(
                    true,
                    1024 * 1024,
                    10_000,
                    1024 * 1024,
                    1_000,
                    10,
                    ExponentialBackoff.withJitter(Duration.ofMillis(5), Duration.ofMillis(5 * 10)));

    private static KinesisRecord record(String key, String explicitHashKey, byte[] data) {
        return new KinesisRecord("s", key, explicitHashKey, data);
    }

    private static WriteOutcome.Failed failed(CompletableFuture<WriteOutcome> f) {
        return (WriteOutcome.Failed) f.getNow(null);
    }

    @Test
    void recordsAreAcknowledgedWithTheirShardAndSequenceAndCloseStopsTheSender() throws Exception {
        FakeKinesis kinesis = new FakeKinesis(2);
        SdkRecordWriter writer = new SdkRecordWriter(kinesis, SETTINGS, System::nanoTime, "t");
        List<CompletableFuture<WriteOutcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            byte[] data = ("v" + i).getBytes(StandardCharsets.UTF_8);
            outcomes.add(writer.write(record("k" + (i % 9), null, data)));
        }

        CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
                .get(30, TimeUnit.SECONDS);
        writer.close();

        assertThat(outcomes)
                .allSatisfy(
                        f ->
                                assertThat(f.get())
                                        .isInstanceOfSatisfying(
                                                WriteOutcome.Written.class,
                                                w ->
                                                        assertThat(w.shardId())
                                                                .startsWith("shardId-")));
        assertThat(writer.stats().userRecords()).isEqualTo(500);
        assertThat(writer.retriesInternally()).isTrue();
        assertThat(failed(writer.write(record("k", null, new byte[1]))).reason())
                .contains("closed");
    }

    @Test
    void recordsKinesisCannotTakeFailPermanentlyAtOnce() {
        FakeKinesis kinesis = new FakeKinesis(1);
        SdkRecordWriter writer = new SdkRecordWriter(kinesis, SETTINGS, System::nanoTime, "t");
        try {
            byte[] tooBig = new byte[SdkWriterSettings.MAX_RECORD_BYTES];
            CompletableFuture<WriteOutcome> big = writer.write(record("k", null, tooBig));
            CompletableFuture<WriteOutcome> badHash = writer.write(record("k", "-5", new byte[1]));
            CompletableFuture<WriteOutcome> longKey =
                    writer.write(record("k".repeat(257), null, new byte[1]));

            assertThat(failed(big).permanent()).isTrue();
            assertThat(failed(big).reason()).contains("1048577 bytes").contains("1048576");
            assertThat(failed(badHash).permanent()).isTrue();
            assertThat(failed(badHash).reason()).contains("'-5'");
            assertThat(failed(longKey).permanent()).isTrue();
            assertThat(kinesis.calls).isZero();
        } finally {
            writer.close();
        }
    }

    @Test
    void aRecordTooBigForAnAggregateGoesAloneAndItsNeighboursAggregate() throws Exception {
        FakeKinesis kinesis = new FakeKinesis(1);
        SdkWriterSettings small =
                new SdkWriterSettings(
                        true,
                        2_000,
                        10_000,
                        1024 * 1024,
                        1_000,
                        10,
                        ExponentialBackoff.withJitter(
                                Duration.ofMillis(5), Duration.ofMillis(5 * 10)));
        SendLoop loop = new SendLoop(kinesis, small, System::nanoTime, new SdkWriterStats());
        List<PendingUserRecord> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int size = i == 2 ? 5_000 : 10;
            records.add(
                    new PendingUserRecord(
                            record("k", null, new byte[size]), HashKeys.ofPartitionKey("k"), i));
        }
        records.forEach(loop::submit);
        while (!records.stream().allMatch(r -> r.outcome.isDone())) {
            loop.step();
        }

        // [0, 1] aggregated, [2] alone, [3, 4] aggregated: three Kinesis records, in order
        assertThat(kinesis.kinesisRecords).isEqualTo(3);
        assertThat(kinesis.landed)
                .extracting(l -> l.data().length())
                .containsExactly(10, 10, 5_000, 10, 10);
    }
}
