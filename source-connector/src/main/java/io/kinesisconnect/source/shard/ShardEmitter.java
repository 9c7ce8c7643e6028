package io.kinesisconnect.source.shard;

import io.kinesisconnect.source.kinesis.IteratorPosition;
import io.kinesisconnect.source.kinesis.ShardRef;
import io.kinesisconnect.source.offset.OffsetMarkers;
import io.kinesisconnect.source.offset.ShardOffset;
import io.kinesisconnect.source.record.Deaggregator;
import io.kinesisconnect.source.record.RecordConverter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.connect.source.SourceRecord;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/**
 * The half of a shard reader that does not depend on how records are fetched: it expands KPL
 * aggregates, skips user records at or before the last one handed over, converts the rest, hands
 * them to the task's buffer as it makes room, and queues the shard-finished marker. Polling and
 * enhanced fan-out readers share it, so both resume, skip and finish the same way.
 */
final class ShardEmitter {

    private final ShardRef shard;
    private final Deaggregator deaggregator;
    private final RecordConverter.ForShard converter;
    private final RecordBuffer buffer;
    private final ReaderSettings settings;
    private final ReaderStats stats;
    private final List<List<SourceRecord>> pending = new ArrayList<>();
    private ShardOffset lastRead;
    private boolean markerQueued;

    ShardEmitter(ShardRef shard, Optional<ShardOffset> stored, ReaderContext context) {
        this.shard = shard;
        this.deaggregator = context.deaggregator();
        this.converter = context.converter().forShard(shard);
        this.buffer = context.buffer();
        this.settings = context.settings();
        this.stats = context.stats();
        this.lastRead = stored.orElse(null);
    }

    /**
     * Queues the user records of one Kinesis answer that come after the last one handed over, and
     * counts the answer.
     */
    void accept(List<Record> records, Long millisBehindLatest) {
        List<KinesisClientRecord> userRecords = deaggregator.expand(records);
        long bytes = 0;
        int emitted = 0;
        for (KinesisClientRecord record : userRecords) {
            if (lastRead != null
                    && !lastRead.isBefore(record.sequenceNumber(), record.subSequenceNumber())) {
                continue;
            }
            pending.add(converter.convert(record));
            lastRead = new ShardOffset(record.sequenceNumber(), record.subSequenceNumber(), false);
            bytes += record.data().remaining();
            emitted++;
        }
        stats.recordBatch(shard, emitted, bytes, millisBehindLatest);
    }

    /** Hands pending records to the buffer; true when nothing is left pending. */
    boolean flush() {
        if (pending.isEmpty()) {
            return true;
        }
        int added = buffer.offer(pending);
        pending.subList(0, added).clear();
        return pending.isEmpty();
    }

    /**
     * Queues the finished marker once and hands it over; true once it is in the buffer. Were the
     * reader done before that, a marker that met a full buffer would be dropped, and the shard's
     * children would wait for it forever.
     */
    boolean finish() {
        if (!markerQueued) {
            pending.add(
                    List.of(
                            OffsetMarkers.shardFinished(
                                    settings.markerTopic(),
                                    settings.connectorName(),
                                    shard,
                                    lastRead == null ? ShardOffset.finished(null, 0) : lastRead)));
            markerQueued = true;
        }
        return flush();
    }

    /**
     * Where to read again from: AT, not AFTER, the last record handed over, since it may be an
     * aggregate emitted only in part; {@link #accept} skips what was emitted. Without one, {@code
     * initial}.
     */
    IteratorPosition resumePosition(IteratorPosition initial) {
        if (lastRead != null && lastRead.sequenceNumber() != null) {
            return new IteratorPosition.AtSequenceNumber(lastRead.sequenceNumber());
        }
        return initial;
    }

    /** Just past the last record handed over, or {@code initial} without one. */
    IteratorPosition afterLast(IteratorPosition initial) {
        if (lastRead != null && lastRead.sequenceNumber() != null) {
            return new IteratorPosition.AfterSequenceNumber(lastRead.sequenceNumber());
        }
        return initial;
    }

    /** The last user record handed over, if any. */
    Optional<ShardOffset> lastRead() {
        return Optional.ofNullable(lastRead);
    }

    String describePosition(IteratorPosition initial) {
        if (lastRead != null && lastRead.sequenceNumber() != null) {
            return "after sequence="
                    + lastRead.sequenceNumber()
                    + " subsequence="
                    + lastRead.subSequenceNumber();
        }
        return initial.toString();
    }
}
