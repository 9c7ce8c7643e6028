package io.kinesisconnect.sink.delivery;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/** Small helpers for naming records in messages. */
public final class Records {
    private Records() {}

    /** {@code topic=t partition=p offset=o}, as read from Kafka (before any transform). */
    public static String describe(SinkRecord record) {
        return "topic="
                + record.originalTopic()
                + " partition="
                + record.originalKafkaPartition()
                + " offset="
                + record.originalKafkaOffset();
    }

    /** The partition the record was read from, even if a transform renamed its topic. */
    public static TopicPartition partitionOf(SinkRecord record) {
        return new TopicPartition(record.originalTopic(), record.originalKafkaPartition());
    }
}
