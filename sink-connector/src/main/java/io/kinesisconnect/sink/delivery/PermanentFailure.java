package io.kinesisconnect.sink.delivery;

import org.apache.kafka.connect.sink.SinkRecord;

/**
 * A record that cannot be written, waiting to be reported on the task thread.
 *
 * @param record the Kafka record
 * @param reason why it cannot be written
 * @param epoch the assignment of its partition it belongs to
 */
public record PermanentFailure(SinkRecord record, String reason, long epoch) {}
