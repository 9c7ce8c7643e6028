package io.kinesisconnect.source.metrics;

import java.util.function.LongSupplier;

/** The JMX bean of one shard: written by its reader, read by JMX clients. */
final class ShardMetrics implements KinesisSourceShardMetricsMXBean {

    private final Throughput throughput;
    private volatile long millisBehindLatest = -1;
    private volatile boolean waitingOnParents = true;
    private volatile boolean hadIterator;

    ShardMetrics(LongSupplier nanoTime) {
        this.throughput = new Throughput(nanoTime);
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

    @Override
    public long getMillisBehindLatest() {
        return millisBehindLatest;
    }

    @Override
    public double getRecordsPerSecond() {
        return throughput.recordsPerSecond();
    }

    @Override
    public double getBytesPerSecond() {
        return throughput.bytesPerSecond();
    }

    @Override
    public long getRecordsTotal() {
        return throughput.records();
    }

    @Override
    public long getBytesTotal() {
        return throughput.bytes();
    }

    @Override
    public long getGetRecordsCalls() {
        return throughput.calls();
    }

    @Override
    public long getThrottles() {
        return throughput.throttles();
    }

    @Override
    public long getIteratorRefreshes() {
        return throughput.iteratorRefreshes();
    }

    @Override
    public boolean isWaitingOnParents() {
        return waitingOnParents;
    }
}
