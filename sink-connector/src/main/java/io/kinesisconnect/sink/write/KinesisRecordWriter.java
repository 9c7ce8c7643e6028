package io.kinesisconnect.sink.write;

import java.util.concurrent.CompletableFuture;

/**
 * Writes user records to Kinesis asynchronously. The sink task talks only to this interface; the
 * KPL sits behind {@link KplRecordWriter}, and unit tests use a hand-written fake.
 */
public interface KinesisRecordWriter extends AutoCloseable {

    /**
     * Hands one record over for writing, without waiting for the network.
     *
     * @return a future that completes, on some other thread, with the outcome; it never completes
     *     exceptionally
     */
    CompletableFuture<WriteOutcome> write(KinesisRecord record);

    /**
     * Whether the writer re-sends transiently failed records itself, in order. A transient {@link
     * WriteOutcome.Failed} from such a writer means its retry budget is spent: the caller must not
     * send the record again, which would land it behind later records of its shard.
     */
    default boolean retriesInternally() {
        return false;
    }

    /**
     * User records that landed in a shard whose hash-key range does not hold their key (an
     * aggregate built before a reshard lands whole in one child); 0 for a writer that cannot tell.
     */
    default long recordsMisplaced() {
        return 0;
    }

    /**
     * User records the writer itself sent again after a failed attempt, for a writer that {@link
     * #retriesInternally()}; 0 for one that leaves re-sends to its caller.
     */
    default long recordsResent() {
        return 0;
    }

    /** Asks the writer to send what it buffers now, without waiting for the result. */
    void flush();

    /**
     * Stops the writer and releases its resources (the KPL child process). Records still in flight
     * may or may not be written; their futures may never complete.
     */
    @Override
    void close();
}
