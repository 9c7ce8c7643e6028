package io.kinesisconnect.source.metrics;

/**
 * The JMX attributes a shard bean and a task bean share, read from one {@link Throughput}: written
 * once here so the two beans cannot drift apart.
 */
abstract class ThroughputAttributes {

    protected final Throughput throughput;

    ThroughputAttributes(Throughput throughput) {
        this.throughput = throughput;
    }

    public double getRecordsPerSecond() {
        return throughput.recordsPerSecond();
    }

    public double getBytesPerSecond() {
        return throughput.bytesPerSecond();
    }

    public long getRecordsTotal() {
        return throughput.records();
    }

    public long getBytesTotal() {
        return throughput.bytes();
    }

    public long getGetRecordsCalls() {
        return throughput.calls();
    }

    public long getThrottles() {
        return throughput.throttles();
    }

    public long getIteratorRefreshes() {
        return throughput.iteratorRefreshes();
    }
}
