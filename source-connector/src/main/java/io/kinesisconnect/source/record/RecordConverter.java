package io.kinesisconnect.source.record;

import io.kinesisconnect.source.offset.ShardOffset;
import io.kinesisconnect.source.offset.SourceOffsets;
import io.kinesisconnect.source.shard.ShardRef;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
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

    public RecordConverter(StreamRoutes routes) {
        this(routes, false);
    }

    /**
     * @param valuesAsStrings decode values as UTF-8 strings instead of passing bytes
     */
    public RecordConverter(StreamRoutes routes, boolean valuesAsStrings) {
        this.routes = routes;
        this.values = new ValueDecoder(valuesAsStrings);
    }

    /** The Connect records for {@code record}, read from {@code shard}. */
    public List<SourceRecord> convert(ShardRef shard, KinesisClientRecord record) {
        Map<String, String> partition = SourceOffsets.partition(shard);
        Map<String, Object> offset =
                SourceOffsets.offset(
                        new ShardOffset(
                                record.sequenceNumber(), record.subSequenceNumber(), false));
        ValueDecoder.Value value = values.decode(bytes(record.data()));
        Long timestamp =
                record.approximateArrivalTimestamp() == null
                        ? null
                        : record.approximateArrivalTimestamp().toEpochMilli();
        ConnectHeaders headers = headers(shard, record, timestamp);
        if (value.base64()) {
            headers.addString(KinesisHeaders.VALUE_ENCODING, "base64");
        }
        List<String> topics = routes.topics(shard.stream());
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
                            headers));
        }
        return records;
    }

    private ConnectHeaders headers(ShardRef shard, KinesisClientRecord record, Long timestamp) {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString(KinesisHeaders.STREAM, shard.stream());
        headers.addString(KinesisHeaders.SHARD_ID, shard.shardId());
        headers.addString(KinesisHeaders.SEQUENCE_NUMBER, record.sequenceNumber());
        headers.addLong(KinesisHeaders.SUBSEQUENCE_NUMBER, record.subSequenceNumber());
        if (timestamp != null) {
            headers.addLong(KinesisHeaders.ARRIVAL_TIMESTAMP, timestamp);
        }
        Optional<String> valueType = routes.valueType(shard.stream());
        valueType.ifPresent(type -> headers.addString(KinesisHeaders.VALUE_TYPE, type));
        return headers;
    }

    private static byte[] bytes(ByteBuffer data) {
        ByteBuffer copy = data.asReadOnlyBuffer();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
