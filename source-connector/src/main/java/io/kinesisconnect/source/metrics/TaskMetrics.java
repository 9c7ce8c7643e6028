package io.kinesisconnect.source.metrics;

import java.util.Collection;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** The JMX bean of one source task: its own totals, and figures read from its shards and buffer. */
final class TaskMetrics extends ThroughputAttributes implements KinesisSourceTaskMetricsMXBean {

    private final LongAdder transientErrors = new LongAdder();
    private final LongAdder shardsFinished = new LongAdder();
    private final IntSupplier bufferedGroups;
    private final int bufferCapacity;
    private final Supplier<Collection<ShardMetrics>> shards;

    TaskMetrics(
            IntSupplier bufferedGroups,
            int bufferCapacity,
            Supplier<Collection<ShardMetrics>> shards,
            LongSupplier nanoTime) {
        super(new Throughput(nanoTime));
        this.bufferedGroups = bufferedGroups;
        this.bufferCapacity = bufferCapacity;
        this.shards = shards;
    }

    Throughput throughput() {
        return throughput;
    }

    void transientError() {
        transientErrors.increment();
    }

    void shardFinished() {
        shardsFinished.increment();
    }

    @Override
    public int getBufferedGroups() {
        return bufferedGroups.getAsInt();
    }

    @Override
    public int getBufferCapacity() {
        return bufferCapacity;
    }

    @Override
    public int getShardsOwned() {
        return shards.get().size();
    }

    @Override
    public int getShardsWaitingOnParents() {
        return (int) shards.get().stream().filter(ShardMetrics::isWaitingOnParents).count();
    }

    @Override
    public long getShardsFinished() {
        return shardsFinished.sum();
    }

    @Override
    public long getMaxMillisBehindLatest() {
        return shards.get().stream()
                .mapToLong(ShardMetrics::getMillisBehindLatest)
                .max()
                .orElse(-1);
    }

    @Override
    public long getTransientErrors() {
        return transientErrors.sum();
    }
}
