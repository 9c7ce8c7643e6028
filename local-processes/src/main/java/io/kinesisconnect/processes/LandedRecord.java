package io.kinesisconnect.processes;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One user record as it landed in a stream: after deaggregation, a KPL aggregate yields several of
 * these with the same sequence number and increasing sub-sequence numbers.
 *
 * @param shardId the shard that holds it
 * @param sequenceNumber the Kinesis record's sequence number
 * @param subSequenceNumber the position inside a KPL aggregate, 0 for a plain record
 * @param aggregated whether it came out of a KPL aggregate
 * @param partitionKey the user record's own partition key
 * @param explicitHashKey the explicit hash key, or null when none was given
 * @param data the payload bytes (not copied: do not modify)
 * @param arrival the approximate arrival timestamp of the Kinesis record
 */
public record LandedRecord(
        String shardId,
        String sequenceNumber,
        long subSequenceNumber,
        boolean aggregated,
        String partitionKey,
        String explicitHashKey,
        byte[] data,
        Instant arrival) {

    /** The payload decoded as UTF-8, for tests that wrote text. */
    public String dataAsString() {
        return new String(data, StandardCharsets.UTF_8);
    }
}
