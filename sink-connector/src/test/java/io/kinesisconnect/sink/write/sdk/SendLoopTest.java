package io.kinesisconnect.sink.write.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.common.retry.ExponentialBackoff;
import io.kinesisconnect.sink.KeyOrderCheck;
import io.kinesisconnect.sink.write.KinesisRecord;
import io.kinesisconnect.sink.write.WriteOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The send loop driven step by step against {@link FakeKinesis} with a fake clock: per-key order
 * through failed entries, failed calls, shuffled landing within a call and resharding; the budget;
 * the buckets.
 */
class SendLoopTest {

    private static final String STREAM = "s";
    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final SdkWriterStats stats = new SdkWriterStats();
    private final List<PendingUserRecord> submitted = new ArrayList<>();
    private final Map<String, Long> perKey = new HashMap<>();

    private static SdkWriterSettings settings(boolean aggregation, int maxRetries) {
        return new SdkWriterSettings(
                aggregation,
                1024 * 1024,
                10_000,
                1024 * 1024,
                1_000,
                maxRetries,
                ExponentialBackoff.withJitter(Duration.ofMillis(100), Duration.ofMillis(100 * 10)));
    }

    private PendingUserRecord record(String key) {
        long sequence = perKey.merge(key, 1L, Long::sum) - 1;
        byte[] data = (key + ":" + sequence).getBytes(StandardCharsets.UTF_8);
        PendingUserRecord r =
                new PendingUserRecord(
                        new KinesisRecord(STREAM, key, null, data),
                        HashKeys.ofPartitionKey(key),
                        submitted.size());
        submitted.add(r);
        return r;
    }

    /**
     * Submits {@code total} records over {@code keys} keys, {@code perStep} at a time between
     * steps, so records arrive while others are out, then steps until every outcome is known.
     *
     * @return how many steps it took
     */
    private int run(SendLoop loop, int keys, int total, int perStep) {
        int steps = 0;
        int next = 0;
        int firstPending = 0;
        while (next < total || firstPending < submitted.size()) {
            for (int i = 0; i < perStep && next < total; i++, next++) {
                loop.submit(record("key-" + (next * 7919 % keys)));
            }
            long wait = loop.step();
            clock.addAndGet(wait);
            assertThat(++steps).as("steps").isLessThan(200_000);
            while (firstPending < submitted.size()
                    && submitted.get(firstPending).outcome.isDone()) {
                firstPending++;
            }
        }
        return steps;
    }

    private KeyOrderCheck.Result order(FakeKinesis kinesis) {
        List<KeyOrderCheck.Landed> landed = new ArrayList<>();
        for (FakeKinesis.Landed l : kinesis.landed) {
            String[] parts = l.data().split(":");
            assertThat(parts[0])
                    .as("the user record's own partition key")
                    .isEqualTo(l.partitionKey());
            landed.add(new KeyOrderCheck.Landed(parts[0], Long.parseLong(parts[1])));
        }
        return KeyOrderCheck.check(landed, perKey);
    }

    private void assertAllWritten() {
        assertThat(submitted)
                .allSatisfy(
                        r ->
                                assertThat(r.outcome.getNow(null))
                                        .isInstanceOf(WriteOutcome.Written.class));
    }

    @Test
    void everyKeyLandsInOrderThroughFailedEntriesFailedCallsAndShuffledLanding() {
        FakeKinesis kinesis = new FakeKinesis(4);
        kinesis.entryFailureRate = 0.3;
        kinesis.callFailureRate = 0.1;
        SendLoop loop = new SendLoop(kinesis, settings(true, 1_000), clock::get, stats);

        run(loop, 40, 8_000, 25);

        assertAllWritten();
        assertThat(order(kinesis)).isEqualTo(new KeyOrderCheck.Result(0, 0, 0));
        assertThat(kinesis.failedEntries).as("failed entries injected").isGreaterThan(10);
        assertThat(kinesis.failedCalls).as("failed calls injected").isGreaterThan(10);
        assertThat(kinesis.maxEntriesPerShardInOneCall).isEqualTo(1);
        assertThat(kinesis.kinesisRecords).as("aggregated").isLessThan(8_000 / 5);
        assertThat(stats.userRecords()).isEqualTo(8_000);
        assertThat(stats.failedEntries()).isEqualTo(kinesis.failedEntries);
        assertThat(stats.failedCalls()).isEqualTo(kinesis.failedCalls);
    }

