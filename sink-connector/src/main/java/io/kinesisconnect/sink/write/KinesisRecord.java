package io.kinesisconnect.sink.write;

/**
 * One user record for Kinesis.
 *
 * @param stream the target stream
 * @param partitionKey 1 to 256 characters
 * @param explicitHashKey a decimal hash key, or null to hash the partition key
 * @param data the payload (not copied: do not modify)
 */
public record KinesisRecord(
        String stream, String partitionKey, String explicitHashKey, byte[] data) {}
