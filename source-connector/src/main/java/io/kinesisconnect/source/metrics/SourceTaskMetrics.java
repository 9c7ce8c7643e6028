package io.kinesisconnect.source.metrics;

import io.kinesisconnect.common.metrics.JmxNames;
import io.kinesisconnect.common.metrics.MBeanRegistrar;
import io.kinesisconnect.source.kinesis.ShardRef;
import io.kinesisconnect.source.shard.ReaderMetrics;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import javax.management.ObjectName;

/**
 * A source task's JMX beans: one for the task, one per shard it owns. A shard's bean appears when
 * the task takes the shard and goes when the shard is finished; {@link #close()} removes all of
 * them when the task stops. Events for a shard without a bean (finished, or after close) only count
 * towards the task's totals.
 */
public final class SourceTaskMetrics implements ReaderMetrics, AutoCloseable {

    /** The bean type of a task. */
    public static final String TASK_TYPE = "kinesis-source-task";

    /** The bean type of a shard. */
    public static final String SHARD_TYPE = "kinesis-source-shard";

    private final String connector;
    private final String task;
    private final MBeanRegistrar registrar;
    private final LongSupplier nanoTime;
    private final Map<ShardRef, ShardMetrics> shards = new ConcurrentHashMap<>();
    private final TaskMetrics taskMetrics;

    /**
     * Metrics not yet visible over JMX: {@link #register} shows them once the task is set up, so a
     * task that fails to start leaves no bean behind.
     *
     * @param bufferedGroups the buffer's current fill
     * @param bufferCapacity the buffer's size
     */
    public SourceTaskMetrics(
            String connector,
            String task,
            IntSupplier bufferedGroups,
            int bufferCapacity,
            MBeanRegistrar registrar,
            LongSupplier nanoTime) {
        this.connector = connector;
        this.task = task;
        this.registrar = registrar;
        this.nanoTime = nanoTime;
        this.taskMetrics =
                new TaskMetrics(bufferedGroups, bufferCapacity, shards::values, nanoTime);
    }

    /** Registers the task's bean, and a bean for each shard the task owns and has not finished. */
    public void register(Collection<ShardRef> owned) {
        registrar.register(taskName(connector, task), taskMetrics);
        owned.forEach(this::shardAssigned);
    }

    /** The JMX name of a task's bean. */
    public static ObjectName taskName(String connector, String task) {
        return JmxNames.of(TASK_TYPE, JmxNames.CONNECTOR, connector, JmxNames.TASK, task);
    }

    /** The JMX name of a shard's bean. */
    public static ObjectName shardName(String connector, String task, ShardRef shard) {
        return JmxNames.of(
                SHARD_TYPE,
                JmxNames.CONNECTOR,
                connector,
                JmxNames.TASK,
                task,
                "stream",
                shard.stream(),
                "shard",
                shard.shardId());
    }

    /** The task took {@code shard}: it waits on its parents until its reader starts reading it. */
    private void shardAssigned(ShardRef shard) {
        ShardMetrics metrics = new ShardMetrics(nanoTime);
        shards.put(shard, metrics);
        registrar.register(shardName(connector, task, shard), metrics);
    }

    @Override
    public void shardReading(ShardRef shard) {
        ShardMetrics metrics = shards.get(shard);
        if (metrics != null) {
            metrics.reading();
        }
    }

    @Override
    public void getRecords(ShardRef shard, int records, long bytes, Long millisBehindLatest) {
        taskMetrics.throughput().getRecords(records, bytes);
        ShardMetrics metrics = shards.get(shard);
        if (metrics != null) {
            metrics.getRecords(records, bytes, millisBehindLatest);
        }
    }

    @Override
    public void throttled(ShardRef shard) {
        taskMetrics.throughput().throttled();
        ShardMetrics metrics = shards.get(shard);
        if (metrics != null) {
            metrics.throttled();
        }
    }

    @Override
    public void iteratorObtained(ShardRef shard) {
        ShardMetrics metrics = shards.get(shard);
        if (metrics != null && metrics.iteratorObtained()) {
            taskMetrics.throughput().iteratorRefreshed();
        }
    }

    @Override
    public void subscribed(ShardRef shard, boolean renewal) {
        ShardMetrics metrics = shards.get(shard);
        if (metrics != null) {
            metrics.subscribed(renewal);
        }
    }

    @Override
    public void transientError() {
        taskMetrics.transientError();
    }

    @Override
    public void shardFinished(ShardRef shard) {
        if (shards.remove(shard) != null) {
            taskMetrics.shardFinished();
            registrar.unregister(shardName(connector, task, shard));
        }
    }

    /** Removes the task's bean and every shard bean. */
    @Override
    public void close() {
        shards.clear();
        registrar.close();
    }
}