    @Test
    void withoutAggregationAShardTakesOneRecordPerCallAndOrderHolds() {
        FakeKinesis kinesis = new FakeKinesis(4);
        kinesis.entryFailureRate = 0.3;
        kinesis.callFailureRate = 0.1;
        SendLoop loop = new SendLoop(kinesis, settings(false, 1_000), clock::get, stats);

        run(loop, 40, 2_000, 25);

        assertAllWritten();
        assertThat(order(kinesis)).isEqualTo(new KeyOrderCheck.Result(0, 0, 0));
        assertThat(kinesis.failedEntries).isGreaterThan(10);
        assertThat(kinesis.maxEntriesPerShardInOneCall).isEqualTo(1);
        assertThat(kinesis.kinesisRecords).isEqualTo(2_000);
        // one record per shard per round trip: at least total / shards successful calls
        assertThat(kinesis.calls).isGreaterThanOrEqualTo(2_000 / 4);
    }

    @Test
    void aSplitMidStreamReroutesQueuedRecordsAndCountsTheMisplacedOnes() {
        FakeKinesis kinesis = new FakeKinesis(2);
        kinesis.entryFailureRate = 0.1;
        kinesis.beforeCall =
                n -> {
                    if (n == 5) {
                        kinesis.split("shardId-000000000000");
                    }
                };
        SendLoop loop = new SendLoop(kinesis, settings(true, 1_000), clock::get, stats);

        run(loop, 60, 6_000, 40);

        assertAllWritten();
        assertThat(order(kinesis)).isEqualTo(new KeyOrderCheck.Result(0, 0, 0));
        assertThat(stats.mapRefreshes()).isGreaterThanOrEqualTo(2);
        assertThat(kinesis.misplaced).as("an aggregate built before the split").isPositive();
        assertThat(stats.misplaced()).isEqualTo(kinesis.misplaced);
        assertThat(kinesis.landed.stream().map(FakeKinesis.Landed::shardId).distinct())
                .as("the children took records")
                .contains("shardId-000000000002", "shardId-000000000003");
    }

    @Test
    void aMergeMidStreamKeepsEveryKeysOrder() {
        FakeKinesis kinesis = new FakeKinesis(4);
        kinesis.entryFailureRate = 0.2;
        kinesis.beforeCall =
                n -> {
                    if (n == 6) {
                        kinesis.merge("shardId-000000000001", "shardId-000000000002");
                    }
                };
        SendLoop loop = new SendLoop(kinesis, settings(true, 1_000), clock::get, stats);

        run(loop, 60, 6_000, 40);

        assertAllWritten();
        assertThat(order(kinesis)).isEqualTo(new KeyOrderCheck.Result(0, 0, 0));
        assertThat(stats.mapRefreshes()).isGreaterThanOrEqualTo(2);
        assertThat(kinesis.landed.stream().map(FakeKinesis.Landed::shardId))
                .contains("shardId-000000000004");
    }

    @Test
    void aRecordPastItsBudgetStopsTheWriterAndFailsEverythingQueued() {
        FakeKinesis kinesis = new FakeKinesis(2);
        SendLoop loop = new SendLoop(kinesis, settings(true, 3), clock::get, stats);
        loop.submit(record("a"));
        loop.step();
        kinesis.down = true;

        run(loop, 5, 100, 10);

        List<String> reasons =
                submitted.subList(1, submitted.size()).stream()
                        .map(r -> (WriteOutcome.Failed) r.outcome.getNow(null))
                        .peek(f -> assertThat(f.permanent()).isFalse())
                        .map(WriteOutcome.Failed::reason)
                        .toList();
        assertThat(reasons)
                .filteredOn(r -> r.contains("gave up"))
                .singleElement()
                .satisfies(
                        r ->
                                assertThat(r)
                                        .contains(
                                                "gave up after 4 failed attempts (kinesis.retries.max=3)")
                                        .contains("Rate exceeded for stream"));
        assertThat(reasons).filteredOn(r -> r.contains("stopped")).hasSize(reasons.size() - 1);
        assertThat(kinesis.landed).hasSize(1);
        assertThat(loop.stopped()).isTrue();
        WriteOutcome late = submitLate(loop);
        assertThat(late).isInstanceOf(WriteOutcome.Failed.class);
    }

