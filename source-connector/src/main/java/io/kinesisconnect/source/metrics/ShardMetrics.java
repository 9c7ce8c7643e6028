package io.kinesisconnect.source.metrics;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** The JMX bean of one shard: written by its reader, read by JMX clients. */
final class ShardMetrics extends ThroughputAttributes implements KinesisSourceShardMetricsMXBean {

    private volatile long millisBehindLatest = -1;
    private volatile boolean waitingOnParents = true;
    private volatile boolean hadIterator;
    private final AtomicLong subscriptionRenewals = new AtomicLong();

    ShardMetrics(LongSupplier nanoTime) {
        super(new Throughput(nanoTime));
    }

    void reading() {
        waitingOnParents = false;
    }

    void getRecords(int records, long bytes, Long millisBehind) {
        throughput.getRecords(records, bytes);
        if (millisBehind != null) {
            millisBehindLatest = millisBehind;
        }
    }

    void throttled() {
        throughput.throttled();
    }

    /**
     * @return whether this iterator replaces an earlier one (a refresh), not the shard's first
     */
    boolean iteratorObtained() {
        if (!hadIterator) {
            hadIterator = true;
            return false;
        }
        throughput.iteratorRefreshed();
        return true;
    }

    void subscribed(boolean renewal) {
        if (renewal) {
            subscriptionRenewals.incrementAndGet();
        }
    }

    @Override
    public long getSubscriptionRenewals() {
        return subscriptionRenewals.get();
    }

    @Override
    public long getMillisBehindLatest() {
        return millisBehindLatest;
    }

    @Override
    public boolean isWaitingOnParents() {
        return waitingOnParents;
    }
}
