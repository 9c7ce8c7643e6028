package io.kinesisconnect.sink.write;

/** How one write ended: acknowledged by Kinesis, or failed. */
public sealed interface WriteOutcome {

    /** Kinesis acknowledged the record. */
    record Written(String shardId, String sequenceNumber) implements WriteOutcome {}

    /**
     * The write failed.
     *
     * @param permanent true when writing the same record again can never succeed (over the size
     *     limit, an invalid key); false for throttling, timeouts, expiry or a producer restart
     * @param reason what went wrong, for logs and error messages
     */
    record Failed(boolean permanent, String reason) implements WriteOutcome {}
}