    private WriteOutcome submitLate(SendLoop loop) {
        PendingUserRecord late = record("late");
        loop.submit(late);
        return late.outcome.getNow(null);
    }

    @Test
    void aMissingShardMapCountsAgainstTheBudgetOfTheWaitingRecords() {
        FakeKinesis kinesis = new FakeKinesis(1);
        kinesis.down = true;
        SendLoop loop = new SendLoop(kinesis, settings(true, 2), clock::get, stats);

        run(loop, 1, 3, 3);

        assertThat(kinesis.listShardsCalls).isEqualTo(3);
        assertThat(((WriteOutcome.Failed) submitted.get(0).outcome.getNow(null)).reason())
                .contains("ListShards");
    }

    @Test
    void theBucketsHoldAShardToItsRecordRateWithoutSpinning() {
        FakeKinesis kinesis = new FakeKinesis(1);
        SdkWriterSettings slow =
                new SdkWriterSettings(
                        false,
                        1024 * 1024,
                        10_000,
                        1024 * 1024,
                        10,
                        10,
                        ExponentialBackoff.withJitter(
                                Duration.ofMillis(100), Duration.ofMillis(100 * 10)));
        SendLoop loop = new SendLoop(kinesis, slow, clock::get, stats);
        long started = clock.get();

        int steps = run(loop, 3, 100, 100);

        assertAllWritten();
        // 10 records at once from the full bucket, then 10 per second
        long seconds = TimeUnit.NANOSECONDS.toSeconds(clock.get() - started);
        assertThat(seconds).isBetween(8L, 10L);
        assertThat(kinesis.calls).isEqualTo(100);
        assertThat(steps).as("steps: one per call plus the waits").isLessThan(300);
    }

    @Test
    void theByteBucketCapsTheAggregateSize() {
        FakeKinesis kinesis = new FakeKinesis(1);
        SdkWriterSettings slow =
                new SdkWriterSettings(
                        true,
                        1024 * 1024,
                        10_000,
                        2_000,
                        1_000,
                        10,
                        ExponentialBackoff.withJitter(
                                Duration.ofMillis(100), Duration.ofMillis(100 * 10)));
        SendLoop loop = new SendLoop(kinesis, slow, clock::get, stats);
        long started = clock.get();

        run(loop, 3, 1_000, 1_000);

        assertAllWritten();
        assertThat(order(kinesis)).isEqualTo(new KeyOrderCheck.Result(0, 0, 0));
        // about 10 bytes per record: 10 KB at 2 KB/s after the first 2 KB
        long seconds = TimeUnit.NANOSECONDS.toSeconds(clock.get() - started);
        assertThat(seconds).isBetween(3L, 8L);
        assertThat(kinesis.calls).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aShardAtItsByteBudgetWaitsForATenthOfASecondsBytesBeforeTheNextAggregate() {
        FakeKinesis kinesis = new FakeKinesis(1);
        SdkWriterSettings slow =
                new SdkWriterSettings(
                        true,
                        1024 * 1024,
                        10_000,
                        2_000,
                        1_000,
                        10,
                        ExponentialBackoff.withJitter(
                                Duration.ofMillis(100), Duration.ofMillis(100 * 10)));
        SendLoop loop = new SendLoop(kinesis, slow, clock::get, stats);

        run(loop, 3, 1_000, 1_000);

        assertAllWritten();
        // about 20 KB in all: the full bucket's 2 KB, then aggregates of about 200 bytes (a tenth
        // of 2 KB/s), not one aggregate per record-sized refill
        assertThat(kinesis.calls).isBetween(20, 150);
        assertThat(order(kinesis)).isEqualTo(new KeyOrderCheck.Result(0, 0, 0));
    }
}
