package io.kinesisconnect.source.shard;

import io.kinesisconnect.source.kinesis.ShardRef;

/**
 * Decides when a shard may be read: after a reshard, a child's records must reach Kafka only after
 * every record of its parents, even when another task or worker reads the parents.
 */
public interface ParentGate {

    /**
     * Whether every parent of {@code shard} has its end recorded in Kafka (see {@link
     * #endRecorded}), or is gone from the stream because its data expired. Never throws: anything
     * it cannot find out yet is "not yet", and the reader asks again.
     */
    boolean mayStart(ShardRef shard);

    /**
     * Tells the gate that {@code shard}'s end is recorded in Kafka: Kafka acknowledged this task's
     * finished marker of it (Connect called {@code commitRecord} for the marker), or its committed
     * offset already says finished. Children read by the same task may then start without waiting
     * for the next offset commit.
     *
     * <p>Why not as soon as the marker is in the task's buffer: the marker goes to its own topic,
     * so Kafka may acknowledge a child's records before it. Connect commits the offsets of whatever
     * was acknowledged, so a commit could then hold the child's offsets without the parent's end,
     * and a crash at that point would restart the parent from its last committed offset and write
     * its tail after the child's records. Waiting for the acknowledgement means every commit that
     * holds a child's offset also holds its parents' ends; with exactly-once support Connect calls
     * {@code commitRecord} only after the transaction commits.
     */
    void endRecorded(ShardRef shard);
}
