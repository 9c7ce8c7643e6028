package io.kinesisconnect.sink.write.sdk;

import io.kinesisconnect.sink.write.KinesisRecord;
import io.kinesisconnect.sink.write.WriteOutcome;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** A user record inside the SDK writer, from {@code write()} until its outcome. */
final class PendingUserRecord {

    final KinesisRecord record;
    final BigInteger hashKey;

    /** The order in which {@code write()} took it: the order the records of a shard keep. */
    final long arrival;

    /** Its size as a Kinesis record of its own: data plus partition key. */
    final int plainSize;

    final CompletableFuture<WriteOutcome> outcome = new CompletableFuture<>();

    /** How many sends that carried it failed. */
    int failures;

    PendingUserRecord(KinesisRecord record, BigInteger hashKey, long arrival) {
        this.record = record;
        this.hashKey = hashKey;
        this.arrival = arrival;
        this.plainSize = record.data().length + utf8Length(record.partitionKey());
    }

    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
