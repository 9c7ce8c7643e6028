package io.kinesisconnect.source.shard;

import io.kinesisconnect.source.kinesis.ShardRef;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters the shard readers of one task update, for the task's periodic summary, passing each
 * event on to the task's {@link ReaderMetrics}.
 */
public final class ReaderStats {

    private final LongAdder records = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder calls = new LongAdder();
    private final LongAdder throttles = new LongAdder();
    private final LongAdder transientErrors = new LongAdder();
    private final Map<ShardRef, Long> millisBehind = new ConcurrentHashMap<>();
    private final ReaderMetrics metrics;

    public ReaderStats() {
        this(ReaderMetrics.NONE);
    }

    public ReaderStats(ReaderMetrics metrics) {
        this.metrics = metrics;
    }

    void recordBatch(ShardRef shard, int userRecords, long byteCount, Long behind) {
        metrics.getRecords(shard, userRecords, byteCount, behind);
        calls.increment();
        records.add(userRecords);
        bytes.add(byteCount);
        if (behind != null) {
            millisBehind.put(shard, behind);
        }
    }

    void reading(ShardRef shard) {
        metrics.shardReading(shard);
    }

    void iteratorObtained(ShardRef shard) {
        metrics.iteratorObtained(shard);
    }

    void subscribed(ShardRef shard, boolean renewal) {
        metrics.subscribed(shard, renewal);
    }

    void throttled(ShardRef shard) {
        throttles.increment();
        metrics.throttled(shard);
    }

    void transientError() {
        transientErrors.increment();
        metrics.transientError();
    }

    void shardDone(ShardRef shard) {
        millisBehind.remove(shard);
        metrics.shardFinished(shard);
    }

    /** Counts since the last snapshot, and the worst millis-behind-latest now. */
    public record Snapshot(
            long records,
            long bytes,
            long getRecordsCalls,
            long throttles,
            long transientErrors,
            long maxMillisBehindLatest) {}

    /** The counts since the last snapshot, which start again from 0. */
    public Snapshot snapshotAndReset() {
        long maxBehind = millisBehind.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return new Snapshot(
                records.sumThenReset(),
                bytes.sumThenReset(),
                calls.sumThenReset(),
                throttles.sumThenReset(),
                transientErrors.sumThenReset(),
                maxBehind);
    }
}
