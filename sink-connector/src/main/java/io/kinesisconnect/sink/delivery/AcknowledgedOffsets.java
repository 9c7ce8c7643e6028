package io.kinesisconnect.sink.delivery;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;

/**
 * Per Kafka partition, the offset up to which every received record has been acknowledged: the
 * offset a sink may commit. A record that is still outstanding, or whose write failed and is being
 * retried, holds the commit back for its partition, even when later records are acknowledged.
 *
 * <p>Not thread-safe: the caller synchronises.
 */
public final class AcknowledgedOffsets {

    private final Map<TopicPartition, PartitionState> partitions = new HashMap<>();

    /**
     * Records that {@code offset} of {@code partition} was received and is not yet acknowledged.
     */
    public void received(TopicPartition partition, long offset) {
        PartitionState state = partitions.computeIfAbsent(partition, p -> new PartitionState());
        state.unacknowledged.add(offset);
        state.highestReceived = Math.max(state.highestReceived, offset);
    }

    /**
     * Records that {@code offset} of {@code partition} is done with: written to Kinesis, or handed
     * to the dead-letter queue, or skipped by policy. Unknown offsets are ignored, so a late
     * acknowledgement for a partition that was closed meanwhile changes nothing.
     */
    public void acknowledged(TopicPartition partition, long offset) {
        PartitionState state = partitions.get(partition);
        if (state != null) {
            state.unacknowledged.remove(offset);
        }
    }

    /**
     * The next offset to commit for {@code partition}: one past the highest offset below which
     * every received record is acknowledged. Empty when nothing can be committed yet.
     */
    public Optional<Long> committable(TopicPartition partition) {
        PartitionState state = partitions.get(partition);
        if (state == null || state.highestReceived < 0) {
            return Optional.empty();
        }
        // The first unacknowledged offset is where a restarted consumer must resume.
        return Optional.of(
                state.unacknowledged.isEmpty()
                        ? state.highestReceived + 1
                        : state.unacknowledged.first());
    }

    /** How many received records of {@code partition} are not acknowledged yet. */
    public int unacknowledged(TopicPartition partition) {
        PartitionState state = partitions.get(partition);
        return state == null ? 0 : state.unacknowledged.size();
    }

    /** Forgets a partition, for example when it is revoked; later acknowledgements are ignored. */
    public void forget(TopicPartition partition) {
        partitions.remove(partition);
    }

    private static final class PartitionState {
        private final TreeSet<Long> unacknowledged = new TreeSet<>();
        private long highestReceived = -1;
    }
}
