package io.kinesisconnect.sink.write;

import com.google.common.util.concurrent.ListenableFuture;
import software.amazon.kinesis.producer.KinesisProducer;
import software.amazon.kinesis.producer.UserRecord;
import software.amazon.kinesis.producer.UserRecordResult;

/**
 * The three calls {@link KplRecordWriter} makes on a KPL producer. A seam so that unit tests can
 * fake a producer that refuses records or never answers, without starting the KPL's child process.
 */
public interface KplProducer {

    /**
     * Hands one record to the producer.
     *
     * @return its result; the future of a destroyed producer may never complete
     * @throws IllegalArgumentException when the KPL's own checks reject the record (size, keys)
     * @throws RuntimeException when the producer cannot take records any more (its child is gone)
     */
    ListenableFuture<UserRecordResult> addUserRecord(UserRecord record);

    /** Asks the producer to send what it buffers now, without waiting. */
    void flush();

    /** Stops the producer and its child process at once; outstanding records are abandoned. */
    void destroy();

    /** The real thing. */
    static KplProducer of(KinesisProducer producer) {
        return new KplProducer() {
            @Override
            public ListenableFuture<UserRecordResult> addUserRecord(UserRecord record) {
                return producer.addUserRecord(record);
            }

            @Override
            public void flush() {
                producer.flush();
            }

            @Override
            public void destroy() {
                producer.destroy();
            }
        };
    }
}
