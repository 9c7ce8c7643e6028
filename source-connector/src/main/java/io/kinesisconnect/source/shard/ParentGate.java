package io.kinesisconnect.source.shard;

/**
 * Decides when a shard may be read: after a reshard, a child's records must reach Kafka only after
 * every record of its parents, even when another task or worker reads the parents.
 */
public interface ParentGate {

    /**
     * Whether every parent of {@code shard} is finished (read to its end and recorded so), or gone
     * from the stream because its data expired.
     */
    boolean mayStart(ShardRef shard);

    /**
     * Tells the gate that this task has emitted every record of {@code shard} and its finished
     * marker; children read by the same task may start without waiting for the offset commit,
     * because one task's records reach Kafka in the order it emits them.
     */
    void finishedLocally(ShardRef shard);
}
