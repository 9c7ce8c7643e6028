package io.kinesisconnect.source.record;

import io.kinesisconnect.source.kinesis.ShardRef;
import io.kinesisconnect.source.offset.ShardOffset;
import io.kinesisconnect.source.offset.SourceOffsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/**
 * Turns one Kinesis user record into Connect records, one per target topic: the partition key as a
 * string key, the data as bytes, the arrival time as the timestamp, and headers that say where it
 * came from. Every copy carries the same source offset, so fan-out never advances a shard twice.
 */
public final class RecordConverter {

    private final StreamRoutes routes;
    private final ValueDecoder values;
    private final Set<MetadataHeader> headers;

    /** Bytes values and every metadata header. */
    public RecordConverter(StreamRoutes routes) {
        this(routes, false, EnumSet.allOf(MetadataHeader.class));
    }

    /**
     * @param valuesAsStrings decode values as UTF-8 strings instead of passing bytes
     * @param headers the metadata headers to put on every record
     */
    public RecordConverter(
            StreamRoutes routes, boolean valuesAsStrings, Set<MetadataHeader> headers) {
        this.routes = routes;
        this.values = new ValueDecoder(valuesAsStrings);
        this.headers = headers.isEmpty() ? Set.of() : EnumSet.copyOf(headers);
    }

    /** The Connect records for {@code record}, read from {@code shard}. */
    public List<SourceRecord> convert(ShardRef shard, KinesisClientRecord record) {
        return forShard(shard).convert(record);
    }

    /**
     * A converter for the records of one shard, which works out once what all of them share: the
     * source partition, the topics, and the headers whose value is the same on every record.
     */
    public ForShard forShard(ShardRef shard) {
        return new ForShard(shard);
    }

    /** Converts the records of one shard; see {@link RecordConverter#forShard(ShardRef)}. */
    public final class ForShard {

        private final Map<String, String> partition;
        private final List<String> topics;
        private final ConnectHeaders shardHeaders = new ConnectHeaders();
        private final Optional<String> valueType;

        private ForShard(ShardRef shard) {
            // Connect only reads a source partition, so every record of the shard can share one.
            this.partition = Collections.unmodifiableMap(SourceOffsets.partition(shard));
            this.topics = routes.topics(shard.stream());
            this.valueType =
                    headers.contains(MetadataHeader.VALUE_TYPE)
                            ? routes.valueType(shard.stream())
                            : Optional.empty();
            if (headers.contains(MetadataHeader.STREAM)) {
                shardHeaders.addString(KinesisHeaders.STREAM, shard.stream());
            }
            if (headers.contains(MetadataHeader.SHARD)) {
                shardHeaders.addString(KinesisHeaders.SHARD_ID, shard.shardId());
            }
        }

        /** The Connect records for {@code record}. */
        public List<SourceRecord> convert(KinesisClientRecord record) {
            Map<String, Object> offset =
                    SourceOffsets.offset(
                            new ShardOffset(
                                    record.sequenceNumber(), record.subSequenceNumber(), false));
            ValueDecoder.Value value = values.decode(bytes(record.data()));
            Long timestamp =
                    record.approximateArrivalTimestamp() == null
                            ? null
                            : record.approximateArrivalTimestamp().toEpochMilli();
            ConnectHeaders recordHeaders = headers(record, timestamp);
            if (value.base64()) {
                recordHeaders.addString(KinesisHeaders.VALUE_ENCODING, "base64");
            }
            List<SourceRecord> records = new ArrayList<>(topics.size());
            for (String topic : topics) {
                records.add(
                        new SourceRecord(
                                partition,
                                offset,
                                topic,
                                null,
                                Schema.STRING_SCHEMA,
                                record.partitionKey(),
                                value.schema(),
                                value.value(),
                                timestamp,
                                recordHeaders));
            }
            return records;
        }

        private ConnectHeaders headers(KinesisClientRecord record, Long timestamp) {
            ConnectHeaders out = new ConnectHeaders();
            // Headers are immutable values, so the shard's own can be shared by every record.
            for (Header header : shardHeaders) {
                out.add(header);
            }
            if (headers.contains(MetadataHeader.SEQUENCE)) {
                out.addString(KinesisHeaders.SEQUENCE_NUMBER, record.sequenceNumber());
            }
            if (headers.contains(MetadataHeader.SUBSEQUENCE)) {
                out.addLong(KinesisHeaders.SUBSEQUENCE_NUMBER, record.subSequenceNumber());
            }
            if (timestamp != null && headers.contains(MetadataHeader.ARRIVAL)) {
                out.addLong(KinesisHeaders.ARRIVAL_TIMESTAMP, timestamp);
            }
            valueType.ifPresent(type -> out.addString(KinesisHeaders.VALUE_TYPE, type));
            return out;
        }
    }

    private static byte[] bytes(ByteBuffer data) {
        byte[] bytes = new byte[data.remaining()];
        data.duplicate().get(bytes);
        return bytes;
    }
}
