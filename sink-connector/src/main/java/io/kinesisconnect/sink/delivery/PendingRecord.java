package io.kinesisconnect.sink.delivery;

import io.kinesisconnect.sink.write.KinesisRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * A record on its way to Kinesis: the Kafka record it came from, what is written, and how often it
 * was written again. {@code epoch} tells a record of an earlier assignment of the same partition
 * from a current one.
 */
public final class PendingRecord {
    private final SinkRecord source;
    private final TopicPartition partition;
    private final KinesisRecord record;
    private final long epoch;
    private int retries;

    PendingRecord(SinkRecord source, TopicPartition partition, KinesisRecord record, long epoch) {
        this.source = source;
        this.partition = partition;
        this.record = record;
        this.epoch = epoch;
    }

    public SinkRecord source() {
        return source;
    }

    public TopicPartition partition() {
        return partition;
    }

    public long offset() {
        return source.originalKafkaOffset();
    }

    public KinesisRecord record() {
        return record;
    }

    long epoch() {
        return epoch;
    }

    int retries() {
        return retries;
    }

    int retried() {
        return ++retries;
    }

    /** topic, partition and offset, as error messages name a record. */
    public String describe() {
        return Records.describe(source);
    }
}
