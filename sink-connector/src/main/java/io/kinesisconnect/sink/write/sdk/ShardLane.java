package io.kinesisconnect.sink.write.sdk;

import io.kinesisconnect.common.retry.ExponentialBackoff;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One shard's queue of user records in arrival order, with its write limits and its backoff. The
 * sender takes at most one entry from the head at a time and, if that entry fails, puts its records
 * back at the head, so nothing later for the shard can overtake them.
 */
final class ShardLane {

    final ShardRange range;
    final Deque<PendingUserRecord> queue = new ArrayDeque<>();
    final TokenBucket bytes;
    final TokenBucket records;

    /**
     * With aggregation, the bytes a drained bucket must hold again before the next aggregate: a
     * tenth of a second's budget (at most one aggregate). Sending whenever one record fits made
     * aggregates of a few records, each costing a call, once a shard ran at its budget.
     */
    private final long refillChunk;

    private long notBefore;
    private int consecutiveFailures;

    ShardLane(ShardRange range, SdkWriterSettings settings, LongSupplier nanoClock) {
        this.range = range;
        this.bytes = new TokenBucket(settings.shardBytesPerSecond(), nanoClock);
        this.records = new TokenBucket(settings.shardRecordsPerSecond(), nanoClock);
        this.refillChunk =
                settings.aggregation()
                        ? Math.min(
                                settings.shardBytesPerSecond() / 10, settings.maxAggregateBytes())
                        : 0;
        this.notBefore = nanoClock.getAsLong();
    }

    /** Whether the lane's backoff is over at {@code now}. */
    boolean ready(long now) {
        return now - notBefore >= 0;
    }

    /** How long until the head record could be sent: backoff and both buckets. */
    long nanosUntilSendable(long now) {
        PendingUserRecord head = queue.peek();
        if (head == null) {
            return Long.MAX_VALUE;
        }
        long backoff = Math.max(0, notBefore - now);
        return Math.max(
                backoff, Math.max(bytes.nanosUntil(bytesWanted(head)), records.nanosUntil(1)));
    }

    /** The bytes the byte bucket must allow before the next entry headed by {@code head}. */
    long bytesWanted(PendingUserRecord head) {
        return Math.max(head.plainSize, refillChunk);
    }

    void succeeded() {
        consecutiveFailures = 0;
    }

    /**
     * Puts the records of a failed entry back at the head, in their order, and starts a backoff.
     *
     * @return how many consecutive failures the lane has seen
     */
    int failed(List<PendingUserRecord> sent, long now, ExponentialBackoff backoff) {
        for (int i = sent.size() - 1; i >= 0; i--) {
            queue.addFirst(sent.get(i));
        }
        consecutiveFailures++;
        notBefore = now + backoff.delay(consecutiveFailures).toNanos();
        return consecutiveFailures;
    }
}
