package io.kinesisconnect.sink.record;

import org.apache.kafka.connect.errors.DataException;

/**
 * A record that can never be written as it is (no stream, no usable key, over the size limit...):
 * it goes to the errant record reporter, or fails the task.
 */
public class InvalidRecordException extends DataException {
    public InvalidRecordException(String message) {
        super(message);
    }

    public InvalidRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
