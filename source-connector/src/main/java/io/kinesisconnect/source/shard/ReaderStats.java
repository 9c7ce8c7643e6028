package io.kinesisconnect.source.shard;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters the shard readers of one task update, for the task's periodic summary. */
public final class ReaderStats {

    private final LongAdder records = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder calls = new LongAdder();
    private final LongAdder throttles = new LongAdder();
    private final LongAdder transientErrors = new LongAdder();
    private final Map<ShardRef, Long> millisBehind = new ConcurrentHashMap<>();

    void recordBatch(ShardRef shard, int userRecords, long byteCount, Long behind) {
        calls.increment();
        records.add(userRecords);
        bytes.add(byteCount);
        if (behind != null) {
            millisBehind.put(shard, behind);
        }
    }

    void throttled() {
        throttles.increment();
    }

    void transientError() {
        transientErrors.increment();
    }

    void shardDone(ShardRef shard) {
        millisBehind.remove(shard);
    }

    /**
     * Counts since the last snapshot, and the worst millis-behind-latest now.
     *
     * @return records, bytes, GetRecords calls, throttles, transient errors, max millis behind
     */
    public long[] snapshotAndReset() {
        long maxBehind = millisBehind.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return new long[] {
            records.sumThenReset(),
            bytes.sumThenReset(),
            calls.sumThenReset(),
            throttles.sumThenReset(),
            transientErrors.sumThenReset(),
            maxBehind
        };
    }
}
