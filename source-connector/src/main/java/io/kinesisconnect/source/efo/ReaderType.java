package io.kinesisconnect.source.efo;

import io.kinesisconnect.common.config.ConfigChoice;

/** How the tasks read shards: the values of {@code kinesis.reader.type}. */
public enum ReaderType implements ConfigChoice {
    /** GetRecords on a schedule: shares each shard's 2 MiB/s and 5 calls/s with other readers. */
    POLLING,
    /** Enhanced fan-out: SubscribeToShard pushes over HTTP/2, with 2 MiB/s per shard of its own. */
    EFO
}
