package io.kinesisconnect.source.offset;

import io.kinesisconnect.source.kinesis.ShardRef;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Records whose only job is to carry a source offset. Connect stores an offset only together with a
 * record, yet two facts have no data record to ride on: that a closed shard was read to its end
 * (maybe with no records at all), and the instant that "latest" was resolved to when the connector
 * was created. Both go to the marker topic, the way Debezium's heartbeats keep offsets moving.
 *
 * <p>A marker has no key and no value, only headers, so that every key and value converter accepts
 * it: a string or JSON schema would break a ByteArrayConverter, and the other way round.
 */
public final class OffsetMarkers {

    /** The source partition under which the resolved start of "latest" is kept. */
    public static final Map<String, String> STARTUP_PARTITION = Map.of("marker", "startup");

    /** The key of the startup offset: epoch milliseconds. */
    public static final String STARTUP_MILLIS_KEY = "start.ms";

    private OffsetMarkers() {}

    /** A marker that the shard is closed and was emitted up to {@code last}. */
    public static SourceRecord shardFinished(
            String topic, String connector, ShardRef shard, ShardOffset last) {
        ConnectHeaders headers = headers("shard-finished", connector);
        headers.addString("kinesis.stream", shard.stream());
        headers.addString("kinesis.shard.id", shard.shardId());
        return marker(
                SourceOffsets.partition(shard),
                SourceOffsets.offset(
                        ShardOffset.finished(last.sequenceNumber(), last.subSequenceNumber())),
                topic,
                headers);
    }

    /** A marker that fixes the instant "latest" means for this connector, across restarts. */
    public static SourceRecord startup(String topic, String connector, Instant start) {
        ConnectHeaders headers = headers("startup", connector);
        headers.addString("kinesis.startup", start.toString());
        return marker(
                STARTUP_PARTITION,
                Map.of(STARTUP_MILLIS_KEY, start.toEpochMilli()),
                topic,
                headers);
    }

    private static ConnectHeaders headers(String kind, String connector) {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("kinesis.marker", kind);
        headers.addString("kinesis.connector", connector);
        return headers;
    }

    private static SourceRecord marker(
            Map<String, ?> partition, Map<String, ?> offset, String topic, ConnectHeaders headers) {
        return new SourceRecord(
                partition, offset, topic, null, null, null, null, null, null, headers);
    }

    /**
     * The shard whose end {@code record} marks, if it is a shard-finished marker. Cheap enough to
     * ask of every record Kafka acknowledges: data records carry {@code "finished": false}.
     */
    public static Optional<ShardRef> finishedShard(SourceRecord record) {
        Map<String, ?> offset = record.sourceOffset();
        if (offset == null || !Boolean.TRUE.equals(offset.get(SourceOffsets.FINISHED_KEY))) {
            return Optional.empty();
        }
        return Optional.of(SourceOffsets.readPartition(record.sourcePartition()));
    }

    /** Whether a source partition is the startup marker's rather than a shard's. */
    public static boolean isStartupPartition(Map<String, ?> partition) {
        return partition != null && partition.containsKey("marker");
    }

    /**
     * Reads a stored or user-supplied startup offset.
     *
     * @throws IllegalArgumentException naming the key and what is accepted
     */
    public static Optional<Instant> readStartup(Map<String, ?> partition, Map<String, ?> offset) {
        if (!STARTUP_PARTITION.equals(partition)) {
            throw new IllegalArgumentException(
                    "Invalid marker partition "
                            + partition
                            + "; the only marker partition is {\"marker\": \"startup\"}");
        }
        if (offset == null) {
            return Optional.empty();
        }
        Object millis = offset.get(STARTUP_MILLIS_KEY);
        if (offset.size() != 1 || !(millis instanceof Number n) || n.longValue() < 0) {
            throw new IllegalArgumentException(
                    "Invalid startup offset "
                            + offset
                            + "; expected {\"start.ms\": <epoch milliseconds, at least 0>}");
        }
        return Optional.of(Instant.ofEpochMilli(n.longValue()));
    }
}
